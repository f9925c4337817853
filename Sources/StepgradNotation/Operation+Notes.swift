import StepgradEngine

extension Operation {
    /// The operation's remarks in English, as the solutions print them.
    public var notes: [String] { remarks.map(\.english) }
}

extension Remark {
    public var english: String {
        switch self {
        case .targetSumIsNotOne(let sum):
            "The target sums to \(NumberStyle(decimals: 6).format(sum)), not 1, so the familiar shortcut dz = ŷ − y "
                + "does not hold: the exact gradient is dz = ŷ·Σy − y."
        }
    }
}
