/// SGD's momentum buffer, as torch.optim.SGD keeps it: buf = μ·buf₍ₜ₋₁₎ + g, and buf = g at the first step.
public struct MomentumBuffer: RuleFamily {
    public var momentum: Double
    /// The buffer carried in from the previous iteration; none at the first step.
    public var previous: Operand?
    public var gradient: DecayedGradient

    init(momentum: Double, previous: Operand?, gradient: DecayedGradient) {
        self.momentum = momentum
        self.previous = previous
        self.gradient = gradient
    }

    var operands: [Operand] { (previous.map { [$0] } ?? []) + gradient.operands }

    func replacingOperands(_ transform: (Operand) -> Operand) -> MomentumBuffer {
        MomentumBuffer(momentum: momentum, previous: previous.map(transform), gradient: gradient.replacingOperands(transform))
    }

    static func element(previous: Double?, gradient g: Double, momentum: Double) -> Double {
        previous.map { PaperZero.sum(momentum * $0, g) } ?? g
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        gradient.gradient.value.generated { i in
            MomentumBuffer.element(previous: previous?.value.elements[i], gradient: gradient.value(i), momentum: momentum)
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        guard let previous else { return [gradient.expression(r, c, read)] }
        return [.sum([.product([.number(momentum), read(previous, r, c)]), gradient.expression(r, c, read)])]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        if let previous { read(previous, r, c) }
        gradient.reads(r, c, read)
    }
}
