@testable import TerminalUI
import TerminalUITesting
import Testing

@Suite struct GridTests {
    @Test func writeClipsToTheGridAndToAnArea() {
        var grid = Grid(width: 8, height: 3)
        let end = grid.write("hello world", x: 2, y: 0)
        grid.write("abcdef", x: -2, y: 1)
        grid.write("clipped", x: 1, y: 2, clip: Rect(x: 2, y: 2, width: 3, height: 1))
        grid.write("nowhere", x: 0, y: 3)
        #expect(end == 13)
        expectGrid(grid, equals: [
            "  hello ",
            "cdef",
            "  lip",
        ])
    }

    @Test func writeMarksTruncationWithTheEllipsis() {
        var grid = Grid(width: 6, height: 2)
        grid.write("abcdefgh", x: 0, y: 0, ellipsis: "…")
        grid.write("abcdef", x: 0, y: 1, ellipsis: "…")
        expectGrid(grid, equals: ["abcde…", "abcdef"])
    }

    @Test func charactersThatAreNotOneColumnWideBecomeQuestionMarks() {
        var grid = Grid(width: 9, height: 1)
        grid.write("a\u{7}中😀e\u{301}\tz\u{301}b", x: 0, y: 0)
        #expect(grid.lines == ["a???e\u{301}?z\u{301}b "])
        #expect(Character("\u{301}").terminalSafe == "?")
        #expect(Character("≤").terminalSafe == "≤")
        #expect(Character("█").terminalSafe == "█")
    }

    /// The code points `terminalSafe` passes without a look at their properties are the ones
    /// those properties pass, every one of them.
    @Test func theKnownNarrowCodePointsAreTheOnesThePropertiesPass() {
        var checked = 0
        for range in Unicode.Scalar.knownNarrow {
            for value in range {
                let character = Character(Unicode.Scalar(value)!)
                #expect(character.examined == character, "U+\(String(value, radix: 16, uppercase: true))")
                #expect(character.terminalSafe == character)
                checked += 1
            }
        }
        #expect(checked > 1000)
        // Just outside them, the full test still decides.
        #expect(Character("\u{AD}").terminalSafe == "?")   // soft hyphen, a format character
        #expect(Character("\u{2028}").terminalSafe == "?") // line separator
        #expect(Character("\u{25FE}").terminalSafe == "?") // ◾, shown as an emoji
        #expect(Character("\u{300}").terminalSafe == "?")  // combining grave accent
        #expect(Character("−\u{301}").terminalSafe == "−\u{301}")
    }

    @Test func fillAndPatchStyleKeepToTheirRectangles() {
        let bold = Style(attributes: .bold), red = Style(foreground: Colour(255, 0, 0))
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(x: 1, y: 1, width: 10, height: 10), with: GridCell("#", style: bold))
        grid.patchStyle(Rect(x: 0, y: 0, width: 2, height: 2), with: red)
        expectGrid(grid, equals: ["", " ###", " ###"])
        #expect(grid[1, 1].style == Style(foreground: Colour(255, 0, 0), attributes: .bold))
        #expect(grid[0, 1].style == red)
        #expect(grid[2, 1].style == bold)
        #expect(grid[3, 2].character == "#")
        #expect(grid[9, 9] == .blank)
    }

    @Test func boxesInUnicodeAndASCII() {
        var grid = Grid(width: 12, height: 4)
        grid.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), glyphs: .light, title: "Loss")
        expectGrid(grid, equals: [
            "┌─ Loss ───┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
        var ascii = Grid(width: 10, height: 3)
        ascii.drawBox(Rect(x: 1, y: 0, width: 9, height: 3), glyphs: .ascii, title: "Gradient", ellipsis: "~")
        expectGrid(ascii, equals: [
            " +- Gra~-+",
            " |       |",
            " +-------+",
        ])
        // Too narrow for a readable title: just the frame.
        var narrow = Grid(width: 7, height: 2)
        narrow.drawBox(narrow.area, glyphs: .ascii, title: "Gradient", ellipsis: "~")
        expectGrid(narrow, equals: ["+-----+", "+-----+"])
    }

    @Test func boxesTooSmallAreNotDrawnAndLargeOnesAreClipped() {
        var grid = Grid(width: 4, height: 3)
        grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 3), glyphs: .light)
        grid.drawBox(Rect(x: 2, y: 1, width: 5, height: 5), glyphs: .heavy)
        expectGrid(grid, equals: ["", "  ┏━", "  ┃ "])
    }

    @Test func croppingTakesOnePanel() {
        var grid = Grid(width: 6, height: 3)
        grid.write("abcdef", x: 0, y: 1)
        #expect(grid.cropped(to: Rect(x: 2, y: 1, width: 3, height: 5)).lines == ["cde", "   "])
    }

    @Test func maskShowsWhereAStyleIsUsed() {
        var grid = Grid(width: 5, height: 2)
        let highlight = Style(background: Colour(200, 160, 0), attributes: .bold)
        grid.write("ab", x: 1, y: 0, style: highlight)
        grid.write("c", x: 4, y: 1, style: highlight)
        grid.write("d", x: 0, y: 1, style: Style(background: Colour(200, 160, 0)))
        #expect(grid.mask { $0.style == highlight } == [" ##  ", "    #"])
    }
}
