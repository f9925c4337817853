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
    /// its size from step to step: every matrix with its numbers, its name and scale, borders; and
    /// the rows it would like with every equation on one line.
    /// Matrices that could not show their numbers within `screen` are wanted in colour, unmeasured.
    func steadySize(within screen: Size) -> (size: Size, oneLine: Int) {
        scene.trace.operations.map { wantedSize($0, within: screen) }
            .reduce((Size(width: 0, height: 0), 0)) { ($0.0.union($1.size), max($0.1, $1.oneLine)) }
    }

    /// What `op` needs: each matrix with its numbers (when they could fit within `screen`), at
    /// least one blank between them, one row a value; on one line when that fits the screen's
    /// width, else broken before the `=`. Also the rows it needs on one line.
    private func wantedSize(_ op: Operation, within screen: Size) -> (size: Size, oneLine: Int) {
        let items = self.items(op)
        let sources = Self.sources(items)
        let fits = sources.map { source -> MatrixFit in
            let room = source.rows <= screen.height && source.columns * 3 <= screen.width
                ? Size(width: Self.unbounded, height: source.rows) : screen
            return fit(source, room: room, compact: true)
        }
        let arrangements = Self.arrangements(items)
        // Measured bare: brackets go before numbers do.
        let lines = arrangements.first { width($0, items, fits, padding: 2, bracketed: false) + 4 <= screen.width } ?? arrangements.last!
        return (Size(width: width(lines, items, fits, padding: 2, bracketed: false) + 4, height: rows(lines, items, within: screen) + 4),
                rows(arrangements[0], items, within: screen) + 4)
    }

    /// Room wide enough for any number.
    private static let unbounded = 1 << 12

    private static func sources(_ items: [Item]) -> [MatrixSource] {
        items.compactMap { item -> MatrixSource? in
            if case .matrix(let source) = item { return source }
            return nil
        }
    }

    /// The ways to set the equation, best first: on one line, and broken before the sign that
    /// gives the result (`=`, `→`), the result on a line of its own, as `explain` breaks a long one.
    /// Each line is a range of items.
    static func arrangements(_ items: [Item]) -> [[Range<Int>]] {
        let whole = [items.indices.lowerBound..<items.indices.upperBound]
        let matrices = items.indices.filter { if case .matrix = items[$0] { return true }; return false }
        // The result is the last matrix of the equation; a student's answer may stand after it.
        let students = items.last.map { if case .matrix(let s) = $0 { return s.isStudents }; return false } ?? false
        guard let result = students ? matrices.dropLast().last : matrices.last, result > 1,
              case .text = items[result - 1], matrices.first! < result - 1 else { return [whole] }
        return [whole, [0..<(result - 1), (result - 1)..<items.count]]
    }

    /// The items' matrices, by index into `sources`, of the items in `line`.
    private static func matrixIndices(_ line: Range<Int>, _ items: [Item]) -> [Int] {
        let before = items[..<line.lowerBound].filter { if case .matrix = $0 { return true }; return false }.count
        let within = items[line].filter { if case .matrix = $0 { return true }; return false }.count
        return Array(before..<(before + within))
    }

    /// Rows the lines' values take, one row a value, and a row for the names of each line after the
    /// first. A matrix taller than `screen` is an overview of any height: a quarter of the screen
    /// leaves the network room for its picture of the input.
    private func rows(_ lines: [Range<Int>], _ items: [Item], cellHeight: Int = 1, within screen: Size? = nil) -> Int {
        let sources = Self.sources(items)
        func rows(_ source: MatrixSource) -> Int {
            guard let screen, source.rows > screen.height else { return source.rows }
            return screen.height / 4
        }
        return lines.map { line in Self.matrixIndices(line, items).map { rows(sources[$0]) }.max() ?? 1 }
            .reduce(0, +) * cellHeight + lines.count - 1
    }

    /// The widest line: its matrices with their names, and its signs with `padding` blanks around each.
    private func width(_ lines: [Range<Int>], _ items: [Item], _ fits: [MatrixFit], padding: Int, bracketed: Bool = true) -> Int {
        let sources = Self.sources(items)
        return lines.map { line in
            Self.matrixIndices(line, items).map { width(sources[$0], fits[$0], bracketed: bracketed) }.reduce(0, +)
                + Self.textWidth(Array(items[line]), padding: padding)
        }.max() ?? 0
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
        let result = sources.firstIndex { $0.quantity == op.quantity } ?? sources.count - 1
        // The legend goes when it would squeeze the values (an overview has room for it anyway), or
        // when its row gives them their numbers.
        let tallest = sources.map(\.rows).max() ?? 1
        var withLegend = inner.height >= tallest + 2 || inner.height >= 10
        var room = Size(width: inner.width, height: inner.height - (withLegend ? 2 : 1))
        var setting = self.setting(items, room: room, keeping: result)
        if withLegend && !setting.showsNumbers {
            let taller = self.setting(items, room: Size(width: room.width, height: room.height + 1), keeping: result)
            if taller.showsNumbers { (withLegend, room, setting) = (false, Size(width: room.width, height: room.height + 1), taller) }
        }
        // An overview has room for a second line saying what its cells stand for.
        var legendLines = withLegend ? 1 : 0
        if withLegend && inner.height >= 12 && setting.fits.contains(where: \.isAggregated) {
            room.height -= 1
            legendLines = 2
            setting = self.setting(items, room: room, keeping: result)
        }
        let fits = setting.fits
        // The lines, one under the other, centred in the room; a line's signs on the middle row of
        // its tallest matrix, as an equation is written.
        let heights = setting.lines.map { line in Self.matrixIndices(line, items).map { fits[$0].size.height }.max() ?? 1 }
        let used = heights.reduce(0, +) + heights.count - 1
        var top = inner.y + 1 + max((room.height - used) / 2, 0)
        for (line, height) in zip(setting.lines, heights) {
            let indices = Self.matrixIndices(line, items)
            let total = indices.map { width(sources[$0], fits[$0], bracketed: setting.bracketed) }.reduce(0, +)
                + Self.textWidth(Array(items[line]), padding: setting.textPadding)
            var x = inner.x + max((inner.width - total) / 2, 0)
            let middle = top + height / 2
            var m = indices.first ?? 0
            for item in items[line] {
                switch item {
                case .text(let text):
                    grid.write(text, x: x + setting.textPadding / 2, y: middle, style: context.look[.text], clip: inner)
                    x += text.count + setting.textPadding
                case .matrix(let source):
                    let fit = fits[m], width = self.width(source, fit, bracketed: setting.bracketed)
                    let matrixTop = max(middle - fit.size.height / 2, inner.y + 1)
                    drawMatrix(source, fit: fit, x: x, width: width, top: matrixTop, inner: inner, bracketed: setting.bracketed,
                               into: &grid, hits: &hits)
                    x += width
                    m += 1
                }
            }
            top += height + 1
        }
        if legendLines > 0 {
            drawLegend(zip(sources, fits).map { ($0, $1) },
                       in: Rect(x: inner.x + 1, y: inner.maxY - legendLines, width: inner.width - 1, height: legendLines), into: &grid)
        }
    }

    /// How the equation is set: its lines, each matrix's fit, and the blanks around each sign.
    struct Setting {
        var lines: [Range<Int>]
        var fits: [MatrixFit]
        var textPadding: Int
        /// Whether the matrices have their brackets.
        var bracketed: Bool
        /// Whether every matrix that could show its numbers in the room does.
        var showsNumbers = true
    }

    /// The matrices in their brackets, unless dropping the brackets lets every one show its
    /// numbers: numbers come first.
    private func setting(_ items: [Item], room: Size, keeping result: Int) -> Setting {
        let bracketed = setting(items, room: room, keeping: result, bracketed: true)
        guard !bracketed.showsNumbers else { return bracketed }
        let bare = setting(items, room: room, keeping: result, bracketed: false)
        return bare.showsNumbers ? bare : bracketed
    }

    /// Every matrix with its numbers (as tall as the room allows) on one line when all fit side by
    /// side, closer together when not, else broken before the `=`, the signs without blanks as a
    /// last resort; failing that, the largest operands give way first, to colour alone or an
    /// overview, so that the others and the result keep their numbers.
    private func setting(_ items: [Item], room: Size, keeping result: Int, bracketed: Bool) -> Setting {
        let sources = Self.sources(items)
        func width(_ source: MatrixSource, _ fit: MatrixFit) -> Int { self.width(source, fit, bracketed: bracketed) }
        func width(_ lines: [Range<Int>], _ items: [Item], _ fits: [MatrixFit], padding: Int) -> Int {
            self.width(lines, items, fits, padding: padding, bracketed: bracketed)
        }
        let arrangements = Self.arrangements(items)
        // A matrix that cannot show its numbers even alone in the room is drawn in colour anyway
        // (and all of them, when numbers are toggled off).
        let numbered = sources.map { context.look.showsNumbers && fit($0, room: room, compact: true).showsNumbers }
        func numbersShown(_ fits: [MatrixFit]) -> Bool {
            zip(fits, numbered).allSatisfy { fit, numbered in fit.showsNumbers || !numbered }
        }
        func fits(_ lines: [Range<Int>], cellHeight: Int, compact: Bool, widened: Bool = false) -> [MatrixFit] {
            lines.flatMap { line -> [MatrixFit] in
                let indices = Self.matrixIndices(line, items)
                // Each line's matrices get the rows of its tallest, and with one line all of the room.
                let rows = lines.count == 1 ? room.height : (indices.map { sources[$0].rows }.max() ?? 1) * cellHeight
                return indices.map {
                    fit(sources[$0], room: Size(width: room.width, height: rows), cellHeight: cellHeight, compact: compact, widened: widened)
                }
            }
        }
        var tried: [(lines: [Range<Int>], fits: [MatrixFit])] = []
        for lines in arrangements {
            let rows = self.rows(lines, items) - (lines.count - 1)
            for height in MatrixFit.heights(rows: rows, room: room.height - (lines.count - 1), presenting: context.look.presenting)
            where lines.count == 1 || self.rows(lines, items, cellHeight: height) <= room.height {
                // Tall cells are wider too, when there is room; closer together before they go.
                for (compact, widened) in [(false, true), (false, false), (true, false)] where widened || height > 1 || compact {
                    let candidate = fits(lines, cellHeight: height, compact: compact, widened: widened)
                    if numbersShown(candidate) && width(lines, items, candidate, padding: 2) <= room.width {
                        return Setting(lines: lines, fits: candidate, textPadding: 2, bracketed: bracketed)
                    }
                    if height == 1 && compact { tried.append((lines, candidate)) }
                }
            }
        }
        for (lines, candidate) in tried where numbersShown(candidate) && width(lines, items, candidate, padding: 0) <= room.width {
            return Setting(lines: lines, fits: candidate, textPadding: 0, bracketed: bracketed)
        }
        // The largest operands give way first; the result, what the step computes, keeps its
        // numbers longest. Broken into lines when their rows fit, so that more keep their numbers.
        let lines = arrangements.last { self.rows($0, items) <= room.height } ?? arrangements[0]
        var given = fits(lines, cellHeight: 1, compact: true)
        for line in lines {
            let indices = Self.matrixIndices(line, items)
            let available = max(room.width - Self.textWidth(Array(items[line]), padding: 2), 0)
            let rows = lines.count == 1 ? room.height : indices.map { sources[$0].rows }.max() ?? 1
            let frame = bracketed ? 2 : 0
            for i in indices { given[i] = fit(sources[i], room: Size(width: max(available - frame, 1), height: rows), compact: true) }
            let operands = indices.filter { $0 != result }.sorted {
                (sources[$0].rows * sources[$0].columns, width(sources[$0], given[$0]))
                    > (sources[$1].rows * sources[$1].columns, width(sources[$1], given[$1]))
            }
            for i in operands + (indices.contains(result) ? [result] : []) {
                let others = indices.filter { $0 != i }.map { width(sources[$0], given[$0]) }
                let spare = available - others.reduce(0, +)
                guard width(sources[i], given[i]) > spare else { break }
                given[i] = fit(sources[i], room: Size(width: max(spare - frame, 2), height: rows), compact: true)
            }
        }
        return Setting(lines: lines, fits: given, textPadding: 2, bracketed: bracketed, showsNumbers: numbersShown(given))
    }

    private func fit(_ source: MatrixSource, room: Size, cellHeight: Int = 1, compact: Bool = false, widened: Bool = true) -> MatrixFit {
        MatrixFit.make(source, room: room, look: context.look, anchor: context.anchor(in: source), cellHeight: cellHeight,
                       compact: compact, widened: widened)
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
        // The legend's row goes when the matrix would be whole without it: zoomed in for its numbers.
        let withLegend = source.rows <= inner.height - 2 || source.rows > inner.height - 1
        let room = Size(width: inner.width, height: inner.height - (withLegend ? 2 : 1))
        let fit = MatrixFit.make(source, room: room, look: look, anchor: context.anchor(in: source), zoomed: true)
        let rows = "rows \(fit.firstRow + 1)–\(min(fit.firstRow + fit.visibleRows * fit.rowBlock, source.rows)) of \(source.rows)"
        let columns = "columns \(fit.firstColumn + 1)–\(min(fit.firstColumn + fit.visibleColumns * fit.columnBlock, source.columns)) of \(source.columns)"
        let caption = look.text("\(source.label)  \(rows) · \(columns) · z: whole equation")
        grid.write(caption, x: inner.x, y: inner.y, style: look[.title], clip: inner, ellipsis: look.glyphs.base.ellipsis)
        context.draw(source, fit: fit, panel: .operation, x: inner.x + max((inner.width - fit.size.width) / 2, 0),
                     y: inner.y + 1, clip: inner, bracketed: false, into: &grid, hits: &hits)
        if withLegend {
            drawLegend([(source, fit)], in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, height: 1), into: &grid)
        }
    }
}
