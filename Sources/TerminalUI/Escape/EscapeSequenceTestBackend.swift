/// Frames sent the way a remote terminal gets them: rendered to bytes by `EscapeSequenceScreen`
/// and replayed through a `TerminalEmulator`, then compared with the frame, so a test sees both
/// the bytes and what a terminal makes of them.
public struct EscapeSequenceTestBackend: Sendable {
    public private(set) var renderer: EscapeSequenceScreen
    public private(set) var terminal: TerminalEmulator
    /// The bytes of the last `draw`.
    public private(set) var lastBytes: [UInt8] = []

    public init(size: Size, depth: ColourDepth, unicode: Bool = true) {
        renderer = EscapeSequenceScreen(depth: depth, unicode: unicode)
        terminal = TerminalEmulator(size: size)
        terminal.feed(EscapeSequenceScreen.enter)
    }

    /// The terminal window changes size: the emulator keeps what fits, the renderer redraws whole.
    public mutating func resize(to size: Size) {
        terminal.resize(to: size)
        renderer.invalidate()
    }

    /// Sends `frame`; returns `nil` when the emulated terminal then shows exactly the frame as the
    /// depth can show it, else a report of the first cells that differ.
    public mutating func draw(_ frame: Grid) -> String? {
        lastBytes = renderer.update(to: frame)
        terminal.feed(lastBytes)
        return mismatch(frame)
    }

    /// How the emulated terminal differs from `frame` shown at the renderer's depth and character set.
    public func mismatch(_ frame: Grid, maxCellsListed: Int = 10) -> String? {
        var problems = terminal.unsupported.map { "unsupported: \($0)" }
        if terminal.screen.size != frame.size {
            problems.append("terminal is \(terminal.screen.size), frame is \(frame.size)")
        } else {
            for y in 0..<frame.height {
                for x in 0..<frame.width {
                    let want = expected(frame[x, y]), have = terminal.screen[x, y]
                    // A blank may be sent in the style of its neighbours: it looks the same.
                    if !want.looks(like: have, at: renderer.depth) { problems.append("(x: \(x), y: \(y)) expected \(want), terminal shows \(have)") }
                }
            }
        }
        if problems.isEmpty { return nil }
        return (problems.prefix(maxCellsListed) + (problems.count > maxCellsListed ? ["… \(problems.count - maxCellsListed) more"] : []))
            .joined(separator: "\n")
    }

    private func expected(_ cell: GridCell) -> GridCell {
        let character = renderer.unicode || cell.character.isASCII ? cell.character : "?"
        return GridCell(character, style: cell.style.shown(at: renderer.depth))
    }
}
