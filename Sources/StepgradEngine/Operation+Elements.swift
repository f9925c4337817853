/// One scalar of an operation's result with the arithmetic that produced it,
/// e.g. `z₀ = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4`.
public struct Element: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    /// Successive equal forms: symbolic with numbers substituted, then partial results.
    public var steps: [Expression]
    public var value: Double
    /// The operand cells this element read, in order; `Operation.reads(at:)` gives them without the expansion.
    public var reads: [CellReference]
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
