import StepgradEngine
import StepgradNotation
import TerminalUI

/// The current operation as its equation: each operand and the result a heatmap with its numbers
/// inside when they fit, its name above and its scale below (a gradient beside its parameter has
/// its own). Matrices that do not fit share the width by their number of columns and become
/// overviews; zoomed, the selected matrix alone fills the panel as a window of single values.
@MainActor
struct OperationView {
    let context: ViewContext

    enum Item {
        case text(String)
        case matrix(MatrixSource)
    }

    var scene: Scene { context.scene }

    private func items(_ op: Operation) -> [Item] {
        let equation: [Item] = Equation(op).pieces.compactMap { piece in
            switch piece {
            case .text(let text):
                return .text(context.look.text(text))
            case .matrix(let q, let transposed):
                let label = Equation.label(q, transposed: transposed, outputLayer: scene.outputLayer)
                return MatrixSource(q, label: label, scene: scene, transposed: transposed).map(Item.matrix)
            }
        }
        // A student's answer for the result stands beside it.
        guard case .matrix(let result)? = equation.last, let answers = context.answers,
              let written = answers.written(result.quantity, shape: result.matrix.shape) else { return equation }
        let yours = MatrixSource(result.quantity, label: "yours", matrix: written, revealed: written.count,
                                 transposed: result.transposed, isStudents: true)
        return equation + [.text(" "), .matrix(yours)]
    }

    /// The size the panel would like for the largest operation of the iteration, so that it keeps
    /// its size from step to step: every matrix with its numbers, its name and scale, borders.
    /// Matrices that could not show their numbers within `screen` are wanted in colour, unmeasured.
    func steadySize(within screen: Size) -> Size {
        scene.trace.operations.map { wantedSize($0, within: screen) }.reduce(Size(width: 0, height: 0)) { $0.union($1) }
    }

    /// What `op` needs: each matrix with its numbers (when they could fit within `screen`), at
    /// least one blank between them, one row a value.
    private func wantedSize(_ op: Operation, within screen: Size) -> Size {
        let items = self.items(op)
        let sources = Self.sources(items)
        // A matrix taller than the screen is an overview of any height: a quarter of the screen
        // leaves the network room for its picture of the input.
        let tallest = sources.map { $0.rows <= screen.height ? $0.rows : screen.height / 4 }.max() ?? 1
        let matrices = sources.map { source -> Int in
            let room = source.rows <= screen.height && source.columns * 3 <= screen.width
                ? Size(width: Self.unbounded, height: tallest) : screen
            return width(source, fit(source, room: room, compact: true))
        }.reduce(0, +)
        return Size(width: matrices + Self.textWidth(items) + 4, height: tallest + 4)
    }

    /// Room wide enough for any number.
    private static let unbounded = 1 << 12

    private static func sources(_ items: [Item]) -> [MatrixSource] {
        items.compactMap { item -> MatrixSource? in
            if case .matrix(let source) = item { return source }
            return nil
        }
    }

    /// The columns the equation's signs take, `padding` blanks around each.
    private static func textWidth(_ items: [Item], padding: Int = 2) -> Int {
        items.map { item -> Int in
            if case .text(let text) = item { return text.count + padding }
            return 0
        }.reduce(0, +)
    }

