import Foundation

/// Adam's bias correction at step t: m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
public struct BiasCorrection: RuleFamily {
    /// β₁ or β₂.
    public var beta: Double
    /// t, counted from 1.
    public var step: Int
    public var moment: Operand

    public init(beta: Double, step: Int, moment: Operand) {
        self.beta = beta
        self.step = step
        self.moment = moment
    }

    var operands: [Operand] { [moment] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> BiasCorrection {
        BiasCorrection(beta: beta, step: step, moment: transform(moment))
    }

    /// 1 − βᵗ.
    public static func divisor(beta: Double, step: Int) -> Double { 1 - pow(beta, Double(step)) }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let divisor = BiasCorrection.divisor(beta: beta, step: step)
        return moment.value.generated { moment.value.elements[$0] / divisor }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        [.quotient(read(moment, r, c), .number(BiasCorrection.divisor(beta: beta, step: step)))]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) { read(moment, r, c) }
}
