import TerminalUI
import Testing

@Suite struct GridDiffTests {
    @Test func onlyChangedCellsAreReportedRowByRow() {
        var old = Grid(width: 4, height: 2)
        old.write("abcd", x: 0, y: 0)
        var new = old
        new.write("X", x: 3, y: 0)
        new.write("Y", x: 1, y: 1, style: Style(attributes: .bold))
        new.write("b", x: 1, y: 0)  // same as before: no change
        #expect(old.diff(new) == [
            CellChange(x: 3, y: 0, cell: GridCell("X")),
            CellChange(x: 1, y: 1, cell: GridCell("Y", style: Style(attributes: .bold))),
        ])
        #expect(new.diff(new).isEmpty)
    }

    @Test func aStyleChangeAloneIsAChange() {
        var old = Grid(width: 2, height: 1)
        old.write("ab", x: 0, y: 0)
        var new = old
        new.patchStyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(background: Colour(1, 2, 3)))
        #expect(old.diff(new).map { [$0.x, $0.y] } == [[1, 0]])
    }

    @Test func aDifferentSizeRedrawsEverything() {
        let old = Grid(width: 3, height: 2)
        let new = Grid(width: 2, height: 2)
        #expect(old.diff(new).count == 4)
        #expect(Grid(width: 0, height: 0).diff(new).map { [$0.x, $0.y] } == [[0, 0], [1, 0], [0, 1], [1, 1]])
    }

    /// What a terminal is sent leaves out what nobody could see: a blank's foreground and bold,
    /// and colours the depth shows as one. An underlined or reversed blank shows its foreground.
    @Test func changesLeaveOutWhatCannotBeSeen() {
        var old = Grid(width: 4, height: 1)
        old.write("a   ", x: 0, y: 0, style: Style(background: Colour(0, 0, 255)))
        var new = old
        new.write("  ", x: 1, y: 0, style: Style(foreground: .white, background: Colour(0, 0, 255), attributes: [.bold, .dim]))
        new.write("a", x: 0, y: 0, style: Style(background: Colour(0, 0, 250)))
        #expect(old.changes(to: new, at: .palette256).isEmpty)
        #expect(old.changes(to: new, at: .trueColour).map { [$0.x, $0.y] } == [[0, 0]])
        new.write(" ", x: 3, y: 0, style: Style(foreground: .white, background: Colour(0, 0, 255), attributes: .reverse))
        #expect(old.changes(to: new, at: .palette256).map { [$0.x, $0.y] } == [[3, 0]])
        #expect(Grid(width: 1, height: 1).changes(to: Grid(width: 2, height: 1), at: .mono).count == 2)
    }

    @Test func applyingTheDiffReproducesTheNewGrid() {
        var old = Grid(width: 5, height: 3)
        old.drawBox(old.area, glyphs: .light)
        var new = Grid(width: 5, height: 3)
        new.write("hello", x: 0, y: 1, style: Style(foreground: Colour(9, 9, 9)))
        var screen = old
        screen.apply(old.diff(new))
        #expect(screen == new)
    }
}
