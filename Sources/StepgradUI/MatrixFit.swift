import Foundation
import StepgradEngine
import TerminalUI

/// How a matrix is laid onto the screen: one cell per value with its number when that fits, else
/// colour alone, else blocks of values per cell (an overview), or a window of single values
/// around a point of interest (zoomed in). Never larger than the room it was given.
struct MatrixFit: Hashable {
    /// Screen columns and rows per drawn cell.
    var cellWidth: Int
    var cellHeight: Int
    /// Whether cells show their numbers (as the formulas write them) or colour alone.
    var showsNumbers: Bool
    /// Blanks right of a cell's text, the same in every cell so that columns line up.
    var padding = 1
    /// Values per drawn cell, down and across (1 unless aggregated).
    var rowBlock = 1
    var columnBlock = 1
    /// The first display row and column drawn (non-zero in a window).
    var firstRow = 0
    var firstColumn = 0
    var visibleRows: Int
    var visibleColumns: Int

    var size: Size { Size(width: visibleColumns * cellWidth, height: visibleRows * cellHeight) }
    var isAggregated: Bool { rowBlock > 1 || columnBlock > 1 }

    /// Whether every value is drawn, each in its own cell.
    func showsAll(_ source: MatrixSource) -> Bool {
        !isAggregated && firstRow == 0 && firstColumn == 0
            && visibleRows == source.rows && visibleColumns == source.columns
    }

    /// A guess at a cell with a number, before measuring.
    static let typicalNumberCell = 9
    /// Matrices with more values than this are not measured for numbers: they never fit anyway.
    static let measuredLimit = 4096

    /// The best way to show `source` in at most `room`.
    ///
    /// - Parameters:
    ///   - anchor: the display cell that must stay in view when the matrix does not fit (selection
    ///     or the element being computed); with `zoomed`, a window of single values around it
    ///     replaces the overview.
    ///   - cellHeight: rows per cell (3, 5, or 7 to present), kept when the matrix fits that tall;
    ///     such cells are wider by as much when `widened` and that fits too.
    ///   - compact: one blank between numbers instead of two, when room is short.
    static func make(_ source: MatrixSource, room: Size, look: Look, anchor: (row: Int, column: Int)? = nil,
                     zoomed: Bool = false, cellHeight: Int = 1, compact: Bool = false, widened: Bool = true) -> MatrixFit {
        let rows = source.rows, columns = source.columns
        guard rows > 0, columns > 0, room.width > 0, room.height > 0 else {
            return MatrixFit(cellWidth: 1, cellHeight: 1, showsNumbers: false, visibleRows: 0, visibleColumns: 0)
        }
        if look.showsNumbers, rows <= room.height, columns * 3 <= room.width, rows * columns <= measuredLimit {
            let width = numberWidth(source, rows: 0..<rows, columns: 0..<columns, look: look) - (compact ? 1 : 0)
            if columns * width <= room.width {
                var fit = MatrixFit(cellWidth: width, cellHeight: 1, showsNumbers: true, padding: compact ? 0 : 1,
                                    visibleRows: rows, visibleColumns: columns)
                if cellHeight > 1 && rows * cellHeight <= room.height {
                    fit.cellHeight = cellHeight
                    let wider = width + cellHeight - 1
                    if widened && columns * wider <= room.width { (fit.cellWidth, fit.padding) = (wider, fit.padding + (cellHeight - 1) / 2) }
                }
                return fit
            }
        }
        let heatWidth = look.needsHeatMarkers ? 3 : 2
        for width in [heatWidth, 1] where rows <= room.height && columns * width <= room.width {
            var fit = MatrixFit(cellWidth: width, cellHeight: 1, showsNumbers: false, padding: width > 2 ? 1 : 0,
                                visibleRows: rows, visibleColumns: columns)
            if cellHeight > 1 && rows * cellHeight <= room.height { fit.cellHeight = cellHeight }
            return fit
        }
        if zoomed, let anchor {
            return window(source, room: room, look: look, around: anchor)
        }
        let width = room.width >= 2 * min(columns, 8) ? 2 : 1
        let rowBlock = ceilDivide(rows, room.height)
        let columnBlock = ceilDivide(columns, max(room.width / width, 1))
        return MatrixFit(cellWidth: width, cellHeight: 1, showsNumbers: false, padding: 0, rowBlock: rowBlock, columnBlock: columnBlock,
                         visibleRows: ceilDivide(rows, rowBlock), visibleColumns: ceilDivide(columns, columnBlock))
    }

    /// The cell heights a panel tries, tallest first: 5 or 3 rows (up to 7 presenting) when `rows` of
    /// them fit in `room` rows, so that a small network fills a large screen; else one.
    static func heights(rows: Int, room: Int, presenting: Bool) -> [Int] {
        (presenting ? [7, 5, 3] : [5, 3]).filter { rows * $0 <= room } + [1]
    }

