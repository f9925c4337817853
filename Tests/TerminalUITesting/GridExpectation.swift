import Foundation
import TerminalUI
import Testing

/// Expects `grid` to show exactly `expected` (lines may leave out trailing blanks). On failure the
/// issue lists each differing cell (position, expected, actual) and both pictures side by side;
/// with `STEPGRAD_ACTUAL_SNAPSHOTS` naming a folder, the actual picture is also written there as
/// `FILE-LINE.txt`, to review and take over when a change of layout is meant.
public func expectGrid(_ grid: Grid, equals expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let report = grid.mismatch(expected: expected) else { return }
    Issue.record(Comment(rawValue: "grid differs from the expected snapshot\n" + report), sourceLocation: sourceLocation)
    if let folder = ProcessInfo.processInfo.environment["STEPGRAD_ACTUAL_SNAPSHOTS"], !folder.isEmpty {
        let name = "\(sourceLocation.fileName)-\(sourceLocation.line).txt"
        let picture = grid.lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        try? picture.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