    func draw(in rect: Rect, into grid: inout Grid, hits: inout HitMap) {
        guard let op = scene.operation else {
            _ = context.frame(rect, title: "Operation", panel: .operation, into: &grid)
            return
        }
        let title = (scene.step == nil ? "Next: " : "") + op.formula.unicode
        let inner = context.frame(rect, title: title, panel: .operation, into: &grid)
        guard inner.height >= 3, inner.width >= 4 else { return }
        let items = self.items(op)
        for case .matrix(let source) in items where context.isZoomed(source, in: .operation) {
            drawZoomed(source, in: inner, into: &grid, hits: &hits)
            return
        }
        let sources = Self.sources(items)
        let tallest = sources.map(\.rows).max() ?? 1
        // The legend goes when it would squeeze the values; an overview has room for it anyway, and
        // for a second line saying what its cells stand for.
        let withLegend = inner.height >= tallest + 2 || inner.height >= 10
        var room = Size(width: inner.width, height: inner.height - (withLegend ? 2 : 1))
        let result = sources.firstIndex { $0.quantity == op.quantity } ?? sources.count - 1
        let textWidth = { Self.textWidth(items, padding: $0) }
        var arrangement = self.arrangement(sources, room: room, textWidth: textWidth, keeping: result)
        var legendLines = withLegend ? 1 : 0
        if withLegend && inner.height >= 12 && arrangement.fits.contains(where: \.isAggregated) {
            room.height -= 1
            legendLines = 2
            arrangement = self.arrangement(sources, room: room, textWidth: textWidth, keeping: result)
        }
        let (fits, textPadding) = (arrangement.fits, arrangement.textPadding)
        let widths = zip(sources, fits).map { width($0, $1, bracketed: arrangement.bracketed) }
        let total = widths.reduce(0, +) + Self.textWidth(items, padding: textPadding)
        var x = inner.x + max((inner.width - total) / 2, 0)
        // Everything centres on the middle row of the tallest matrix, as an equation is written.
        let tallestDrawn = fits.map(\.size.height).max() ?? 1
        let middle = inner.y + 1 + max((room.height - tallestDrawn) / 2, 0) + tallestDrawn / 2
        var m = 0
        for item in items {
            switch item {
            case .text(let text):
                grid.write(text, x: x + textPadding / 2, y: middle, style: context.look[.text], clip: inner)
                x += text.count + textPadding
            case .matrix(let source):
                let fit = fits[m], width = widths[m]
                let top = max(middle - fit.size.height / 2, inner.y + 1)
                drawMatrix(source, fit: fit, x: x, width: width, top: top, inner: inner, bracketed: arrangement.bracketed,
                           into: &grid, hits: &hits)
                x += width
                m += 1
            }
        }
        if legendLines > 0 {
            drawLegend(zip(sources, fits).map { ($0, $1) },
                       in: Rect(x: inner.x + 1, y: inner.maxY - legendLines, width: inner.width - 1, height: legendLines), into: &grid)
        }
    }

    /// How the matrices of an equation share the panel's width.
    struct Arrangement {
        var fits: [MatrixFit]
        /// Blanks around each sign.
        var textPadding: Int
        /// Whether the matrices have their brackets.
        var bracketed: Bool

        /// How many matrices are shown whole with their numbers, the result counting for all the others.
        func numbersShown(_ sources: [MatrixSource], result: Int) -> Int {
            zip(sources, fits).enumerated().map { i, pair in
                pair.1.showsNumbers && pair.1.showsAll(pair.0) ? (i == result ? sources.count : 1) : 0
            }.reduce(0, +)
        }
    }

    /// The matrices in their brackets, unless dropping the brackets lets more of them show their
    /// numbers: numbers come first.
    private func arrangement(_ sources: [MatrixSource], room: Size, textWidth: (Int) -> Int,
                             keeping result: Int) -> Arrangement {
        let bracketed = arrangement(sources, room: room, textWidth: textWidth, keeping: result, bracketed: true)
        guard bracketed.fits.contains(where: { !$0.showsNumbers }) || zip(sources, bracketed.fits).contains(where: { !$1.showsAll($0) })
        else { return bracketed }
        let bare = arrangement(sources, room: room, textWidth: textWidth, keeping: result, bracketed: false)
        return bare.numbersShown(sources, result: result) > bracketed.numbersShown(sources, result: result) ? bare : bracketed
    }

