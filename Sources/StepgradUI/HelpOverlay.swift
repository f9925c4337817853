import TerminalUI

/// Every key, from the key map itself, in one column or two as the screen allows.
@MainActor
struct HelpOverlay {
    let context: ViewContext

    func draw(in area: Rect, into grid: inout Grid) {
        let look = context.look
        let entries = KeyMap.bindings.map { (look.text($0.names), $0.summary) } + KeyMap.mouse.map { (look.text($0.names), $0.summary) }
        let columns = entries.count + 4 <= area.height ? 1 : 2
        let perColumn = (entries.count + columns - 1) / columns
        let parts = stride(from: 0, to: entries.count, by: perColumn).map { Array(entries[$0..<min($0 + perColumn, entries.count)]) }
        let nameWidths = parts.map { $0.map(\.0.count).max() ?? 0 }
        let widths = parts.enumerated().map { i, part in nameWidths[i] + 2 + (part.map(\.1.count).max() ?? 0) }
        let width = min(widths.reduce(0, +) + 3 * (columns - 1) + 4, area.width)
        let inner = context.dialog(area.centred(Size(width: width, height: min(area.height, perColumn + 2))),
                                   title: "Keys · any key closes", into: &grid)
        var x = inner.x
        for (i, part) in parts.enumerated() {
            let column = Rect(x: x, y: inner.y, width: widths[i], height: inner.height).intersection(inner)
            for (row, entry) in part.enumerated() where row < inner.height {
                grid.write(entry.0, x: column.x, y: inner.y + row, style: look[.key], clip: column)
                grid.write(entry.1, x: column.x + nameWidths[i] + 2, y: inner.y + row, style: look[.text], clip: column,
                           ellipsis: look.glyphs.base.ellipsis)
            }
            x += widths[i] + 3
        }
    }
}
