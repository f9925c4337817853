import StepgradEngine
import TerminalUI

/// Presenting, the formula panel: the arithmetic of the element being computed written in block
/// glyphs as large as the panel allows (`z₂[1] = (−0.2)·1.2 + … = −0.495`), else the formula of the
/// operation stepped over, else the next one. The size is chosen once for the iteration from the
/// longest such line of any of its operations, so that the letters keep their size from step to
/// step; a line too long for it keeps its left side and its value in large glyphs, and the whole
/// arithmetic follows underneath in ordinary bold text.
@MainActor
struct PresentedFormula {
    let formula: FormulaView
    /// Whether the session steps element by element: then each step has one element's arithmetic.
    let elementByElement: Bool

    static let largestScale = 6
    /// Terminal rows between two lines of block glyphs.
    static func lineGap(scale: Int) -> Int { max(scale / 2, 1) }

    var scene: Scene { formula.scene }
    var look: Look { formula.look }

    /// What the current step writes.
    var text: String {
        guard let op = scene.operation else { return "" }
        guard scene.step != nil else { return look.text("Next: " + op.formula.unicode) }
        if let activity = scene.activity, activity.isSingleElement, let cell = scene.step?.changed.last?.cell {
            return formula.equation(op, cell)
        }
        return look.text(op.formula.unicode)
    }

    /// The longest line a step of this iteration writes; an operation's first element stands for all of them.
    var steadyText: String {
        let lines = scene.trace.operations.map { op in
            elementByElement && op.elementCount > 0 ? formula.equation(op, op.cell(at: 0)) : look.text(op.formula.unicode)
        }
        return lines.max { BlockFont.width($0) < BlockFont.width($1) } ?? ""
    }

    /// The lines of `text` at `scale` within `room`: wrapped at blanks, or shortened to its left side
    /// and value (`z₂[1] = … = −0.495`) when the wrapped lines would not fit. `nil` when neither fits.
    static func lines(_ text: String, scale: Int, room: Size, ellipsis: String) -> (lines: [String], shortened: Bool)? {
        let perLine = room.width / scale
        let fitting = (room.height + lineGap(scale: scale)) / (BlockFont.rows(scale: scale) + lineGap(scale: scale))
        guard perLine > 0, fitting > 0 else { return nil }
        let whole = wrap(text, width: perLine)
        if whole.count <= fitting { return (whole, false) }
        let sides = text.components(separatedBy: " = ")
        guard sides.count > 2, let left = sides.first, let value = sides.last else { return nil }
        let short = wrap(left + " = " + ellipsis + " = " + value, width: perLine)
        return short.count <= fitting ? (short, true) : nil
    }

    /// The largest scale at which `text` fits `room`, at least 1.
    static func scale(for text: String, room: Size, ellipsis: String) -> Int {
        (1...largestScale).last { lines(text, scale: $0, room: room, ellipsis: ellipsis)?.shortened == false }
            ?? (1...largestScale).last { lines(text, scale: $0, room: room, ellipsis: ellipsis) != nil } ?? 1
    }

    /// Words of `text` greedily into lines of at most `width` pixels; a sign between blanks
    /// (`=`, `+`, `−`) goes with the word after it, so that a line never ends in one.
    private static func wrap(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if let last = words.last, ["=", "+", "−", "-"].contains(last) {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        var lines: [String] = []
        for word in words {
            if let last = lines.last, BlockFont.width(last + " " + word) <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }

    func draw(in rect: Rect, context: ViewContext, into grid: inout Grid) {
        let inner = context.frame(rect, title: "Formula", panel: nil, into: &grid).inset(left: 1, right: 1)
        let text = self.text
        guard !text.isEmpty, inner.width > 0, inner.height > 0 else { return }
        let ellipsis = String(look.glyphs.base.ellipsis)
        // Room for the whole arithmetic in ordinary text under a shortened line.
        let small = TextFit.wrap(text, width: inner.width)
        let bigRoom = Size(width: inner.width, height: max(inner.height - small.count - 1, BlockFont.rows(scale: 1)))
        let scale = Self.scale(for: steadyText, room: bigRoom, ellipsis: ellipsis)
        // The iteration's size, unless this step's line is longer than any the iteration measured.
        let chosen = (1...scale).reversed().lazy.compactMap { s in
            Self.lines(text, scale: s, room: bigRoom, ellipsis: ellipsis).map { (scale: s, fitted: $0) }
        }.first
        let (lineScale, (lines, shortened)) = chosen ?? (1, ([text], true))
        let step = BlockFont.rows(scale: lineScale) + Self.lineGap(scale: lineScale)
        let style = look[.text]
        // The lines in the middle of the panel, the arithmetic in small text under them when shortened.
        let used = lines.count * step - Self.lineGap(scale: lineScale) + (shortened ? small.count + 1 : 0)
        var y = inner.y + max((inner.height - used) / 2, 0)
        for line in lines where y < inner.maxY {
            BlockFont.draw(line, scale: lineScale, x: inner.x, y: y, style: style, unicode: look.glyphs.unicode,
                           clip: inner, into: &grid)
            y += step
        }
        guard shortened else { return }
        y += 1 - Self.lineGap(scale: lineScale)
        let bold = style.patched(with: Style(attributes: .bold))
        for line in small where y < inner.maxY {
            grid.write(line, x: inner.x, y: y, style: bold, clip: inner, ellipsis: look.glyphs.base.ellipsis)
            y += 1
        }
    }
}
