import StepgradEngine

/// An element written out: its label and its line of arithmetic.
extension Element {
    /// `z₂[1]` for one sample, `W₂[j,k]` for a matrix, `z₂[j,s]` (unit j of sample s) for a batch,
    /// `L` for the loss: always row and column of the matrix as drawn, and a batch is drawn one
    /// column per sample (stored one row per sample).
    public func label(_ notation: Expression.Notation = .unicode, outputLayer: Int? = nil, batch: Int = 1) -> String {
        let name = notation == .latex ? quantity.latex(outputLayer: outputLayer) : quantity.symbol(outputLayer: outputLayer)
        if quantity == .loss { return name }
        let index = quantity.isPerSample && batch == 1 || (quantity.kind == .db || quantity.kind == .b || quantity.kind == .b_new)
            ? "\(cell.column)" : quantity.isPerSample ? "\(cell.column),\(cell.row)" : "\(cell.row),\(cell.column)"
        return notation == .latex ? "\\left[\(name)\\right]_{\(index)}" : "\(name)[\(index)]"
    }

    /// The line as printed, every number at the precision that makes it add up (see `LinePrecision`).
    /// `explain`, `check` and the screen all write an element through this.
    public func written(style: NumberStyle = NumberStyle(), outputLayer: Int? = nil, batch: Int = 1) -> WrittenLine {
        let fitted = LinePrecision(style: style).fit(steps, value: value)
        return WrittenLine(label: label(.unicode, outputLayer: outputLayer, batch: batch),
                           latexLabel: label(.latex, outputLayer: outputLayer, batch: batch),
                           steps: fitted.steps, result: fitted.result, addsUp: fitted.addsUp)
    }

    /// The whole line: `label = step = … = value`.
    public func equation(_ notation: Expression.Notation = .unicode, style: NumberStyle = NumberStyle(),
                         outputLayer: Int? = nil, batch: Int = 1) -> String {
        written(style: style, outputLayer: outputLayer, batch: batch).equation(notation)
    }
}
