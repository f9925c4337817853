/// The gradient an optimizer steps along: dp, or dp + λ·p under weight decay (L2, as torch adds it).
/// Shared by every update rule, so that each writes it, and computes it, the same way.
public struct DecayedGradient: Hashable, Sendable {
    public var gradient: Operand
    /// The parameter itself, read only under weight decay.
    public var parameter: Operand?
    public var decay: Double

    init(gradient: Operand, parameter: Operand, decay: Double) {
        self.gradient = gradient
        self.parameter = decay == 0 ? nil : parameter
        self.decay = decay
    }

    var operands: [Operand] { [gradient] + (parameter.map { [$0] } ?? []) }

    func replacingOperands(_ transform: (Operand) -> Operand) -> DecayedGradient {
        var copy = self
        copy.gradient = transform(gradient)
        copy.parameter = parameter.map(transform)
        return copy
    }

    static func value(_ dp: Double, _ p: Double, decay: Double) -> Double { decay == 0 ? dp : PaperZero.sum(dp, decay * p) }

    func value(_ i: Int) -> Double {
        DecayedGradient.value(gradient.value.elements[i], parameter?.value.elements[i] ?? 0, decay: decay)
    }

    func expression(_ r: Int, _ c: Int, _ read: CellReader) -> Expression {
        let dp = read(gradient, r, c)
        guard let parameter else { return dp }
        return .sum([dp, .product([.number(decay), read(parameter, r, c)])])
    }

    /// The cells `expression` reads, in its order.
    func reads(_ r: Int, _ c: Int, _ read: CellVisitor) {
        read(gradient, r, c)
        if let parameter { read(parameter, r, c) }
    }
}