    /// Single values around `anchor`, with numbers when asked for and they fit.
    private static func window(_ source: MatrixSource, room: Size, look: Look,
                               around anchor: (row: Int, column: Int)) -> MatrixFit {
        let rows = min(source.rows, room.height)
        var fit = MatrixFit(cellWidth: look.needsHeatMarkers ? 3 : 2, cellHeight: 1, showsNumbers: false,
                            padding: look.needsHeatMarkers ? 1 : 0, visibleRows: rows, visibleColumns: 0)
        if look.showsNumbers {
            // Measure the values a window of cells of a typical width would show, then widen to them.
            let guess = min(source.columns, max(room.width / typicalNumberCell, 1))
            let (firstRow, firstColumn) = origin(source, rows: rows, columns: guess, around: anchor)
            let width = numberWidth(source, rows: firstRow..<(firstRow + rows),
                                    columns: firstColumn..<(firstColumn + guess), look: look)
            if width <= room.width {
                fit.cellWidth = width
                fit.showsNumbers = true
                fit.padding = 1
            }
        }
        fit.visibleColumns = min(source.columns, max(room.width / fit.cellWidth, 1))
        (fit.firstRow, fit.firstColumn) = origin(source, rows: fit.visibleRows, columns: fit.visibleColumns, around: anchor)
        return fit
    }

    /// The top-left display cell of a window of `rows` × `columns` centred on `anchor`, inside the matrix.
    private static func origin(_ source: MatrixSource, rows: Int, columns: Int,
                               around anchor: (row: Int, column: Int)) -> (Int, Int) {
        (min(max(anchor.row - rows / 2, 0), max(source.rows - rows, 0)),
         min(max(anchor.column - columns / 2, 0), max(source.columns - columns, 0)))
    }

    /// The cell width numbers need over a part of the matrix: the longest, a blank each side.
    /// Numbers are never rounded further to fit: a cell shows the value as the formulas do, or none.
    /// Measuring wants (`Look.measuresAllFigures`), values other than the given data count as wide
    /// as a number of their magnitude, or of a tenth of it, with all its figures: a weight of 0.2
    /// may be written −0.06495 an iteration later, and the layout should not change then.
    private static func numberWidth(_ source: MatrixSource, rows: Range<Int>, columns: Range<Int>, look: Look) -> Int {
        let allFigures = look.measuresAllFigures && source.quantity != .x && source.quantity != .y
        let key = NumberText.Key(quantity: source.quantity, transposed: source.transposed, columnRange: source.columnRange,
                                 rows: rows, columns: columns, allFigures: allFigures)
        return look.numbers.width(key) {
            var longest = 1
            for r in rows.clamped(to: 0..<source.rows) {
                for c in columns.clamped(to: 0..<source.columns) {
                    let stored = source.cell(r, c)
                    let value = source.matrix[stored.row, stored.column]
                    longest = max(longest, look.format(allFigures ? withAllFigures(value) : value).count)
                    if allFigures { longest = max(longest, look.format(withAllFigures(value / 10)).count) }
                }
            }
            return longest + 2
        }
    }

    /// A number of the magnitude and leading digit of `value` with every further figure non-zero
    /// (0.2 → 0.2123…): what it may become once it is computed rather than given. Zero stays zero.
    static func withAllFigures(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let unit = pow(10, (log10(abs(value))).rounded(.down))
        let leading = (abs(value) / unit).rounded(.down)
        return (value < 0 ? -1 : 1) * (min(max(leading, 1), 9) + 0.1234567) * unit
    }

    /// The display cells drawn in screen cell (`i`, `j`).
    func block(_ i: Int, _ j: Int, in source: MatrixSource) -> (rows: Range<Int>, columns: Range<Int>) {
        let r = firstRow + i * rowBlock, c = firstColumn + j * columnBlock
        return (r..<min(r + rowBlock, source.rows), c..<min(c + columnBlock, source.columns))
    }

    /// The display cell under a screen offset from the matrix's top-left corner, if any.
    func displayCell(atOffset dx: Int, _ dy: Int, in source: MatrixSource) -> (row: Int, column: Int)? {
        guard dx >= 0, dy >= 0, dx < size.width, dy < size.height else { return nil }
        let (rows, columns) = block(dy / cellHeight, dx / cellWidth, in: source)
        guard let r = rows.first, let c = columns.first else { return nil }
        return (r, c)
    }
}

func ceilDivide(_ a: Int, _ b: Int) -> Int { b <= 0 ? a : (a + b - 1) / b }
