import StepgradEngine
import StepgradNotation

/// The matrix equation of an operation, with vectors written as columns (one column per sample)
/// so that every product shown is the literal matrix product: W·x, dz·xᵀ, Wᵀ·dz.
extension Operation {
    var display: Display? {
        let L = context.outputLayer
        func name(_ q: Quantity) -> Display.Piece { .symbol(.name(q, outputLayer: L)) }
        func shown(_ operand: Operand) -> Display.Piece { .matrix(operand.quantity.columnar(operand.value)) }
        func value(_ kind: Quantity.Kind) -> Operand? { operand(kind) }
        let result: [Display.Piece] = [.relation(.equals), .matrix(quantity.columnar(self.result))]
        let transposed = context.convention == .wtx
        let lhs: [Display.Piece] = [name(quantity), .relation(.equals)]

        switch rule {
        case .affine:
            guard let W = value(.W), let input = layerInput else { return nil }
            let bias = value(.b).map { [Display.Piece.binary(.plus), shown($0)] } ?? []
            // Wx: W·x as stored. WTx: the transpose written out, as on paper.
            let weights = Display.Piece.matrix(transposed ? W.value.transposed : W.value)
            return Display(lhs + [weights, .binary(.times), shown(input)] + bias + result)

        case .activation(let f):
            guard let z = value(.z) else { return nil }
            return Display(lhs + [.symbol(.call(f.name)), shown(z), .symbol(.close)] + result)

        case .loss:
            // One number: its element line says everything.
            return nil

        case .fusedOutputGradient(let loss, let reduction):
            guard let a = value(.a), let y = value(.y) else { return nil }
            let targetsSumToOne = (0..<y.value.rows).allSatisfy { y.value.row($0).reduce(0, +) == 1 }
            guard loss != .crossEntropy || targetsSumToOne else { return listing(of: [a, y]) }
            var difference: [Display.Piece] = [shown(a), .binary(.minus), shown(y)]
            if loss == .binaryCrossEntropy {
                // Inside brackets, which must open and close on one line.
                difference = [.symbol(Symbol("(", "\\left(")), shown(a), .symbol(.minus), shown(y),
                              .symbol(Symbol(")/\(a.value.columns)", "\\right) / \(a.value.columns)"))]
            }
            return Display(lhs + batchMean(reduction) + difference + result)

        case .activationGradient(let f) where f != .softmax:
            guard let da = value(.da), let z = value(.z) else { return nil }
            return Display(lhs + [shown(da), .binary(.hadamard), .symbol(.call(f.name, derivative: true)), shown(z), .symbol(.close)]
                           + result)

        case .weightGradient:
            guard let dz = value(.dz), let input = layerInput else { return nil }
            // Columns times rows: dz·xᵀ has xᵀ written as rows, which is how x is stored.
            let factors = transposed ? [shown(input), .matrix(dz.value)] : [shown(dz), .matrix(input.value)]
            return Display(lhs + [factors[0], .binary(.times), factors[1]] + result)

        case .biasGradient:
            guard let dz = value(.dz) else { return nil }
            guard context.batch > 1 else { return Display(lhs + [.matrix(quantity.columnar(self.result))]) }
            return Display(lhs + [.symbol(Symbol("Σₛ", "\\sum_{s}")), shown(dz)] + result)

        case .inputGradient:
            guard let W = value(.W), let dz = value(.dz) else { return nil }
            let weights = Display.Piece.matrix(transposed ? W.value : W.value.transposed)
            return Display(lhs + [weights, .binary(.times), shown(dz)] + result)

        case .sgd(let s):
            guard operands.count >= 2 else { return nil }
            let p = operands[0], g = operands[1]
            let step: [Display.Piece]
            if let buffer = value(.velocity) {
                step = [shown(buffer)]
            } else if s.weightDecay != 0 {
                step = [.symbol(Symbol("(", "\\left(")), shown(g), .symbol(.plus), .symbol(.scaled(s.weightDecay)), shown(p),
                        .symbol(.close)]
            } else {
                step = [shown(g)]
            }
            return Display(lhs + [shown(p), .binary(.minus), .symbol(.scaled(s.learningRate))] + step + result)

        case .lossGradient, .activationGradient, .adam:
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

    /// The layer's input, x or the activation below.
    var layerInput: Operand? { operands.first { $0.quantity.kind == .x || $0.quantity.kind == .a } }
}

extension Quantity {
    /// Vectors as columns: per-sample quantities become units × batch, bias rows become columns.
    func columnar(_ value: Matrix) -> Matrix {
        isPerSample || isBiasLike ? value.transposed : value
    }

    var isBiasLike: Bool {
        switch kind {
        case .b, .db, .b_new: true
        case .velocity, .m, .v: ofBias
        default: false
        }
    }
}
