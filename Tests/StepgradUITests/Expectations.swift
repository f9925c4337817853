import Foundation
import TerminalUI
import TerminalUITesting
import Testing
import StepgradUI

/// The whole screen shows `expected` (trailing blanks may be left out).
@MainActor func expectScreen<P: TerminalProgram>(_ backend: TestBackend<P>, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    expectGrid(backend.screen, equals: expected, sourceLocation: sourceLocation)
}

/// The first lines of the screen show `expected`.
@MainActor func expectTop<P: TerminalProgram>(_ backend: TestBackend<P>, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let top = backend.screen.cropped(to: Rect(x: 0, y: 0, width: backend.screen.width, height: expected.count))
    expectGrid(top, equals: expected, sourceLocation: sourceLocation)
}

extension Grid {
    /// The characters of row `y` drawn in exactly `style`, blanks elsewhere, trailing blanks dropped.
    func text(inRow y: Int, styled style: Style) -> String {
        var row = ""
        for x in 0..<width { row.append(self[x, y].style == style ? self[x, y].character : " ") }
        while row.hasSuffix(" ") { row.removeLast() }
        return row
    }

    /// Every row's characters drawn in `style`, as words: what a user sees lit in that style.
    func words(styled style: Style) -> [String] {
        (0..<height).flatMap { text(inRow: $0, styled: style).split(separator: " ").map(String.init) }
    }

    /// The screen position of the first occurrence of `text` in the rows `rows`, if any.
    func find(_ text: String, rows: Range<Int>? = nil) -> (x: Int, y: Int)? {
        for y in rows ?? 0..<height {
            let line = lines[y]
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }
}
