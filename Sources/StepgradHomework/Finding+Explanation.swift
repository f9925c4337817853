import StepgradEngine
import StepgradNotation

extension Finding {
    /// What went wrong, in a marker's words.
    public func explanation(of quantity: Quantity, context: Operation.Context, style: NumberStyle) -> String {
        let L = context.outputLayer
        func s(_ q: Quantity) -> String { q.symbol(outputLayer: L) }
        let yours = withStudentValues ? "your earlier values" : "the exact earlier values"
        let upstream = step == quantity ? "" : " (in \(s(step)), which you did not write and \(s(quantity)) was computed from)"

        switch diagnosis {
        case .transposed:
            var text = "Transposed: rows and columns are swapped. " + layoutReason(quantity, context)
            if alternative != nil { text += " Apart from that it follows from \(yours)." }
            return text

        case .signError(let cells):
            let names = cells.map { label(quantity, $0, context) }.joined(separator: ", ")
            return "Sign error in \(names): the size is right, the sign is not."

        case .missingActivationDerivative(let layer, let f):
            let factor = f == .softmax ? "the softmax Jacobian" : "the factor \(f.name)′(\(s(.z(layer))))"
            return "The activation derivative is missing\(upstream): \(s(.dz(layer))) was taken as \(s(.da(layer))) "
                + "without \(factor), from \(yours)."

        case .shortcutWithoutUnitTarget(let sum):
            let total = style.format(sum)
            return "The shortcut \(s(.dz(L))) = ŷ − y was used\(upstream), but it holds only when the target sums to 1. "
                + "Here y sums to \(total), so \(s(.dz(L))) = ŷ·Σy − y = ŷ·\(total) − y."
                + (alternative.map { " With \(yours), ŷ − y = \(Format.samples($0, style))." } ?? "")

        case .updatedWeights(let layer):
            return "The error was sent back through the updated weights \(s(.W_new(layer))) instead of \(s(.W(layer)))\(upstream). "
                + "Backpropagation uses the weights of the forward pass; update only after every gradient is computed."

        case .droppedBias(let layer):
            return "The bias \(s(.b(layer))) is missing from \(s(.z(layer)))\(upstream)."

        case .differentTarget(let used, let actual):
            return "The loss was computed with the target \(Format.samples(used, style)) instead of y = \(Format.samples(actual, style))"
                + "\(upstream)" + (arithmetic.isEmpty ? "." : ":")

        case .missingWeightDecay:
            let parameter: Quantity = step.kind == .W_new ? .W(step.layer ?? 1) : step.kind == .b_new ? .b(step.layer ?? 1) : step.parameter
            let p = s(parameter)
            return "The weight decay is missing\(upstream): the optimizer steps along d\(p) + λ·\(p), not d\(p) alone."

        case .momentumOnFirstStep(let momentum):
            return "At the first step the momentum buffer is the gradient itself, \(s(step)) = g (as torch.optim.SGD sets it)\(upstream); "
                + "\(style.format(momentum))·g + g adds a buffer that did not exist yet."

        case .missingBiasCorrection(let divisor):
            let first = step.kind == .mhat
            let moment = Quantity.state(first ? .m : .v, of: step.parameter)
            return "The bias correction is missing\(upstream): \(s(step)) = \(s(moment))/(1 − \(first ? "β₁" : "β₂")ᵗ) = "
                + "\(s(moment))/\(style.format(divisor)), "
                + "not \(s(moment)) itself."

        case .slip(let cell, let misreads):
            var text = "A slip in one element: only \(label(quantity, cell, context)) is off, the rest is right."
            if misreads.isEmpty {
                text += " No single misread number explains it."
            } else {
                let guesses = misreads.map { m in
                    "reading \(label(m.reference.quantity, m.reference.cell, context)) = \(style.format(m.actual)) as \(style.format(m.read))"
                }
                text += " It matches " + guesses.joined(separator: ", or ") + "."
            }
            return text
        }
    }

    /// Why the layout is what it is, for weights and their gradients.
    private func layoutReason(_ q: Quantity, _ context: Operation.Context) -> String {
        let L = context.outputLayer
        guard let l = q.layer, [.W, .dW, .W_new].contains(q.kind) else { return "" }
        let input: Quantity = l == 1 ? .x : .a(l - 1)
        let rule = context.convention == .wtx ? "z = Wᵀ·x + b, so W is in×out" : "z = W·x + b, so W is out×in"
        guard q.kind == .dW else { return "Here \(rule)." }
        let gradient = context.convention == .wtx
            ? "\(q.symbol(outputLayer: L)) = \(input.symbol(outputLayer: L))·\(Quantity.dz(l).symbol(outputLayer: L))ᵀ"
            : "\(q.symbol(outputLayer: L)) = \(Quantity.dz(l).symbol(outputLayer: L))·\(input.symbol(outputLayer: L))ᵀ"
        return "Here \(rule) and its gradient has the same layout: \(gradient)."
    }
}

/// `z₂[1]`, `dW₁[0,2]`, `z₁[j,s]` in a batch: an element's name, for data as well as results, as
/// `explain` writes it (row and column as drawn, a batch one column per sample).
func label(_ q: Quantity, _ cell: Cell, _ context: Operation.Context) -> String {
    if q == .loss { return q.symbol(outputLayer: context.outputLayer) }
    let vector = q.isPerSample && context.batch == 1 || [.b, .db, .b_new].contains(q.kind)
    let index = vector ? "\(cell.column)" : q.isPerSample ? "\(cell.column),\(cell.row)" : "\(cell.row),\(cell.column)"
    return "\(q.symbol(outputLayer: context.outputLayer))[\(index)]"
}

enum Format {
    /// `(1, 0, 0)` for a vector, `[0.1, 0.2; 0.3, 0.4]` for a matrix.
    static func matrix(_ m: Matrix, _ style: NumberStyle) -> String {
        let rows = m.rowList.map { $0.map { style.format($0) }.joined(separator: ", ") }
        if m.rows == 1 { return "(\(rows[0]))" }
        if m.columns == 1 { return "(\(m.elements.map { style.format($0) }.joined(separator: ", ")))" }
        return "[" + rows.joined(separator: "; ") + "]"
    }

    /// A per-sample quantity (stored one row per sample) as `explain` draws a batch: one column per
    /// sample, so that its rows are units as in `z₁[j,s]`.
    static func samples(_ m: Matrix, _ style: NumberStyle) -> String {
        matrix(m.rows > 1 ? m.transposed : m, style)
    }
}
