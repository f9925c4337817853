import StepgradEngine
import StepgradNotation

/// An operation laid out as the equation its operands and result satisfy, in the orientation a
/// student writes it: `W₂ · a₁ = z₂` with a₁ and z₂ as columns, `dz₂ · a₁ᵀ = dW₂`,
/// `W₂ − 0.1· dW₂ = W₂′`, `loss(ŷ, y) = L`. Shapes line up as in the product (a transposed weight is drawn
/// transposed), so a row of the left factor meets a column of the right one.
struct Equation {
    enum Piece {
        case text(String)
        /// A quantity of the iteration; `transposed` draws its stored rows as columns.
        case matrix(Quantity, transposed: Bool)
    }

    var pieces: [Piece]

    init(_ op: Operation) {
        let transposedWeights = op.context.convention == .wtx
        let L = op.context.outputLayer
        func m(_ q: Quantity, _ transposed: Bool = true) -> [Piece] { [.matrix(q, transposed: transposed)] }
        func m(_ operand: Operand, _ transposed: Bool = true) -> [Piece] { m(operand.quantity, transposed) }
        let result = op.quantity
        let meanOverBatch = op.context.batch > 1

        switch op.rule {
        case .affine(let r):
            let bias: [Piece] = r.bias.map { [.text("+"), .matrix($0.quantity, transposed: true)] } ?? []
            pieces = m(r.weights, transposedWeights) + [.text("·")] + m(r.input) + bias + [.text("=")] + m(result)
        case .activation(let r):
            pieces = [.text(r.function.name + "(")] + m(r.z) + [.text(")"), .text("=")] + m(result)
        case .loss(let r):
            pieces = [.text("loss(")] + m(r.prediction) + [.text(",")] + m(r.target) + [.text(")"), .text("=")] + m(result, false)
        case .lossGradient(let r):
            let scale = meanOverBatch && r.reduction == .mean ? "(1/B)·" : ""
            pieces = [.text(scale + "∂L/∂" + Quantity.a(L).symbol(outputLayer: L) + "(")] + m(r.prediction) + [.text(",")]
                + m(r.target) + [.text(")"), .text("=")] + m(result)
        case .fusedOutputGradient(let r):
            let open = meanOverBatch && r.reduction == .mean ? "(1/B)·(" : "("
            let middle = r.loss == .crossEntropy ? "·Σy −" : "−"
            let close = r.loss == .crossEntropy ? ")" : ")/n"
            pieces = [.text(open)] + m(r.prediction) + [.text(middle)] + m(r.target) + [.text(close), .text("=")] + m(result)
        case .activationGradient(let r) where r.function == .softmax:
            let a = r.a.quantity.symbol(outputLayer: L), da = r.da.quantity.symbol(outputLayer: L)
            pieces = m(r.a) + [.text("⊙ (")] + m(r.da) + [.text("− \(da)·\(a))"), .text("=")] + m(result)
        case .activationGradient(let r):
            pieces = m(r.da) + [.text("⊙ \(r.function.name)′(")] + m(r.z) + [.text(")"), .text("=")] + m(result)
        case .weightGradient(let r):
            pieces = transposedWeights
                ? m(r.input) + [.text("·")] + m(r.dz, false) + [.text("=")] + m(result, false)
                : m(r.dz) + [.text("·")] + m(r.input, false) + [.text("=")] + m(result, false)
        case .biasGradient(let r):
            pieces = (meanOverBatch ? [.text("Σₛ")] : []) + m(r.dz) + [.text("=")] + m(result)
        case .inputGradient(let r):
            pieces = m(r.weights, !transposedWeights) + [.text("·")] + m(r.dz) + [.text("=")] + m(result)
        case .sgd(let r):
            let p = r.parameter.quantity, vector = Self.isVectorLike(p)
            let rate = NumberStyle(decimals: 6).format(r.settings.learningRate)
            let (step, decay): (Quantity, Bool) = switch r.direction {
            case .buffer(let b): (b.quantity, false)
            case .gradient(let g): (g.gradient.quantity, g.parameter != nil)
            }
            pieces = m(p, vector) + [.text("− \(rate)·" + (decay ? "(" : ""))] + m(step, vector)
                + (decay ? [.text("+ λ·\(p.symbol(outputLayer: L)))")] : []) + [.text("=")] + m(result, vector)
        case .momentum, .moment, .biasCorrection, .adam:
            let vector = Self.isVectorLike(op.quantity)
            pieces = op.operands.enumerated().flatMap { i, operand in
                (i == 0 ? [] : [Piece.text(",")]) + m(operand, vector)
            } + [.text("→")] + m(result, vector)
        }
    }

    /// Per-sample quantities and biases are vectors, written as columns; weights are not.
    static func isVectorLike(_ q: Quantity) -> Bool {
        switch q.kind {
        case .b, .db, .b_new: true
        case .buf, .m, .v, .mhat, .vhat: q.ofBias
        default: q.isPerSample
        }
    }

    /// `a₁`, `a₁ᵀ` (drawn as rows), `W₂ᵀ`, `L`.
    static func label(_ q: Quantity, transposed: Bool, outputLayer: Int) -> String {
        let symbol = q.symbol(outputLayer: outputLayer)
        guard q != .loss else { return symbol }
        return isVectorLike(q) == transposed ? symbol : symbol + "ᵀ"
    }
}
