/// One input of an operation.
public struct Operand: Hashable, Sendable {
    public var quantity: Quantity
    public var value: Matrix
    public init(_ quantity: Quantity, _ value: Matrix) {
        self.quantity = quantity
        self.value = value
    }
}
