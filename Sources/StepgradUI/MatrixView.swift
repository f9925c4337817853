import StepgradEngine

/// What a drawn cell stands for beyond its value, weakest first: a value the element being
/// computed read, one the step computed, the single element being computed, the cell the user
/// selected. Computed cells keep their colour (in bold); the others stand out in the theme's
/// own highlight styles.
enum CellMark: Int, Comparable {
    case none, read, changed, current, selected

    static func < (a: CellMark, b: CellMark) -> Bool { a.rawValue < b.rawValue }
}

/// Which cells of one matrix carry a mark. Most matrices carry none or mark every cell alike, so
/// cells are asked one by one only when `perCell` is given.
struct CellMarks {
    var whole: CellMark = .none
    var perCell: ((Cell) -> CellMark)?

    func mark(_ cell: Cell) -> CellMark { max(whole, perCell?(cell) ?? .none) }
}

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
        for i in 0..<fit.visibleRows {
            for j in 0..<fit.visibleColumns {
                let rect = Rect(x: x + j * fit.cellWidth, y: y + i * fit.cellHeight, width: fit.cellWidth, height: fit.cellHeight)
                guard rect.intersection(clip) == rect else { continue }
                let (value, mark) = summary(fit.block(i, j, in: source))
                drawCell(value, mark, in: rect, into: &grid, look: look)
            }
        }
    }

    /// The value standing for a block of display cells and its strongest mark.
    private func summary(_ block: (rows: Range<Int>, columns: Range<Int>)) -> (Double?, CellMark) {
        if block.rows.count == 1 && block.columns.count == 1, let r = block.rows.first, let c = block.columns.first {
            return (source.value(r, c), marks.mark(source.cell(r, c)))
        }
        var strongest: Double?
        var mark = marks.whole
        var sawNaN = false
        for r in block.rows {
            for c in block.columns {
                if let v = source.value(r, c) {
                    if v.isNaN { sawNaN = true } else if strongest.map({ abs(v) > abs($0) }) ?? true { strongest = v }
                }
                if let perCell = marks.perCell { mark = max(mark, perCell(source.cell(r, c))) }
            }
        }
        return (sawNaN ? .nan : strongest, mark)
    }

    private func drawCell(_ value: Double?, _ mark: CellMark, in rect: Rect, into grid: inout Grid, look: Look) {
        var style: Style
        var text: String
        if let value {
            let level = scale.level(value)
            style = look.heatStyle(level)
            if let numbers = fit.numbers {
                text = look.glyphs.text(numbers.format(value))
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
