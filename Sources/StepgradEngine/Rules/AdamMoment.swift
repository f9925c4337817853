/// One of Adam's moments: m = β₁·m₍ₜ₋₁₎ + (1 − β₁)·g, or v = β₂·v₍ₜ₋₁₎ + (1 − β₂)·g², both 0 before the first step.
public struct AdamMoment: RuleFamily {
    /// 1 for m, 2 for v.
    public var order: Int
    /// β₁ or β₂.
    public var beta: Double
    public var previous: Operand
    public var gradient: DecayedGradient

    init(order: Int, beta: Double, previous: Operand, gradient: DecayedGradient) {
        self.order = order
        self.beta = beta
        self.previous = previous
        self.gradient = gradient
    }

    var operands: [Operand] { [previous] + gradient.operands }

    func replacingOperands(_ transform: (Operand) -> Operand) -> AdamMoment {
        AdamMoment(order: order, beta: beta, previous: transform(previous), gradient: gradient.replacingOperands(transform))
    }

    static func element(previous: Double, gradient g: Double, beta: Double, order: Int) -> Double {
        PaperZero.sum(beta * previous, (1 - beta) * (order == 1 ? g : g * g))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        previous.value.generated { i in
            AdamMoment.element(previous: previous.value.elements[i], gradient: gradient.value(i), beta: beta, order: order)
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let g = gradient.expression(r, c, read)
        return [.sum([.product([.number(beta), read(previous, r, c)]),
                      .product([.number(1 - beta), order == 1 ? g : .square(g)])])]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        gradient.reads(r, c, read)
        read(previous, r, c)
    }
}
