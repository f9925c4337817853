import StepgradEngine
import StepgradNotation

/// The matrix equation of an operation, with vectors written as columns (one column per sample)
/// so that every product shown is the literal matrix product: W·x, dz·xᵀ, Wᵀ·dz.
///
/// It adds up as the element lines do: the result shows the numbers of the element lines, and the
/// matrices it is worked from the figures `MatrixPrecision` chooses for them. Where an element is
/// worked from a number the equation would not show (the logits of a loss's stable form), the
/// operands the lines read are listed instead.
extension Operation {
    func display(style: NumberStyle, lines: [WrittenLine], extent: Extent) -> Display? {
        guard !extent.summarises(self) else {
            // Matrices by their shapes: an equation of shapes states no arithmetic to add up.
            return equation(.symbol(Extent.shape(of: quantity.columnar(result)))) { .symbol(Extent.shape(of: $1)) }?.display
        }
        let results = Display.Piece.matrix(quantity.columnar(PrintedMatrix(rows: result.rows, columns: result.columns,
                                                                           numbers: lines.map(\.result))))
        // Laid out once, with nothing printed, to learn which matrices it shows; then again with
        // the figures they need.
        var shown: [Quantity] = []
        let draft = equation(results) { q, _ in
            shown.append(q)
            return .gap
        }
        guard let draft else { return nil }
        guard draft.works else { return equation(results) { .matrix(PrintedMatrix($1, style: style)) }!.display }
        guard let fitted = MatrixPrecision(style: style).fit(self, shown: shown, results: lines.map(\.result)) else {
            return listing(of: readOperands, results) { .matrix(PrintedMatrix($1, style: style)) }
        }
        var display = equation(results) { q, m in .matrix(PrintedMatrix(m, style: fitted.styles[q] ?? style)) }!.display
        display.addsUp = fitted.addsUp
        if !fitted.addsUp { display.pieces.append(.symbol(.mark)) }
        return display
    }

