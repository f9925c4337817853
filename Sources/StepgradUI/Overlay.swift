/// A box drawn over the panels.
enum Overlay: Hashable {
    case help
    /// The selected cell: value, formula, arithmetic, history.
    case inspector
    /// Asking how many iterations to fast-forward; the digits typed so far.
    case fastForwardPrompt(String)
}

extension ViewContext {
    /// Clears `rect`, frames it as a dialog and returns the inside, one blank in from the frame.
    func dialog(_ rect: Rect, title: String, into grid: inout Grid) -> Rect {
        grid.clear(rect, style: look[.text])
        grid.drawBox(rect, glyphs: look.glyphs.base.focusBox, style: look[.focus], title: look.text(title),
                     titleStyle: look[.focus], ellipsis: look.glyphs.base.ellipsis)
        return rect.inset(top: 1, left: 2, bottom: 1, right: 2)
    }
}

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

/// The fast-forward dialogs: asking how far, then how far it has got.
@MainActor
struct FastForwardOverlay {
    let context: ViewContext

    func drawPrompt(_ digits: String, in area: Rect, into grid: inout Grid) {
        let look = context.look
        let inner = context.dialog(area.centred(Size(width: 48, height: 6)), title: "Fast-forward", into: &grid)
        grid.write("How many iterations?", x: inner.x, y: inner.y, style: look[.text], clip: inner)
        let x = grid.write(digits, x: inner.x, y: inner.y + 1, style: look[.accent], clip: inner)
        grid.write(" ", x: x, y: inner.y + 1, style: look[.highlight], clip: inner)
        grid.write("Enter starts · Esc cancels", x: inner.x, y: inner.y + 3, style: look[.dim], clip: inner)
    }

    func drawProgress(completed: Int, total: Int, loss: Double?, in area: Rect, into grid: inout Grid) {
        let look = context.look
        let inner = context.dialog(area.centred(Size(width: 56, height: 6)), title: "Fast-forward", into: &grid)
        grid.write("\(completed) of \(total) iterations", x: inner.x, y: inner.y, style: look[.text], clip: inner)
        let fraction = total == 0 ? 1 : Double(completed) / Double(total)
        let filled = Int((fraction * Double(inner.width)).rounded(.down))
        grid.write(String(repeating: look.glyphs.progressFull, count: filled)
                   + String(repeating: look.glyphs.progressEmpty, count: max(inner.width - filled, 0)),
                   x: inner.x, y: inner.y + 1, style: look[.accent], clip: inner)
        let lossText = loss.map { "loss " + look.format($0) + " · " } ?? ""
        grid.write(lossText + "Esc cancels", x: inner.x, y: inner.y + 3, style: look[.dim], clip: inner)
    }
}
