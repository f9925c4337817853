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
        case .overflowsHere(let iteration):
            "Overflow: in iteration \(iteration) the numbers leave the range of a double here (∞ or NaN) although every "
                + "number this step reads is finite; what depends on them is ∞ or NaN too."
        }
    }
}
