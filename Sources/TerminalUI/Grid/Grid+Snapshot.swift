/// Grids as text, for tests and for the per-cell report when a snapshot does not match.
extension Grid {
    /// Each row as a string of exactly `width` characters (trailing blanks kept).
    public var lines: [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].character }) }
    }

    /// The part of the grid inside `rect`, as a grid of its own (for comparing one panel).
    public func cropped(to rect: Rect) -> Grid {
        let r = rect.intersection(area)
        var part = Grid(width: r.width, height: r.height)
        for y in 0..<r.height {
            for x in 0..<r.width { part[x, y] = self[r.x + x, r.y + y] }
        }
        return part
    }

    /// Rows marking with `mark` the cells where `predicate` holds and with a blank the others:
    /// a picture of where a style is used, e.g. `grid.mask { $0.style == theme[.highlight] }`.
    public func mask(mark: Character = "#", where predicate: (GridCell) -> Bool) -> [String] {
        (0..<height).map { y in String((0..<width).map { predicate(self[$0, y]) ? mark : " " }) }
    }

    /// `nil` when the grid shows exactly `expected` (lines may omit trailing blanks), else a report:
    /// the size or the first differing cells with position, expected and actual character, then
    /// both pictures side by side with the differing rows flagged.
    public func mismatch(expected: [String], maxCellsListed: Int = 20) -> String? {
        let actual = lines
        var problems: [String] = []
        if expected.count != height {
            problems.append("expected \(expected.count) lines, grid has \(height)")
        }
        for (y, line) in expected.enumerated() where line.count > width {
            problems.append("expected line \(y) is \(line.count) characters, grid is \(width) wide")
        }
        let expectedRows = expected.map { Array($0) }
        var differing: [(x: Int, y: Int, expected: Character, actual: Character)] = []
        for y in 0..<min(height, expected.count) {
            for x in 0..<width {
                let want: Character = x < expectedRows[y].count ? expectedRows[y][x] : " "
                let have = self[x, y].character
                if want != have { differing.append((x, y, want, have)) }
            }
        }
        if problems.isEmpty && differing.isEmpty { return nil }
        var report = problems
        if !differing.isEmpty {
            report.append("\(differing.count) cell(s) differ:")
            for d in differing.prefix(maxCellsListed) {
                report.append("  (x: \(d.x), y: \(d.y)) expected \(Self.quoted(d.expected)) got \(Self.quoted(d.actual))")
            }
            if differing.count > maxCellsListed { report.append("  … and \(differing.count - maxCellsListed) more") }
        }
        let badRows = Set(differing.map(\.y))
        let rows = max(height, expected.count)
        // Each picture is framed by bars and followed by a gap; the header needs room too.
        let column = max(max(width, expected.map(\.count).max() ?? 0) + 5, "expected".count + 2)
        report.append("   " + "expected".padding(column) + "actual")
        for y in 0..<rows {
            let want = y < expected.count ? "|" + expected[y].padding(width) + "|" : ""
            let have = y < height ? "|" + actual[y] + "|" : ""
            report.append((badRows.contains(y) ? "!! " : "   ") + want.padding(column) + have)
        }
        return report.joined(separator: "\n")
    }

    private static func quoted(_ c: Character) -> String {
        c == " " ? "' ' (blank)" : "'\(c)' (U+" + c.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " U+") + ")"
    }
}

extension String {
    /// This string padded with blanks to at least `length` characters.
    fileprivate func padding(_ length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
