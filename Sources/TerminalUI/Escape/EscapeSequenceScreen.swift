/// A terminal at the other end of a byte stream (an SSH channel, a pseudo-terminal), driven
/// with xterm escape sequences instead of ncurses, which can drive only the one terminal of its
/// process. It remembers what it last showed and turns each new frame into the bytes that change
/// just the cells that differ, at the terminal's own size and colour depth.
///
/// Every sequence is one that xterm, VTE, tmux, screen, kitty and the Linux console share: cursor
/// position (CUP), erase display (ED 2), select graphic rendition (SGR, with 38;2/38;5 colours
/// only at the depths that have them), the alternate screen (1049) and cursor visibility (25).
public struct EscapeSequenceScreen: Sendable {
    public let depth: ColourDepth
    /// Whether the terminal shows UTF-8; if not, characters beyond ASCII are sent as `?`.
    public let unicode: Bool
    /// The frame the terminal shows; `nil` before the first or after `invalidate()`.
    private var shown: Grid?

    public init(depth: ColourDepth, unicode: Bool) {
        self.depth = depth
        self.unicode = unicode
    }

    /// Switches to the alternate screen, hides the cursor and clears it.
    public static let enter: [UInt8] = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[0m\u{1B}[2J".utf8)
    /// Plain style, cursor shown, back to the main screen as it was.
    public static let leave: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// Forgets what the terminal shows, so that the next frame is drawn whole (after the other
    /// end may have lost it, e.g. a resize).
    public mutating func invalidate() { shown = nil }

    /// The bytes that turn what the terminal shows into `frame`: only the changed cells, each run
    /// of neighbouring cells after one cursor move, a style sent only when it changes. A first
    /// frame, or one of another size, clears the screen and sends only the cells that are not
    /// blank. Ends in the plain style, so what follows starts from a known state.
    public mutating func update(to frame: Grid) -> [UInt8] {
        defer { shown = frame }
        return bytes(from: shown, to: frame)
    }

    /// The bytes that turn a terminal showing `shown` (`nil`: not known) into one showing `frame`,
    /// as `update(to:)` sends them; for frames that many terminals of this depth share, worked
    /// out once for all of those that showed the same frame before.
    public func bytes(from shown: Grid?, to frame: Grid) -> [UInt8] {
        var out: [UInt8] = []
        let previous: Grid
        if let shown, shown.size == frame.size {
            previous = shown
        } else {
            out += Array("\u{1B}[0m\u{1B}[2J".utf8)
            previous = Grid(frame.size)
        }
        var cursor: (x: Int, y: Int)?
        var style = Style.plain
        for change in previous.diff(frame) {
            if cursor == nil || cursor! != (change.x, change.y) {
                out += Array("\u{1B}[\(change.y + 1);\(change.x + 1)H".utf8)
            }
            if change.cell.style != style {
                out += sgr(change.cell.style)
                style = change.cell.style
            }
            out += bytes(of: change.cell.character)
            cursor = (change.x + 1, change.y)
        }
        if style != .plain { out += Array("\u{1B}[0m".utf8) }
        return out
    }

    /// SGR for `style`, from a reset: attributes, then colours as the depth can show them.
    func sgr(_ style: Style) -> [UInt8] {
        var codes = ["0"]
        let attributes = style.attributes
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.underline) { codes.append("4") }
        if attributes.contains(.reverse) { codes.append("7") }
        if let foreground = style.foreground, let code = colourCode(foreground, background: false) { codes.append(code) }
        if let background = style.background, let code = colourCode(background, background: true) { codes.append(code) }
        return Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8)
    }

    /// The SGR parameters for one colour at this depth (the same quantisation as the ncurses backend).
    private func colourCode(_ colour: Colour, background: Bool) -> String? {
        let base = background ? 40 : 30
        switch depth {
        case .mono:
            return nil
        case .ansi8:
            return "\(base + colour.ansiIndex(count: 8))"
        case .ansi16:
            let index = colour.ansiIndex(count: 16)
            return index < 8 ? "\(base + index)" : "\(base + 60 + index - 8)"
        case .palette256:
            return "\(base + 8);5;\(colour.palette256Index)"
        case .trueColour:
            return "\(base + 8);2;\(colour.red);\(colour.green);\(colour.blue)"
        }
    }

    private func bytes(of character: Character) -> [UInt8] {
        unicode || character.isASCII ? Array(String(character).utf8) : [UInt8(ascii: "?")]
    }
}
