import StepgradEngine
import TerminalUI

/// A matrix drawn as a heatmap: each cell coloured by its value on `scale`, with the number inside
/// when the fit has room, `·` where the value is not known yet, and the mean of a block standing
/// for it in an overview (`MatrixSource.overview`), on the scale of the means.
struct MatrixView {
    let source: MatrixSource
    let fit: MatrixFit
    let scale: HeatmapScale
    let marks: CellMarks

    /// Draws the matrix with its top-left corner at (`x`, `y`), nothing outside `clip`. An overview
    /// draws each block's mean on the scale of the means.
    func draw(into grid: inout Grid, x: Int, y: Int, look: Look, clip: Rect) {
        let overview = fit.isAggregated ? source.overview(fit) : []
        let blockMarks = fit.isAggregated ? self.blockMarks() : [:]
        let overviewScale = HeatmapScale(values: overview.compactMap { $0 })
        // The theme's styles looked up once, not once a cell: a matrix may have thousands.
        let styles = CellStyles(look)
        for i in 0..<fit.visibleRows {
            for j in 0..<fit.visibleColumns {
                let rect = Rect(x: x + j * fit.cellWidth, y: y + i * fit.cellHeight, width: fit.cellWidth, height: fit.cellHeight)
                guard rect.intersection(clip) == rect else { continue }
                if fit.isAggregated {
                    let k = i * fit.visibleColumns + j
                    drawCell(overview[k], blockMarks[k] ?? .none, scale: overviewScale, in: rect, into: &grid, look: look, styles: styles)
                } else {
                    let block = fit.block(i, j, in: source)
                    guard let r = block.rows.first, let c = block.columns.first else { continue }
                    let cell = source.cell(r, c)
                    drawCell(source.value(r, c), marks.isEmpty ? .none : marks.mark(cell), scale: scale, in: rect, into: &grid, look: look,
                             styles: styles)
                }
            }
        }
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

    /// The styles every cell may take, of the look's theme at its depth.
    private struct CellStyles {
        let text: Style
        let dim: Style
        let needsHeatMarkers: Bool
        let unknown: String

        init(_ look: Look) {
            (text, dim, needsHeatMarkers, unknown) = (look[.text], look[.dim], look.needsHeatMarkers, String(look.glyphs.unknown))
        }
    }

    private func drawCell(_ value: Double?, _ mark: CellMark, scale: HeatmapScale, in rect: Rect, into grid: inout Grid,
                          look: Look, styles: CellStyles) {
        var style: Style
        var text: String
        if let value {
            let level = scale.level(value)
            style = look.heatStyle(level, on: styles.text)
            if fit.showsNumbers {
                text = look.format(value)
            } else {
                text = styles.needsHeatMarkers ? look.glyphs.base.heatMarker(level) : ""
            }
        } else {
            style = styles.dim
            text = styles.unknown
        }
        switch mark {
        case .none: break
        case .read: style = text.isEmpty
            ? style.patched(with: Style(attributes: [.reverse, .bold])) : styles.text.patched(with: look[.readOperand])
        case .changed: style = style.patched(with: Style(attributes: .bold))
        case .wrong: style = styles.text.patched(with: look[.error])
        case .current: style = styles.text.patched(with: look[.highlight])
        case .selected: style = styles.text.patched(with: Style(attributes: [.reverse, .bold]))
        }
        // Right-aligned with the fit's padding, so that columns of numbers line up.
        let x = max(rect.maxX - fit.padding - text.count, rect.x)
        let y = rect.y + rect.height / 2
        // The rows above and below the text show only the background: filled in the text role's
        // style on it, a terminal is sent one colour for them, not the cell's foreground and bold
        // again. (Reversed or underlined, the whole style shows.)
        let fill = style.attributes.isDisjoint(with: [.reverse, .underline])
            ? styles.text.patched(with: Style(background: style.background)) : style
        grid.clear(rect, style: fill)
        grid.clear(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
        // A cell in colour alone has no text to write.
        if !text.isEmpty { grid.write(text, x: x, y: y, style: style, clip: rect) }
        if mark == .selected && fit.padding >= 1 && x > rect.x {
            grid.write("[", x: x - 1, y: y, style: style, clip: rect)
            grid.write("]", x: x + text.count, y: y, style: style, clip: rect)
        }
    }
}
