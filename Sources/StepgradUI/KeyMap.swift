import TerminalUI

/// Everything a user can ask of the session screen.
enum Command: Hashable, CaseIterable {
    case playPause, stepForward, stepBackward, nextPhase, previousPhase, startOfIteration, endOfIteration
    case granularity, faster, slower, fastForward
    case nextPanel, previousPanel, inspect, zoom, sample
    case numbers, scaleMode, theme, reload, save, help, close, quit
}

/// One line of the key map: the keys, how help names them, and what they do.
struct KeyBinding {
    var keys: [KeyEvent]
    var names: String
    var command: Command
    var summary: String
}

/// The one table of keys: `update` dispatches from it and the help overlay lists it, so the two
/// cannot disagree. Arrow keys and Enter depend on focus and are handled before the table
/// (see `SessionScreen.handle(_:)`): with a panel focused they move and inspect the selection.
enum KeyMap {
    static let bindings: [KeyBinding] = [
        KeyBinding(keys: [KeyEvent(" ")], names: "Space", command: .playPause, summary: "play / pause"),
        KeyBinding(keys: [KeyEvent(.right), KeyEvent("l"), KeyEvent("n"), KeyEvent(.pageDown), KeyEvent(.enter)],
                   names: "→ l n PgDn Enter", command: .stepForward, summary: "next step"),
        KeyBinding(keys: [KeyEvent(.left), KeyEvent("h"), KeyEvent("p"), KeyEvent(.pageUp), KeyEvent(.backspace)],
                   names: "← h p PgUp Bksp", command: .stepBackward, summary: "previous step"),
        KeyBinding(keys: [KeyEvent("]")], names: "]", command: .nextPhase, summary: "next phase"),
        KeyBinding(keys: [KeyEvent("[")], names: "[", command: .previousPhase, summary: "previous phase"),
        KeyBinding(keys: [KeyEvent(.home)], names: "Home", command: .startOfIteration, summary: "start of iteration"),
        KeyBinding(keys: [KeyEvent(.end)], names: "End", command: .endOfIteration, summary: "end of iteration"),
        KeyBinding(keys: [KeyEvent("g")], names: "g", command: .granularity, summary: "cycle granularity"),
        KeyBinding(keys: [KeyEvent("+"), KeyEvent("=")], names: "+", command: .faster, summary: "play faster"),
        KeyBinding(keys: [KeyEvent("-"), KeyEvent("_")], names: "−", command: .slower, summary: "play slower"),
        KeyBinding(keys: [KeyEvent("f")], names: "f", command: .fastForward, summary: "fast-forward"),
        KeyBinding(keys: [KeyEvent(.tab)], names: "Tab", command: .nextPanel, summary: "next panel"),
        KeyBinding(keys: [KeyEvent(.backTab)], names: "Shift-Tab", command: .previousPanel, summary: "previous panel"),
        KeyBinding(keys: [KeyEvent("i")], names: "↑↓←→ Enter i", command: .inspect,
                   summary: "inspect, why wrong"),
        KeyBinding(keys: [KeyEvent("z")], names: "z", command: .zoom, summary: "zoom into numbers"),
        KeyBinding(keys: [KeyEvent("b")], names: "b", command: .sample, summary: "next batch sample"),
        KeyBinding(keys: [KeyEvent("v")], names: "v", command: .numbers, summary: "numbers / colour"),
        KeyBinding(keys: [KeyEvent("c")], names: "c", command: .scaleMode, summary: "colour scale mode"),
        KeyBinding(keys: [KeyEvent("t")], names: "t", command: .theme, summary: "next theme"),
        KeyBinding(keys: [KeyEvent("r")], names: "r", command: .reload, summary: "reload the file"),
        KeyBinding(keys: [KeyEvent("s")], names: "s", command: .save, summary: "save the session"),
        KeyBinding(keys: [KeyEvent("?"), KeyEvent(.function(1))], names: "? F1", command: .help, summary: "this help"),
        KeyBinding(keys: [KeyEvent(.escape)], names: "Esc", command: .close, summary: "close / unfocus"),
        KeyBinding(keys: [KeyEvent("q"), KeyEvent("c", .control)], names: "q Ctrl-C", command: .quit, summary: "save and quit"),
    ]

    /// What the mouse does, for the help overlay.
    static let mouse: [(names: String, summary: String)] = [
        ("click", "inspect a cell"),
        ("wheel", "step fwd / back"),
    ]

    private static let lookup: [KeyEvent: Command] = {
        var table: [KeyEvent: Command] = [:]
        for binding in bindings {
            for key in binding.keys where table[key] == nil { table[key] = binding.command }
        }
        return table
    }()

    static func command(for key: KeyEvent) -> Command? { lookup[key] }
}
