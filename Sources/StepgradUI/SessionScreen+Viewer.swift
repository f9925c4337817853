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

extension SessionScreen {
    /// A frame for one viewer following the lecturer on a screen that every follower with the
    /// same look shares (`role` `.following`): the viewer's own notice and quiz prompt are drawn
    /// for this frame only, so followers with the same ones share the frame too.
    public func frame(size: Size, glyphs: Glyphs, notice: ViewerNotice?, prompt: QuizPrompt?) -> Grid {
        let shared = (message, quizPrompt)
        defer { (message, quizPrompt) = shared }
        if let notice { message = StyledLine(text: notice.text, role: notice.isError ? .error : .success) }
        quizPrompt = prompt
        return frame(size: size, glyphs: glyphs)
    }
}
