/// A cell of a named quantity: what an element read.
public struct CellReference: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    public init(_ quantity: Quantity, _ cell: Cell) {
        self.quantity = quantity
        self.cell = cell
    }
}
