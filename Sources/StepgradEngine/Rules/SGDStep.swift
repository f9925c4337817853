/// p′ = p − η·g, with g = dp + λ·p under weight decay, or g = buf under momentum (torch.optim.SGD).
public struct SGDStep: RuleFamily {
    public var settings: Optimizer.SGD
    public var parameter: Operand
    public var gradient: Operand
    /// The momentum buffer of this iteration, when there is momentum.
    public var buffer: Operand?

    public init(_ settings: Optimizer.SGD, parameter: Operand, gradient: Operand, buffer: Operand?) {
        self.settings = settings
        self.parameter = parameter
        self.gradient = gradient
        self.buffer = buffer
    }

    var operands: [Operand] { [parameter, gradient] + (buffer.map { [$0] } ?? []) }

    func replacingOperands(_ transform: (Operand) -> Operand) -> SGDStep {
        SGDStep(settings, parameter: transform(parameter), gradient: transform(gradient), buffer: buffer.map(transform))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = parameter.value, g = gradient.value, s = settings
        let decayed = s.weightDecay == 0 ? g : g.zipMap(p) { $0 + s.weightDecay * $1 }
        let step = buffer?.value ?? decayed
        return p.zipMap(step) { $0 - s.learningRate * $1 }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(parameter, r, c)
        var g = read(gradient, r, c)
        if settings.weightDecay != 0 { g = .sum([g, .product([.number(settings.weightDecay), p])]) }
        if let buffer { g = read(buffer, r, c) }
        return [.difference(p, .product([.number(settings.learningRate), g]))]
    }
}