    /// The equation with each matrix set by `print(quantity, matrix as shown)` and the result as
    /// `results`, and whether it states arithmetic (`works`) or only lists values.
    private func equation(_ results: Display.Piece, _ print: (Quantity, Matrix) -> Display.Piece) -> (display: Display, works: Bool)? {
        let L = context.outputLayer
        func name(_ q: Quantity) -> Display.Piece { .symbol(.name(q, outputLayer: L)) }
        func shown(_ operand: Operand) -> Display.Piece { print(operand.quantity, operand.quantity.columnar(operand.value)) }
        func shown(_ operand: Operand, as m: Matrix) -> Display.Piece { print(operand.quantity, m) }
        let resultMatrix = results
        let result: [Display.Piece] = [.relation(.equals), resultMatrix]
        let transposed = context.convention == .wtx
        let lhs: [Display.Piece] = [name(quantity), .relation(.equals)]
        func works(_ pieces: [Display.Piece]) -> (Display, Bool) { (Display(pieces), true) }
        func listed(_ operands: [Operand]) -> (Display, Bool) { (listing(of: operands, results, print), false) }

        switch rule {
        case .affine(let r):
            let bias = r.bias.map { [Display.Piece.binary(.plus), shown($0)] } ?? []
            // Wx: W·x as stored. WTx: the transpose written out, as on paper.
            let weights = shown(r.weights, as: transposed ? r.weights.value.transposed : r.weights.value)
            return works(lhs + [weights, .binary(.times), shown(r.input)] + bias + result)

        case .activation(let r):
            return works(lhs + [.symbol(.call(r.function.name)), shown(r.z), .symbol(.close)] + result)

        case .loss:
            // One number: its element line says everything.
            return nil

        case .fusedOutputGradient(let r):
            let a = r.prediction, y = r.target
            let targetsSumToOne = (0..<y.value.rows).allSatisfy { y.value.row($0).reduce(0, +) == 1 }
            guard r.loss != .crossEntropy || targetsSumToOne else { return listed([a, y]) }
            let mean = batchMean(r.reduction)
            let divisor = Int(r.loss.outputDivisor(a.value.columns, r.reduction))
            // In brackets when anything multiplies or divides it: `\bigl(`, which LaTeX lets a line break inside.
            guard !mean.isEmpty || divisor != 1 else { return works(lhs + [shown(a), .binary(.minus), shown(y)] + result) }
            let close = Symbol(")" + (divisor == 1 ? "" : "/\(divisor)"), "\\bigr)" + (divisor == 1 ? "" : " / \(divisor)"))
            return works(lhs + mean + [.symbol(Symbol("(", "\\bigl(")), shown(a), .binary(.minus), shown(y), .symbol(close)] + result)

        case .activationGradient(let r) where r.function == .sigmoid:
            // σ′(z) = a(1 − a), worked from a as the element lines are.
            return works(lhs + [shown(r.da), .binary(.hadamard), shown(r.a), .binary(.hadamard), .symbol(Symbol("(1 −", "\\left(1 -")),
                                shown(r.a), .symbol(.close)] + result)

        case .activationGradient(let r) where r.function == .tanh:
            // tanh′(z) = 1 − a².
            return works(lhs + [shown(r.da), .binary(.hadamard), .symbol(Symbol("(1 −", "\\left(1 -")), shown(r.a), .symbol(.hadamard),
                                shown(r.a), .symbol(.close)] + result)

        case .activationGradient(let r) where r.function != .softmax:
            return works(lhs + [shown(r.da), .binary(.hadamard), .symbol(.call(r.function.name, derivative: true)), shown(r.z),
                                .symbol(.close)] + result)

        case .weightGradient(let r):
            // Columns times rows: dz·xᵀ has xᵀ written as rows, which is how x is stored.
            let factors = transposed ? [shown(r.input), shown(r.dz, as: r.dz.value)] : [shown(r.dz), shown(r.input, as: r.input.value)]
            return works(lhs + [factors[0], .binary(.times), factors[1]] + result)

        case .biasGradient(let r):
            guard context.batch > 1 else { return (Display(lhs + [resultMatrix]), false) }
            return works(lhs + [.symbol(Symbol("Σₛ", "\\sum_{s}")), shown(r.dz)] + result)

        case .inputGradient(let r):
            let weights = shown(r.weights, as: transposed ? r.weights.value : r.weights.value.transposed)
            return works(lhs + [weights, .binary(.times), shown(r.dz)] + result)

        case .sgd(let r):
            let s = r.settings, p = r.parameter
            let step: [Display.Piece]
            switch r.direction {
            case .buffer(let buffer):
                step = [shown(buffer)]
            case .gradient(let g):
                if let decayed = g.parameter {
                    step = [.symbol(.open), shown(g.gradient), .symbol(.plus), .symbol(.scaled(g.decay)), shown(decayed),
                            .symbol(.close)]
                } else {
                    step = [shown(g.gradient)]
                }
            }
            return works(lhs + [shown(p), .binary(.minus), .symbol(.scaled(s.learningRate))] + step + result)

        case .lossGradient, .activationGradient, .momentum, .moment, .biasCorrection, .adam:
            // Rules whose matrix form would need new notation: the operands side by side, then the result.
            return listed(operands)
        }
    }

    /// The operands side by side, then the result, stating no arithmetic.
    private func listing(of operands: [Operand], _ results: Display.Piece, _ print: (Quantity, Matrix) -> Display.Piece) -> Display {
        let L = context.outputLayer
        var pieces: [Display.Piece] = []
        for operand in operands {
            pieces += [.symbol(.name(operand.quantity, outputLayer: L)), .relation(.equals),
                       print(operand.quantity, operand.quantity.columnar(operand.value)), .gap]
        }
        return Display(pieces + [.symbol(.name(quantity, outputLayer: L)), .relation(.equals), results])
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

    func columnar(_ value: PrintedMatrix) -> PrintedMatrix {
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
