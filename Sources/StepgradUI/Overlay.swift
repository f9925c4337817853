import TerminalUI

/// A box drawn over the panels.
enum Overlay: Hashable {
    case help
    /// The selected cell: value, formula, arithmetic, history.
    case inspector
    /// Asking how many iterations to fast-forward: the digits typed so far, or (`suggested`) the
    /// last count run, which Enter accepts and the first digit typed replaces.
    case fastForwardPrompt(String, suggested: Bool)
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
