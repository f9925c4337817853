import TerminalUI

/// The bottom line: the latest message, if any, then the keys that matter now.
struct KeyBarView {
    let look: Look
    let message: StyledLine?
    let focused: Bool
    let busy: Bool
    var viewer: ViewerRole? = nil
    /// Keys for what the screen cannot show at once (`SessionScreen.offers`), first as they matter most.
    var offers: [(key: String, action: String)] = []

    /// The keys for now, in order; the last two (help and quit) are kept whatever the width.
    private var hints: [(key: String, action: String)] {
        switch viewer {
        case .following:
            return [("following the lecturer", ""), ("←→ [ ] Tab", "look around on your own"), ("?", "help"), ("q", "leave")]
        case .roaming where focused:
            return [("L", "back to the lecturer"), ("↑↓←→", "move"), ("Enter", "inspect"), ("Esc", "unfocus"),
                    ("?", "help"), ("q", "leave")]
        case .roaming:
            return offers + [("L", "back to the lecturer"), ("←→", "step"), ("[ ]", "phase"), ("g", "granularity"), ("Tab", "panels"),
                    ("?", "help"), ("q", "leave")]
        case nil:
            break
        }
        if busy { return [("Esc", "cancel fast-forward"), ("?", "help"), ("q", "save and quit")] }
        if focused {
            return [("↑↓←→", "move"), ("Enter", "inspect"), ("z", "zoom"), ("Tab", "next panel"), ("Esc", "unfocus"),
                    ("?", "help"), ("q", "quit")]
        }
        return offers + [("Space", "play"), ("←→", "step"), ("[ ]", "phase"), ("g", "granularity"), ("Tab", "panels"),
                ("f", "fast-forward"), ("?", "help"), ("q", "quit")]
    }

    func draw(in rect: Rect, into grid: inout Grid) {
        let bar = look[.statusBar]
        grid.clear(rect, style: bar)
        var x = rect.x + 1
        if let message {
            x = grid.write(look.text(message.text), x: x, y: rect.y, style: bar.patched(with: look[message.role]),
                           clip: rect, ellipsis: look.glyphs.base.ellipsis) + 3
        }
        let hints = self.hints.map { (key: look.text($0.key), action: $0.action) }
        let width = { (hint: (key: String, action: String)) in hint.key.count + hint.action.count + 3 }
        let kept = hints.suffix(2).map(width).reduce(0, +)
        var room = rect.maxX - 1 - x - kept
        let keyStyle = bar.patched(with: Style(attributes: .bold))
        for (i, hint) in hints.enumerated() {
            if i < hints.count - 2 {
                guard width(hint) <= room else { continue }
                room -= width(hint)
            }
            x = grid.write(hint.key, x: x, y: rect.y, style: keyStyle, clip: rect)
            x = grid.write(" " + hint.action, x: x, y: rect.y, style: bar, clip: rect) + 2
        }
    }
}