    /// Every matrix with its numbers (as tall as the room allows) when all fit side by side,
    /// closer together when not, the signs between them without blanks as a last resort; failing
    /// that, the largest operands give way first, to colour alone or an overview, so that the
    /// others and the result keep their numbers.
    private func arrangement(_ sources: [MatrixSource], room: Size, textWidth: (Int) -> Int,
                             keeping result: Int, bracketed: Bool) -> Arrangement {
        let tallest = sources.map(\.rows).max() ?? 1
        func width(_ source: MatrixSource, _ fit: MatrixFit) -> Int { self.width(source, fit, bracketed: bracketed) }
        func total(_ fits: [MatrixFit]) -> Int { zip(sources, fits).map(width).reduce(0, +) }
        for height in MatrixFit.heights(rows: tallest, room: room.height, presenting: context.look.presenting) {
            for compact in [false, true] {
                let fits = sources.map { fit($0, room: room, cellHeight: height, compact: compact) }
                if total(fits) + textWidth(2) <= room.width { return Arrangement(fits: fits, textPadding: 2, bracketed: bracketed) }
            }
        }
        let tight = sources.map { fit($0, room: room, compact: true) }
        if total(tight) + textWidth(0) <= room.width { return Arrangement(fits: tight, textPadding: 0, bracketed: bracketed) }
        let available = max(room.width - textWidth(2), 0)
        let frame = bracketed ? 2 : 0
        var fits = sources.map { fit($0, room: Size(width: max(available - frame, 1), height: room.height), compact: true) }
        // The largest operands give way first; the result, what the step computes, keeps its numbers longest.
        let operands = sources.indices.filter { $0 != result }.sorted {
            (sources[$0].rows * sources[$0].columns, width(sources[$0], fits[$0]))
                > (sources[$1].rows * sources[$1].columns, width(sources[$1], fits[$1]))
        }
        for i in operands + [result] where sources.indices.contains(i) {
            let others = zip(sources, fits).enumerated().filter { $0.offset != i }.map { width($0.element.0, $0.element.1) }
            let spare = available - others.reduce(0, +)
            guard width(sources[i], fits[i]) > spare else { break }
            fits[i] = fit(sources[i], room: Size(width: max(spare - frame, 2), height: room.height), compact: true)
        }
        return Arrangement(fits: fits, textPadding: 2, bracketed: bracketed)
    }

    private func fit(_ source: MatrixSource, room: Size, cellHeight: Int = 1, compact: Bool = false) -> MatrixFit {
        MatrixFit.make(source, room: room, look: context.look, anchor: context.anchor(in: source), cellHeight: cellHeight,
                       compact: compact)
    }

    private func width(_ source: MatrixSource, _ fit: MatrixFit, bracketed: Bool = true) -> Int {
        ViewContext.matrixWidth(fit, label: source.label, bracketed: bracketed)
    }

    /// A matrix with its name above, centred in `width` columns from `x`.
    private func drawMatrix(_ source: MatrixSource, fit: MatrixFit, x: Int, width: Int, top: Int, inner: Rect,
                            bracketed: Bool, into grid: inout Grid, hits: inout HitMap) {
        let label = context.look.text(source.label)
        let strip = Rect(x: x, y: top - 1, width: width, height: 1).intersection(inner)
        grid.write(label, x: x + max((width - label.count) / 2, 0), y: top - 1, style: context.labelStyle(for: source.quantity), clip: strip)
        context.draw(source, fit: fit, panel: .operation, x: x + (width - fit.size.width) / 2, y: top, clip: inner,
                     bracketed: bracketed, into: &grid, hits: &hits)
    }

