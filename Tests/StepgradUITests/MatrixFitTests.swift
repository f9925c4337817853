import StepgradEngine
import StepgradNotation
import TerminalUI
import Testing
@testable import StepgradUI

/// How a matrix is fitted into the room a panel has.
struct MatrixFitTests {
    let look = Look(theme: .dark, depth: .trueColour, glyphs: ScreenGlyphs(.unicode, unicode: true),
                    numbers: NumberText(style: NumberStyle(decimals: 4), glyphs: ScreenGlyphs(.unicode, unicode: true)),
                    showsNumbers: true, presenting: false)

    func source(_ rows: Int, _ columns: Int, value: Double = -0.25) -> MatrixSource {
        let m = Matrix(rows: rows, columns: columns, repeating: value)
        return MatrixSource(.W(1), label: "W₁", matrix: m, revealed: m.count, transposed: false)
    }

    /// "−0.25" is five characters: seven with a blank each side, six when compact.
    @Test func numbersWhenTheyFit() {
        let fit = MatrixFit.make(source(3, 4), room: Size(width: 40, height: 10), look: look)
        #expect(fit.showsNumbers && fit.cellWidth == 7 && fit.size == Size(width: 28, height: 3))
        let compact = MatrixFit.make(source(3, 4), room: Size(width: 24, height: 10), look: look, compact: true)
        #expect(compact.showsNumbers && compact.cellWidth == 6 && compact.padding == 0)
    }

    @Test func colourAloneWhenNumbersDoNot() {
        let fit = MatrixFit.make(source(3, 4), room: Size(width: 20, height: 10), look: look)
        #expect(!fit.showsNumbers && fit.cellWidth == 2 && fit.showsAll(source(3, 4)))
    }

    /// A 256×256 matrix in 120×30 cells: blocks of 9 rows × 5 columns (two-wide cells, 60 across).
    @Test func overviewOfALargeMatrix() {
        let large = source(256, 256)
        let fit = MatrixFit.make(large, room: Size(width: 120, height: 30), look: look)
        #expect(fit.rowBlock == 9 && fit.columnBlock == 5)
        #expect(fit.visibleRows == 29 && fit.visibleColumns == 52)
        #expect(fit.size.width <= 120 && fit.size.height <= 30)
        #expect(!fit.showsAll(large))
        #expect(fit.block(28, 51, in: large) == (252..<256, 255..<256))
    }

    /// Zoomed, a window of single values around the anchor, kept inside the matrix.
    @Test func windowAroundTheAnchor() {
        let large = source(256, 256)
        let fit = MatrixFit.make(large, room: Size(width: 70, height: 20), look: look, anchor: (255, 3), zoomed: true)
        #expect(fit.showsNumbers && !fit.isAggregated)
        #expect(fit.visibleRows == 20 && fit.firstRow == 236)
        #expect(fit.firstColumn == 0 && fit.visibleColumns == 10)
        #expect(fit.displayCell(atOffset: 0, 19, in: large) ?? (0, 0) == (255, 0))
    }

    @Test func presentingCellsAreTallerAndWider() {
        let fit = MatrixFit.make(source(3, 4), room: Size(width: 60, height: 15), look: look, cellHeight: 5)
        #expect(fit.cellHeight == 5 && fit.cellWidth == 11 && fit.padding == 3)
        #expect(MatrixFit.heights(rows: 4, room: 15, presenting: true) == [3, 1])
        #expect(MatrixFit.heights(rows: 4, room: 40, presenting: false) == [3, 1])
        #expect(MatrixFit.heights(rows: 4, room: 11, presenting: false) == [1])
    }

    /// An overview cell stands for the mean of its block: [[1, 3, −2, −4], [5, 7, 0, NaN]] in blocks
    /// of 2×2 is (1 + 3 + 5 + 7)/4 = 4, and (−2 − 4 + 0)/3 = −2 while the NaN is not known yet; once
    /// it is, the block shows NaN.
    @Test func overviewCellsAreBlockMeans() {
        let m = Matrix([[1, 3, -2, -4], [5, 7, 0, .nan]])
        let source = MatrixSource(.W(1), label: "W₁", matrix: m, revealed: 7, transposed: false)
        let fit = MatrixFit(cellWidth: 1, cellHeight: 1, showsNumbers: false, padding: 0, rowBlock: 2, columnBlock: 2,
                            visibleRows: 1, visibleColumns: 2)
        #expect(source.overview(fit) == [4, -2])
        #expect(source.overviewScale(fit).limit == 4)
        let all = MatrixSource(.W(1), label: "W₁", matrix: m, revealed: 8, transposed: false)
        #expect(all.overview(fit)[0] == 4 && all.overview(fit)[1]?.isNaN == true)
    }
}
