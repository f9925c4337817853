import TerminalUI

/// Every key, from the key map itself, then what the colours mean, each drawn as it appears on
/// screen; in one column or two as the screen allows.
@MainActor
struct HelpOverlay {
    let context: ViewContext

    /// Samples of the screen's colours and marks, with what they mean.
    private var colours: [(String, Style, String)] {
        let look = context.look
        return [(" −1 ", look.heatStyle(.negative(1)), "negative, paler nearer 0"),
                (" 0 ", look.heatStyle(.zero), "zero"),
                (" +1 ", look.heatStyle(.positive(1)), "positive; full at scale ±"),
                ("name", context.labelStyle(reading: true), "read by this step"),
                ("name", context.labelStyle(reading: false), "written by this step"),
                (" 1.5 ", look.legible(look[.text].patched(with: look[.highlight])), "the element being computed"),
                (" 1.5 ", look.legible(look[.text].patched(with: look[.readOperand])), "a value it reads"),
                (" 1.5 ", look.legible(look[.text].patched(with: look[.error])), "a student's wrong answer")]
    }

    func draw(in area: Rect, into grid: inout Grid) {
        let look = context.look
        let keys = KeyMap.bindings.map { (look.text($0.names), look[.key], $0.summary) }
            + KeyMap.mouse.map { (look.text($0.names), look[.key], $0.summary) }
        let entries = keys + colours.map { (look.text($0.0), $0.1, $0.2) }
        let columns = entries.count + 4 <= area.height ? 1 : 2
        let perColumn = (entries.count + columns - 1) / columns
        let parts = stride(from: 0, to: entries.count, by: perColumn).map { Array(entries[$0..<min($0 + perColumn, entries.count)]) }
        let nameWidths = parts.map { $0.map(\.0.count).max() ?? 0 }
        let widths = parts.enumerated().map { i, part in nameWidths[i] + 2 + (part.map(\.2.count).max() ?? 0) }
        var width = min(widths.reduce(0, +) + 3 * (columns - 1) + 4, area.width)
        // Nearly as wide as the screen: as wide, rather than leave slivers of the panels beside it.
        if area.width - width < 4 { width = area.width }
        let inner = context.dialog(area.centred(Size(width: width, height: min(area.height, perColumn + 2))),
                                   title: "Keys · any key closes", into: &grid)
        var x = inner.x
        for (i, part) in parts.enumerated() {
            let column = Rect(x: x, y: inner.y, width: widths[i], height: inner.height).intersection(inner)
            for (row, entry) in part.enumerated() where row < inner.height {
                grid.write(entry.0, x: column.x, y: inner.y + row, style: entry.1, clip: column)
                grid.write(entry.2, x: column.x + nameWidths[i] + 2, y: inner.y + row, style: look[.text], clip: column,
                           ellipsis: look.glyphs.base.ellipsis)
            }
            x += widths[i] + 3
        }
    }
}
