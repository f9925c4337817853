/// Adam's update from the bias-corrected moments: p′ = p − η·m̂/(√v̂ + ε).
public struct AdamStep: RuleFamily {
    public var settings: Optimizer.Adam
    public var parameter: Operand
    public var mhat: Operand
    public var vhat: Operand

    public init(_ settings: Optimizer.Adam, parameter: Operand, mhat: Operand, vhat: Operand) {
        self.settings = settings
        self.parameter = parameter
        self.mhat = mhat
        self.vhat = vhat
    }

    var operands: [Operand] { [parameter, mhat, vhat] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> AdamStep {
        AdamStep(settings, parameter: transform(parameter), mhat: transform(mhat), vhat: transform(vhat))
    }

    static func element(_ p: Double, mhat: Double, vhat: Double, _ settings: Optimizer.Adam) -> Double {
        PaperZero.sum(p, -(settings.learningRate * (mhat / (vhat.squareRoot() + settings.epsilon))))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        parameter.value.generated { i in
            AdamStep.element(parameter.value.elements[i], mhat: mhat.value.elements[i], vhat: vhat.value.elements[i], settings)
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(parameter, r, c), m = read(mhat, r, c), v = read(vhat, r, c)
        return [.difference(p, .product([.number(settings.learningRate),
                                          .quotient(m, .sum([.call(.sqrt, [v]), .number(settings.epsilon)]))]))]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        read(parameter, r, c)
        read(mhat, r, c)
        read(vhat, r, c)
    }
}
