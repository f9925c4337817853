/// What the program wants after an event.
public enum ProgramAction: Hashable, Sendable {
    case `continue`
    case quit
}

/// A full-screen program in the Elm style: the runner feeds it events (`update`) and asks it to
/// draw (`view`) whenever something may have changed, at most about 30 times a second.
///
/// `update` does no I/O: quitting is returned, not done, and saving is the caller's job after the
/// run ends. The runner owns the main thread while it runs, so all work happens in `update`.
@MainActor
public protocol TerminalProgram: AnyObject {
    func update(_ event: InputEvent) -> ProgramAction

    /// Draws the whole screen into `grid`, which arrives blank and sized to the terminal.
    /// Not called while the terminal is smaller than `minimumSize`.
    func view(into grid: inout Grid)

    /// How often the program wants `.tick` events, or `nil` for none (then an idle program
    /// costs no CPU). Read after every event, so it can change while running.
    var tickInterval: Duration? { get }

    /// The smallest terminal the views can lay out; below it the runner shows a notice instead.
    var minimumSize: Size { get }
}

extension TerminalProgram {
    /// The frame to show on a terminal of `size`: the program's view, or the notice asking for a
    /// larger terminal. Shared by the real and the test backend so both show the same thing.
    public func frame(size: Size, glyphs: Glyphs) -> Grid {
        var grid = Grid(size)
        if size.contains(minimumSize) {
            view(into: &grid)
        } else {
            grid.writeSizeNotice(minimum: minimumSize, glyphs: glyphs)
        }
        return grid
    }
}

extension Grid {
    /// "enlarge the terminal to at least 80×24" and the current size, centred; on two lines if
    /// it does not fit on one, and cut to the grid if even that does not fit.
    mutating func writeSizeNotice(minimum: Size, glyphs: Glyphs) {
        let request = "enlarge the terminal", target = "to at least \(minimum.width)\(glyphs.times)\(minimum.height)"
        let now = "(now \(width)\(glyphs.times)\(height))"
        let sentence = request + " " + target
        let lines = sentence.count <= width ? [sentence, now] : [request, target, now]
        let top = max((height - lines.count) / 2, 0)
        for (i, line) in lines.enumerated() {
            let emphasis: TextAttributes = i < lines.count - 1 ? .bold : []
            write(line, x: max((width - line.count) / 2, 0), y: top + i, style: Style(attributes: emphasis))
        }
    }
}
