import TerminalUI
import Testing

@Suite struct GridSnapshotTests {
    @Test func matchingGridsHaveNoMismatchAndTrailingBlanksMayBeLeftOut() {
        var grid = Grid(width: 4, height: 2)
        grid.write("ab", x: 0, y: 0)
        #expect(grid.lines == ["ab  ", "    "])
        #expect(grid.mismatch(expected: ["ab", ""]) == nil)
        #expect(grid.mismatch(expected: ["ab  ", "    "]) == nil)
    }

    @Test func theReportNamesEachDifferingCellAndShowsBothPictures() {
        var grid = Grid(width: 3, height: 2)
        grid.write("abc", x: 0, y: 0)
        grid.write("d", x: 0, y: 1)
        let report = grid.mismatch(expected: ["abX", "d  "])
        #expect(report == """
            1 cell(s) differ:
              (x: 2, y: 0) expected 'X' (U+58) got 'c' (U+63)
               expected  actual
            !! |abX|     |abc|
               |d  |     |d  |
            """)
    }

    @Test func wrongSizesAreReported() {
        let grid = Grid(width: 2, height: 1)
        let report = grid.mismatch(expected: ["abc", "d"]) ?? ""
        #expect(report.hasPrefix("""
            expected 2 lines, grid has 1
            expected line 0 is 3 characters, grid is 2 wide
            2 cell(s) differ:
              (x: 0, y: 0) expected 'a' (U+61) got ' ' (blank)
            """))
    }
}
