import TerminalUI
import Testing

/// Expects `grid` to show exactly `expected` (lines may leave out trailing blanks). On failure the
/// issue lists each differing cell (position, expected, actual) and both pictures side by side.
public func expectGrid(_ grid: Grid, equals expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    if let report = grid.mismatch(expected: expected) {
        Issue.record(Comment(rawValue: "grid differs from the expected snapshot\n" + report), sourceLocation: sourceLocation)
    }
}
