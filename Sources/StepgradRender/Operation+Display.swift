import StepgradEngine
import StepgradNotation

/// The matrix equation of an operation, with vectors written as columns (one column per sample)
/// so that every product shown is the literal matrix product: W·x, dz·xᵀ, Wᵀ·dz.
extension Operation {
    var display: Display? {
        let L = context.outputLayer
        func name(_ q: Quantity) -> Display.Piece { .symbol(.name(q, outputLayer: L)) }
        func shown(_ operand: Operand) -> Display.Piece { .matrix(operand.quantity.columnar(operand.value)) }
        let result: [Display.Piece] = [.relation(.equals), .matrix(quantity.columnar(self.result))]
        let transposed = context.convention == .wtx
        let lhs: [Display.Piece] = [name(quantity), .relation(.equals)]

        switch rule {
        case .affine(let r):
            let bias = r.bias.map { [Display.Piece.binary(.plus), shown($0)] } ?? []
            // Wx: W·x as stored. WTx: the transpose written out, as on paper.
            let weights = Display.Piece.matrix(transposed ? r.weights.value.transposed : r.weights.value)
            return Display(lhs + [weights, .binary(.times), shown(r.input)] + bias + result)

        case .activation(let r):
            return Display(lhs + [.symbol(.call(r.function.name)), shown(r.z), .symbol(.close)] + result)

        case .loss:
            // One number: its element line says everything.
            return nil

        case .fusedOutputGradient(let r):
            let a = r.prediction, y = r.target
            let targetsSumToOne = (0..<y.value.rows).allSatisfy { y.value.row($0).reduce(0, +) == 1 }
            guard r.loss != .crossEntropy || targetsSumToOne else { return listing(of: [a, y]) }
            var difference: [Display.Piece] = [shown(a), .binary(.minus), shown(y)]
            if r.loss == .binaryCrossEntropy {
                // Inside brackets, which must open and close on one line.
                difference = [.symbol(Symbol("(", "\\left(")), shown(a), .symbol(.minus), shown(y),
                              .symbol(Symbol(")/\(a.value.columns)", "\\right) / \(a.value.columns)"))]
            }
            return Display(lhs + batchMean(r.reduction) + difference + result)

        case .activationGradient(let r) where r.function != .softmax:
            return Display(lhs + [shown(r.da), .binary(.hadamard), .symbol(.call(r.function.name, derivative: true)), shown(r.z),
                                  .symbol(.close)] + result)

        case .weightGradient(let r):
            // Columns times rows: dz·xᵀ has xᵀ written as rows, which is how x is stored.
            let factors = transposed ? [shown(r.input), .matrix(r.dz.value)] : [shown(r.dz), .matrix(r.input.value)]
            return Display(lhs + [factors[0], .binary(.times), factors[1]] + result)

        case .biasGradient(let r):
            guard context.batch > 1 else { return Display(lhs + [.matrix(quantity.columnar(self.result))]) }
            return Display(lhs + [.symbol(Symbol("Σₛ", "\\sum_{s}")), shown(r.dz)] + result)

        case .inputGradient(let r):
            let weights = Display.Piece.matrix(transposed ? r.weights.value : r.weights.value.transposed)
            return Display(lhs + [weights, .binary(.times), shown(r.dz)] + result)

        case .sgd(let r):
            let s = r.settings, p = r.parameter
            let step: [Display.Piece]
            switch r.direction {
            case .buffer(let buffer):
                step = [shown(buffer)]
            case .gradient(let g):
                if let decayed = g.parameter {
                    step = [.symbol(Symbol("(", "\\left(")), shown(g.gradient), .symbol(.plus), .symbol(.scaled(g.decay)), shown(decayed),
                            .symbol(.close)]
                } else {
                    step = [shown(g.gradient)]
                }
            }
            return Display(lhs + [shown(p), .binary(.minus), .symbol(.scaled(s.learningRate))] + step + result)

        case .lossGradient, .activationGradient, .momentum, .moment, .biasCorrection, .adam:
            return listing(of: operands)
        }
    }

    /// The operands side by side, then the result: for rules whose matrix form would need new notation.
    private func listing(of shown: [Operand]) -> Display {
        let L = context.outputLayer
        var pieces: [Display.Piece] = []
        for operand in shown {
            pieces += [.symbol(.name(operand.quantity, outputLayer: L)), .relation(.equals),
                       .matrix(operand.quantity.columnar(operand.value)), .gap]
        }
        return Display(pieces + [.symbol(.name(quantity, outputLayer: L)), .relation(.equals),
                                 .matrix(quantity.columnar(result))])
    }

    private func batchMean(_ reduction: Reduction) -> [Display.Piece] {
        guard reduction == .mean && context.batch > 1 else { return [] }
        return [.symbol(Symbol("(1/\(context.batch))·", "\\frac{1}{\(context.batch)}"))]
    }

}

extension Quantity {
    /// Vectors as columns: per-sample quantities become units × batch, bias rows become columns.
    func columnar(_ value: Matrix) -> Matrix {
        isPerSample || isBiasLike ? value.transposed : value
    }

    var isBiasLike: Bool {
        switch kind {
        case .b, .db, .b_new: true
        case .buf, .m, .v, .mhat, .vhat: ofBias
        default: false
        }
    }
}
