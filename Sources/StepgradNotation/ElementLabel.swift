import StepgradEngine

/// What names an element on paper: `z₂[1]` for one sample, `W₂[j,k]` for a matrix, `z₂[j,s]`
/// (unit j of sample s) for a batch, `L` for the loss — always row and column of the matrix as
/// drawn, and a batch is drawn one column per sample (stored one row per sample).
///
/// A line keeps this rather than its label in both notations: most output writes only one of them.
public struct ElementLabel: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    public var outputLayer: Int?
    public var batch: Int

    public init(_ quantity: Quantity, _ cell: Cell, outputLayer: Int? = nil, batch: Int = 1) {
        self.quantity = quantity
        self.cell = cell
        self.outputLayer = outputLayer
        self.batch = batch
    }

    public func text(_ notation: Expression.Notation = .unicode) -> String {
        let name = notation == .latex ? quantity.latex(outputLayer: outputLayer) : quantity.symbol(outputLayer: outputLayer)
        if quantity == .loss { return name }
        let index = quantity.isPerSample && batch == 1 || (quantity.kind == .db || quantity.kind == .b || quantity.kind == .b_new)
            ? "\(cell.column)" : quantity.isPerSample ? "\(cell.column),\(cell.row)" : "\(cell.row),\(cell.column)"
        return notation == .latex ? "\\left[\(name)\\right]_{\(index)}" : "\(name)[\(index)]"
    }
}