    /// The legend: each matrix's scale, `W₂ ±0.3  a₁ ±1.2` (shared scales named once), and for an
    /// overview what each of its cells stands for, `W₁ 128×784: mean of 6×36 ±0.012`; then at the
    /// right, when there is room, what the colours mean. Parts are packed whole into the lines of
    /// `area`, never cut: one that does not fit is left out (`?` explains the colours too).
    private func drawLegend(_ shown: [(MatrixSource, MatrixFit)], in area: Rect, into grid: inout Grid) {
        let look = context.look
        var parts: [String]
        let plain = shown.filter { !$0.1.isAggregated }.map(\.0)
        if context.scales.shared {
            let values = plain.first { !HeatScales.isGradient($0.quantity) }.map { context.scales.scale(for: $0) }
            let gradients = plain.first { HeatScales.isGradient($0.quantity) }.map { context.scales.scale(for: $0) }
            parts = [values.map { "shared scale:  values " + range($0) }, gradients.map { "gradients " + range($0) }].compactMap { $0 }
        } else {
            parts = plain.map { $0.label + " " + range(context.scales.scale(for: $0)) }
            if !parts.isEmpty { parts[0] = "scale:  " + parts[0] }
        }
        parts += shown.filter { $0.1.isAggregated }.map { source, fit in
            "\(source.label) \(source.rows)×\(source.columns): mean of \(fit.rowBlock)×\(fit.columnBlock) "
                + range(source.overviewScale(fit))
        }
        var lines = Array(repeating: "", count: area.height)
        for part in parts.map(look.text) {
            guard let i = lines.firstIndex(where: { $0.count + (($0.isEmpty ? 0 : 2) + part.count) <= area.width }) else { continue }
            lines[i] += (lines[i].isEmpty ? "" : "  ") + part
        }
        for (i, line) in lines.enumerated() {
            grid.write(line, x: area.x, y: area.y + i, style: look[.dim], clip: area)
        }
        // What the colours mean: sign and zero, then the names of what the step read and wrote as they are lit.
        let key: [(String, Style)] = [(" − ", look.heatStyle(.negative(1))), (" 0 ", look.heatStyle(.zero)),
                                      (" + ", look.heatStyle(.positive(1))), ("  ", look[.dim]),
                                      ("read", context.labelStyle(reading: true)), (" ", look[.dim]),
                                      ("written", context.labelStyle(reading: false))]
        let keyWidth = key.map(\.0.count).reduce(0, +)
        guard let i = lines.lastIndex(where: { $0.count + 3 + keyWidth <= area.width }) else { return }
        var x = area.maxX - keyWidth
        for (text, style) in key { x = grid.write(look.text(text), x: x, y: area.y + i, style: style, clip: area) }
    }

    /// `±0.9`: the magnitude drawn at full colour, or `0` when nothing is known yet.
    private func range(_ scale: HeatmapScale) -> String {
        scale.limit > 0 ? "±" + NumberStyle(decimals: 3).format(scale.limit) : "–"
    }

    /// The selected matrix alone, as a window of single values around the selection.
    private func drawZoomed(_ source: MatrixSource, in inner: Rect, into grid: inout Grid, hits: inout HitMap) {
        let look = context.look
        let room = Size(width: inner.width, height: inner.height - 2)
        let fit = MatrixFit.make(source, room: room, look: look, anchor: context.anchor(in: source), zoomed: true)
        let rows = "rows \(fit.firstRow + 1)–\(min(fit.firstRow + fit.visibleRows * fit.rowBlock, source.rows)) of \(source.rows)"
        let columns = "columns \(fit.firstColumn + 1)–\(min(fit.firstColumn + fit.visibleColumns * fit.columnBlock, source.columns)) of \(source.columns)"
        let caption = look.text("\(source.label)  \(rows) · \(columns) · z: whole equation")
        grid.write(caption, x: inner.x, y: inner.y, style: look[.title], clip: inner, ellipsis: look.glyphs.base.ellipsis)
        context.draw(source, fit: fit, panel: .operation, x: inner.x + max((inner.width - fit.size.width) / 2, 0),
                     y: inner.y + 1, clip: inner, bracketed: false, into: &grid, hits: &hits)
        drawLegend([(source, fit)], in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, height: 1), into: &grid)
    }
}
