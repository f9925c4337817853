/// One scalar of one quantity.
public struct Cell: Hashable, Sendable, Codable {
    public var row: Int
    public var column: Int
    public init(_ row: Int, _ column: Int) {
        self.row = row
        self.column = column
    }
}
