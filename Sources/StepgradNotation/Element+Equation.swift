import StepgradEngine

/// An element written out: its label and its line of arithmetic.
extension Element {
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
