import Foundation

/// Adam's step t: p′ = p − η/(1−β₁ᵗ) · m/(√v/√(1−β₂ᵗ) + ε), in torch.optim.Adam's order.
public struct AdamStep: RuleFamily {
    public var settings: Optimizer.Adam
    /// t, counted from 1.
    public var step: Int
    public var parameter: Operand
    public var gradient: Operand
    /// The first and second moments after this iteration.
    public var m: Operand
    public var v: Operand

    public init(_ settings: Optimizer.Adam, step: Int, parameter: Operand, gradient: Operand, m: Operand, v: Operand) {
        self.settings = settings
        self.step = step
        self.parameter = parameter
        self.gradient = gradient
        self.m = m
        self.v = v
    }

    var operands: [Operand] { [parameter, gradient, m, v] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> AdamStep {
        AdamStep(settings, step: step, parameter: transform(parameter), gradient: transform(gradient), m: transform(m), v: transform(v))
    }

    private var corrections: (Double, Double) {
        (1 - pow(settings.beta1, Double(step)), 1 - pow(settings.beta2, Double(step)))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let (c1, c2) = corrections, a = settings
        var result = parameter.value
        for i in 0..<result.count {
            let denominator = v.value.elements[i].squareRoot() / c2.squareRoot() + a.epsilon
            result.elements[i] -= a.learningRate / c1 * m.value.elements[i] / denominator
        }
        return result
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(parameter, r, c)
        read.note(gradient, r, c)
        let mv = read(m, r, c), vv = read(v, r, c)
        let (c1, c2) = corrections
        let update = Expression.product([
            .quotient(.number(settings.learningRate), .number(c1)),
            .quotient(mv, .sum([.quotient(.call(.sqrt, [vv]), .call(.sqrt, [.number(c2)])), .number(settings.epsilon)])),
        ])
        return [.difference(p, update)]
    }
}
