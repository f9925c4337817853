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
        func m(_ q: Quantity?, _ transposed: Bool = true) -> [Piece] { q.map { [.matrix($0, transposed: transposed)] } ?? [] }
        func quantity(_ kind: Quantity.Kind) -> Quantity? { op.operand(kind)?.quantity }
        let input = op.operands.first { $0.quantity.kind == .a || $0.quantity.kind == .x }?.quantity
        let result = op.quantity
        let meanOverBatch = op.context.batch > 1

        switch op.rule {
        case .affine:
            let bias: [Piece] = quantity(.b).map { [.text("+"), .matrix($0, transposed: true)] } ?? []
            pieces = m(quantity(.W), transposedWeights) + [.text("·")] + m(input) + bias + [.text("=")] + m(result)
        case .activation(let f):
            pieces = [.text(f.name + "(")] + m(quantity(.z)) + [.text(")"), .text("=")] + m(result)
        case .loss:
            pieces = [.text("loss(")] + m(quantity(.a)) + [.text(",")] + m(quantity(.y)) + [.text(")"), .text("=")]
                + m(result, false)
        case .lossGradient(_, let reduction):
            let scale = meanOverBatch && reduction == .mean ? "(1/B)·" : ""
            pieces = [.text(scale + "∂L/∂" + Quantity.a(L).symbol(outputLayer: L) + "(")] + m(quantity(.a)) + [.text(",")]
                + m(quantity(.y)) + [.text(")"), .text("=")] + m(result)
        case .fusedOutputGradient(let loss, let reduction):
            let open = meanOverBatch && reduction == .mean ? "(1/B)·(" : "("
            let middle = loss == .crossEntropy ? "·Σy −" : "−"
            let close = loss == .crossEntropy ? ")" : ")/n"
            pieces = [.text(open)] + m(quantity(.a)) + [.text(middle)] + m(quantity(.y)) + [.text(close), .text("=")] + m(result)
        case .activationGradient(let f):
            if f == .softmax {
                let a = quantity(.a).map { $0.symbol(outputLayer: L) } ?? "a", da = quantity(.da).map { $0.symbol(outputLayer: L) } ?? "da"
                pieces = m(quantity(.a)) + [.text("⊙ (")] + m(quantity(.da)) + [.text("− \(da)·\(a))"), .text("=")] + m(result)
            } else {
                pieces = m(quantity(.da)) + [.text("⊙ \(f.name)′(")] + m(quantity(.z)) + [.text(")"), .text("=")] + m(result)
            }
        case .weightGradient:
            let dz = quantity(.dz)
            pieces = transposedWeights
                ? m(input) + [.text("·")] + m(dz, false) + [.text("=")] + m(result, false)
                : m(dz) + [.text("·")] + m(input, false) + [.text("=")] + m(result, false)
        case .biasGradient:
            pieces = (meanOverBatch ? [.text("Σₛ")] : []) + m(quantity(.dz)) + [.text("=")] + m(result)
        case .inputGradient:
            pieces = m(quantity(.W), !transposedWeights) + [.text("·")] + m(quantity(.dz)) + [.text("=")] + m(result)
        case .sgd(let s):
            let p = op.operands[0].quantity, vector = Self.isVectorLike(p)
            let gradient = op.operand(.velocity)?.quantity ?? op.operands[1].quantity
            let rate = NumberStyle(decimals: 6).format(s.learningRate)
            let decay = s.weightDecay != 0 && op.operand(.velocity) == nil
            pieces = m(p, vector) + [.text("− \(rate)·" + (decay ? "(" : ""))] + m(gradient, vector)
                + (decay ? [.text("+ λ·\(p.symbol(outputLayer: L)))")] : []) + [.text("=")] + m(result, vector)
        case .adam:
            let vector = Self.isVectorLike(op.operands[0].quantity)
            pieces = op.operands.enumerated().flatMap { i, operand in
                (i == 0 ? [] : [Piece.text(",")]) + m(operand.quantity, vector)
            } + [.text("→")] + m(result, vector)
        }
    }

    /// Per-sample quantities and biases are vectors, written as columns; weights are not.
    static func isVectorLike(_ q: Quantity) -> Bool {
        switch q.kind {
        case .b, .db, .b_new: true
        case .velocity, .m, .v: q.ofBias
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
