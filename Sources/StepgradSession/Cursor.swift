/// How far one step goes: a whole phase, one quantity, or one scalar of it.
public enum Granularity: String, Hashable, Sendable, CaseIterable, Codable {
    case phase, operation, element
}

/// A place within one iteration's trace.
///
/// Operations before `operation` are done, and the first `revealed` elements of
/// `operation` (row-major) are known. The start of an iteration, where only x, y
/// and the parameters are known, is `(0, 0)`; every other place has `revealed ≥ 1`,
/// so the end of operation i is `(i, count)`, never `(i + 1, 0)`, and each place
/// has exactly one spelling.
public struct Cursor: Hashable, Sendable, Codable {
    public var operation: Int
    public var revealed: Int

    public init(operation: Int, revealed: Int) {
        self.operation = operation
        self.revealed = revealed
    }

    public static let start = Cursor(operation: 0, revealed: 0)
    public var isStart: Bool { self == .start }
}
