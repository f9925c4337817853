import TerminalUI

/// What a viewer of a served lecture may do with their screen.
extension SessionScreen {
    /// What only the lecturer does: play, fast-forward, reload and save are work on the server
    /// (a timer, a background task, a file) that a room of viewers must not be able to start;
    /// stepping, phases, granularity, panels, inspecting, zoom, numbers and themes are not.
    static let lecturerOnly: Set<Command> = [.playPause, .faster, .slower, .fastForward, .reload, .save, .quit]

    /// Whether `key` is something a viewer does on their own copy of the session: a key of the key
    /// map that is not the lecturer's alone, or an arrow key or Enter (which move a focused selection).
    public static func isRoamingKey(_ key: KeyEvent) -> Bool {
        if [.up, .down, .left, .right, .enter].contains(key.key) && key.modifiers.isEmpty { return true }
        return KeyMap.command(for: key).map { !lecturerOnly.contains($0) } ?? false
    }

    /// Refuses, with a message, what a viewer may not do; `true` when `command` may go ahead.
    func allowed(_ command: Command) -> Bool {
        guard viewerRole != nil, Self.lecturerOnly.contains(command) else { return true }
        message = StyledLine(text: "Only the lecturer can do that.", role: .warning)
        return false
    }
}
