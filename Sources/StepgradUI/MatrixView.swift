import StepgradEngine
import TerminalUI

/// A matrix drawn as a heatmap: each cell coloured by its value on `scale`, with the number inside
/// when the fit has room, `·` where the value is not known yet, and the strongest value of a
/// block standing for it in an overview (NaN first, so that it is never hidden).
struct MatrixView {
    let source: MatrixSource
    let fit: MatrixFit
    let scale: HeatmapScale
    let marks: CellMarks

    /// Draws the matrix with its top-left corner at (`x`, `y`), nothing outside `clip`.
    func draw(into grid: inout Grid, x: Int, y: Int, look: Look, clip: Rect) {
        let blockMarks = fit.isAggregated ? self.blockMarks() : [:]
        for i in 0..<fit.visibleRows {
            for j in 0..<fit.visibleColumns {
                let rect = Rect(x: x + j * fit.cellWidth, y: y + i * fit.cellHeight, width: fit.cellWidth, height: fit.cellHeight)
                guard rect.intersection(clip) == rect else { continue }
                let block = fit.block(i, j, in: source)
                if let r = block.rows.first, let c = block.columns.first, !fit.isAggregated {
                    let cell = source.cell(r, c)
                    drawCell(source.value(r, c), marks.isEmpty ? .none : marks.mark(cell), in: rect, into: &grid, look: look)
                } else {
                    drawCell(strongest(in: block), blockMarks[i * fit.visibleColumns + j] ?? .none, in: rect, into: &grid, look: look)
                }
            }
        }
    }

    /// The value standing for a block of an overview: NaN if any, else the largest in magnitude.
    private func strongest(in block: (rows: Range<Int>, columns: Range<Int>)) -> Double? {
        var strongest: Double?
        for r in block.rows {
            for c in block.columns {
                guard let v = source.value(r, c) else { continue }
                if v.isNaN { return .nan }
                if strongest.map({ abs(v) > abs($0) }) ?? true { strongest = v }
            }
        }
        return strongest
    }

    /// The strongest mark of each drawn block of an overview, by block index.
    private func blockMarks() -> [Int: CellMark] {
        var marked: [Int: CellMark] = [:]
        marks.forEach { cell, mark in
            guard let (r, c) = source.position(of: cell) else { return }
            let i = (r - fit.firstRow) / fit.rowBlock, j = (c - fit.firstColumn) / fit.columnBlock
            guard r >= fit.firstRow, c >= fit.firstColumn, i < fit.visibleRows, j < fit.visibleColumns else { return }
            marked[i * fit.visibleColumns + j] = max(marked[i * fit.visibleColumns + j] ?? .none, mark)
        }
        return marked
    }

    private func drawCell(_ value: Double?, _ mark: CellMark, in rect: Rect, into grid: inout Grid, look: Look) {
        var style: Style
        var text: String
        if let value {
            let level = scale.level(value)
            style = look.heatStyle(level)
            if fit.showsNumbers {
                text = look.format(value)
            } else {
                text = look.needsHeatMarkers ? look.glyphs.base.heatMarker(level) : ""
            }
        } else {
            style = look[.dim]
            text = String(look.glyphs.unknown)
        }
        switch mark {
        case .none: break
        case .read: style = text.isEmpty
            ? style.patched(with: Style(attributes: [.reverse, .bold])) : look[.text].patched(with: look[.readOperand])
        case .changed: style = style.patched(with: Style(attributes: .bold))
        case .wrong: style = look[.text].patched(with: look[.error])
        case .current: style = look[.text].patched(with: look[.highlight])
        case .selected: style = look[.text].patched(with: Style(attributes: [.reverse, .bold]))
        }
        grid.fill(rect, with: GridCell(" ", style: style))
        // Right-aligned with the fit's padding, so that columns of numbers line up.
        let x = max(rect.maxX - fit.padding - text.count, rect.x)
        let y = rect.y + rect.height / 2
        grid.write(text, x: x, y: y, style: style, clip: rect)
        if mark == .selected && fit.padding >= 1 && x > rect.x {
            grid.write("[", x: x - 1, y: y, style: style, clip: rect)
            grid.write("]", x: x + text.count, y: y, style: style, clip: rect)
        }
    }
}
