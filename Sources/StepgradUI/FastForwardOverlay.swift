import TerminalUI

/// The fast-forward dialogs: asking how far, then how far it has got.
@MainActor
struct FastForwardOverlay {
    let context: ViewContext

    /// A `suggested` count is drawn selected, as a dialog draws a default that typing replaces.
    func drawPrompt(_ digits: String, suggested: Bool, in area: Rect, into grid: inout Grid) {
        let look = context.look
        let inner = context.dialog(area.centred(Size(width: 48, height: 6)), title: "Fast-forward", into: &grid)
        grid.write("How many iterations?", x: inner.x, y: inner.y, style: look[.text], clip: inner)
        let x = grid.write(digits, x: inner.x, y: inner.y + 1, style: look[suggested ? .highlight : .accent], clip: inner)
        if suggested {
            grid.write("  typing replaces it", x: x, y: inner.y + 1, style: look[.dim], clip: inner)
        } else {
            grid.write(" ", x: x, y: inner.y + 1, style: look[.highlight], clip: inner)
        }
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
