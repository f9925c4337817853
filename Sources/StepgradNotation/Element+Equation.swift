import StepgradEngine

/// An element written out: its label and its line of arithmetic.
extension Element {
    /// The element's name on paper (see `ElementLabel`).
    public func label(_ notation: Expression.Notation = .unicode, outputLayer: Int? = nil, batch: Int = 1) -> String {
        ElementLabel(quantity, cell, outputLayer: outputLayer, batch: batch).text(notation)
    }

    /// The line as printed, every number at the precision that makes it add up (see `LinePrecision`).
    /// `explain`, `check` and the screen all write an element through this.
    public func written(style: NumberStyle = NumberStyle(), outputLayer: Int? = nil, batch: Int = 1) -> WrittenLine {
        let fitted = LinePrecision(style: style).fit(steps, value: value)
        return WrittenLine(of: ElementLabel(quantity, cell, outputLayer: outputLayer, batch: batch),
                           steps: fitted.steps, result: fitted.result, addsUp: fitted.addsUp)
    }

    /// The whole line: `label = step = … = value`.
    public func equation(_ notation: Expression.Notation = .unicode, style: NumberStyle = NumberStyle(),
                         outputLayer: Int? = nil, batch: Int = 1) -> String {
        written(style: style, outputLayer: outputLayer, batch: batch).equation(notation)
    }
}
