import StepgradEngine
import TerminalUI

/// Everything the panels of one frame share: what the session shows, how it is drawn, and what
/// the user has singled out.
@MainActor
struct ViewContext {
    let scene: Scene
    let look: Look
    let scales: HeatScales
    /// The selected cell, marked where it is drawn.
    let selection: CellReference?
    let focus: Panel?
    /// Whether the focused panel shows a window of single values around the selection.
    let zoomed: Bool
    /// The sample of the batch the network panel shows.
    let sample: Int
    /// A student's answers, while the iteration they answer (the first) is on screen.
    let answers: AnswerCheck?

    /// Draws `source` with its marks and scale, in brackets when asked and it is drawn whole (callers
    /// leave a column either side: `matrixWidth`), and records it for clicks and the arrow keys. A
    /// student's wrong answers are marked on their own values (beside the result of the
    /// operation), never on the true ones.
    func draw(_ source: MatrixSource, fit: MatrixFit, panel: Panel, x: Int, y: Int, clip: Rect, bracketed: Bool = true,
              into grid: inout Grid, hits: inout HitMap) {
        let view = MatrixView(source: source, fit: fit, scale: scales.scale(for: source),
                              marks: CellMarks(source.quantity, scene: scene, selection: selection,
                                               answers: source.isStudents ? answers : nil))
        view.draw(into: &grid, x: x, y: y, look: look, clip: clip)
        // A window of a larger matrix is open at its cut edges: no brackets.
        if bracketed && (fit.isAggregated || fit.showsAll(source)) {
            drawBrackets(around: Rect(x: x, y: y, width: fit.size.width, height: fit.size.height), clip: clip, into: &grid)
        }
        hits.add(panel, x: x, y: y, source: source, fit: fit)
    }

    /// A matrix's brackets, in the column either side of `rect` (where the matrix is drawn), so that
    /// it reads as one matrix whatever its values: a row of zeros, or a column of colour.
    func drawBrackets(around rect: Rect, clip: Rect, into grid: inout Grid) {
        let style = look[.text]
        // Each piece made into a cell once, not once a row: a tall matrix repeats its middle piece.
        var last: (pieces: (Character, Character), cells: (left: GridCell, right: GridCell))?
        for row in 0..<rect.height {
            let pieces = look.glyphs.brackets(row: row, of: rect.height)
            let cells = last.flatMap { $0.pieces == pieces ? $0.cells : nil }
                ?? (left: GridCell(pieces.left, style: style), right: GridCell(pieces.right, style: style))
            last = (pieces, cells)
            let y = rect.y + row
            if clip.contains(x: rect.x - 1, y: y) { grid[rect.x - 1, y] = cells.left }
            if clip.contains(x: rect.maxX, y: y) { grid[rect.maxX, y] = cells.right }
        }
    }

    /// The columns a matrix drawn `fit` takes with its brackets (or without), and at least its label's.
    static func matrixWidth(_ fit: MatrixFit, label: String, bracketed: Bool = true) -> Int {
        max(fit.size.width + (bracketed ? 2 : 0), label.count)
    }

    /// The display cell of `source` to keep in view: the selection, else the element being computed.
    func anchor(in source: MatrixSource) -> (row: Int, column: Int)? {
        if let selection, selection.quantity == source.quantity, let p = source.position(of: selection.cell) { return p }
        if let activity = scene.activity, activity.isSingleElement, let step = scene.step,
           step.quantity == source.quantity, let cell = step.changed.last?.cell {
            return source.position(of: cell)
        }
        return nil
    }

    /// Whether `source` is shown as a window around its anchor rather than as an overview.
    func isZoomed(_ source: MatrixSource, in panel: Panel) -> Bool {
        zoomed && focus == panel && selection?.quantity == source.quantity
    }

    /// The style of a matrix's name: lit when the last step computed it or read it, so that the
    /// flow of a step shows whatever its size.
    func labelStyle(for q: Quantity) -> Style {
        guard let activity = scene.activity else { return look[.title] }
        if activity.changes(q) { return labelStyle(reading: false) }
        if activity.readsAll(q) || activity.readsSome(q) { return labelStyle(reading: true) }
        return look[.title]
    }

    /// The name of a matrix the step read, or wrote.
    func labelStyle(reading: Bool) -> Style {
        look.legible(look[.title].patched(with: look[reading ? .readOperand : .changed]))
    }

    /// Draws a panel's frame, heavier when it has focus, and returns the inside.
    func frame(_ rect: Rect, title: String, panel: Panel?, into grid: inout Grid) -> Rect {
        let focused = panel != nil && panel == focus
        grid.drawBox(rect, glyphs: focused ? look.glyphs.base.focusBox : look.glyphs.base.box,
                     style: look[focused ? .focus : .border], title: look.text(title),
                     titleStyle: look[focused ? .focus : .title], ellipsis: look.glyphs.base.ellipsis)
        return rect.inset(by: 1)
    }
}
