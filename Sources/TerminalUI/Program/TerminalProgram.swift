import Observation

/// A full-screen program in the Elm style, as bubbletea's Model: the runtime feeds it events and
/// messages (`update`) and asks it to draw (`view`) whenever something may have changed, at most
/// about 30 times a second.
///
/// `update` does no I/O and never waits: what takes time or touches the world (saving, reading a
/// file, a timer, background work) is returned as a `Command`, which the runtime carries out and
/// whose results come back as `Message`s. Key and mouse input, resizes, signals and messages all
/// arrive in one stream, so the main actor is never blocked waiting for any one of them.
@MainActor
public protocol TerminalProgram: AnyObject, SendableMetatype {
    /// What the program's own commands report back (`Never` for a program without any).
    associatedtype Message: Sendable = Never

    func update(_ event: InputEvent) -> Command<Message>
    func update(_ message: Message) -> Command<Message>

    /// Draws the whole screen into `grid`, which arrives blank and sized to the terminal.
    /// Not called while the terminal is smaller than `minimumSize`.
    func view(into grid: inout Grid)

    /// The smallest terminal the views can lay out; below it the runtime shows a notice instead.
    var minimumSize: Size { get }
}

extension TerminalProgram where Message == Never {
    public func update(_ message: Never) -> Command<Never> {}
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

    /// `frame(size:glyphs:)`, calling `onChange` once when `@Observable` state the view read
    /// changes: how a runtime redraws for changes that arrive without an event (progress of work
    /// a model does itself). `onChange` may run on any thread.
    public func frame(size: Size, glyphs: Glyphs, onChange: @escaping @Sendable () -> Void) -> Grid {
        withObservationTracking { frame(size: size, glyphs: glyphs) } onChange: { onChange() }
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
