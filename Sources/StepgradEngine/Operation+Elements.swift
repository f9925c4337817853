/// One scalar of an operation's result with the arithmetic that produced it,
/// e.g. `z₀ = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4`.
public struct Element: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    /// Successive equal forms: symbolic with numbers substituted, then partial results.
    public var steps: [Expression]
    public var value: Double
    /// The operand cells this element read, for highlighting the flow of a step.
    public var reads: [CellReference]

    /// `z₂[1]` for one sample, `z₂[s,j]` for a batch or a matrix, `L` for the loss.
    public func label(_ notation: Expression.Notation = .unicode, outputLayer: Int? = nil, batch: Int = 1) -> String {
        let name = notation == .latex ? quantity.latex(outputLayer: outputLayer) : quantity.symbol(outputLayer: outputLayer)
        if quantity == .loss { return name }
        let index = quantity.isPerSample && batch == 1 || (quantity.kind == .db || quantity.kind == .b || quantity.kind == .b_new)
            ? "\(cell.column)" : "\(cell.row),\(cell.column)"
        return notation == .latex ? "\\left[\(name)\\right]_{\(index)}" : "\(name)[\(index)]"
    }

    /// The whole line: `label = step = … = value`.
    public func equation(_ notation: Expression.Notation = .unicode, style: NumberStyle = NumberStyle(),
                         outputLayer: Int? = nil, batch: Int = 1) -> String {
        let value = Expression.number(self.value).rendered(notation, style: style)
        var parts = [label(notation, outputLayer: outputLayer, batch: batch)]
        for step in steps {
            let text = step.rendered(notation, style: style)
            if text != parts.last && text != value { parts.append(text) }
        }
        parts.append(value)
        return parts.joined(separator: " = ")
    }
}

extension Operation {
    public var elements: [Element] { (0..<elementCount).map { element(at: cell(at: $0)) } }

    public func element(at cell: Cell) -> Element {
        let (steps, reads) = expansion(cell.row, cell.column)
        return Element(quantity: quantity, cell: cell, steps: steps, value: result[cell.row, cell.column], reads: reads)
    }

    private func expansion(_ r: Int, _ c: Int) -> ([Expression], [CellReference]) {
        let read = CellReader()
        let steps = rule.family.expansion(r, c, context, read)
        return (steps, read.reads)
    }
}
