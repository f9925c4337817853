/// A terminal at the other end of a byte stream (an SSH channel, a pseudo-terminal), driven
/// with xterm escape sequences instead of ncurses, which can drive only the one terminal of its
/// process. It remembers what it last showed and turns each new frame into the bytes that change
/// just the cells that differ, at the terminal's own size and colour depth.
///
/// Every sequence is one that xterm, VTE, tmux, screen, kitty and the Linux console share: cursor
/// position (CUP) and forward (CUF), erase display (ED 2), select graphic rendition (SGR, with
/// 38;2/38;5 colours only at the depths that have them), the alternate screen (1049) and cursor
/// visibility (25).
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

    /// The bytes that turn what the terminal shows into `frame`: only the cells that look different
    /// (`Grid.changes(to:at:)`), each run of them after the shortest cursor move, each change
    /// of style as the fewest parameters that make it. A first frame, or one of another size,
    /// clears the screen and sends only the cells that are not blank. Ends in the plain style, so
    /// what follows starts from a known state.
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
        // Where the cursor is (`nil`: not known), and the style the terminal writes in, as shown.
        var cursor: (x: Int, y: Int)?
        var style = Style.plain
        for change in previous.changes(to: frame, at: depth) {
            let wanted = change.cell.style.shown(at: depth)
            out += move(from: cursor, to: (change.x, change.y), over: frame, in: style)
            if wanted != style {
                out += sgr(from: style, to: wanted)
                style = wanted
            }
            out += bytes(of: change.cell.character)
            cursor = (change.x + 1, change.y)
        }
        if style != .plain { out += Array("\u{1B}[0m".utf8) }
        return out
    }

    /// The shortest way to `target`: nothing when the cursor is there; on the same row, the cells
    /// on the way written again when they are few and in the current style, else a move right
    /// (CUF); else a move to the row and column (CUP).
    private func move(from cursor: (x: Int, y: Int)?, to target: (x: Int, y: Int), over frame: Grid, in style: Style) -> [UInt8] {
        let jump = Array("\u{1B}[\(target.y + 1);\(target.x + 1)H".utf8)
        guard let cursor, cursor.y == target.y, cursor.x <= target.x else { return jump }
        if cursor.x == target.x { return [] }
        let right = Array("\u{1B}[\(target.x - cursor.x == 1 ? "" : String(target.x - cursor.x))C".utf8)
        let shortest = right.count < jump.count ? right : jump
        var again: [UInt8] = []
        for x in cursor.x..<target.x {
            let cell = frame[x, target.y]
            guard GridCell(cell.character, style: style).looks(like: cell, at: depth) else { return shortest }
            again += bytes(of: cell.character)
            if again.count >= shortest.count { return shortest }
        }
        return again
    }

    /// SGR for `style`, from a reset: attributes, then colours as the depth can show them.
    func sgr(_ style: Style) -> [UInt8] {
        Array("\u{1B}[\((["0"] + attributeCodes(style.attributes) + colourCodes(style)).joined(separator: ";"))m".utf8)
    }

    /// SGR that turns `current` into `style` (both as the depth shows them): only the parameters
    /// that change, or from a reset when that is shorter. Bold and dim are turned off together (22).
    func sgr(from current: Style, to style: Style) -> [UInt8] {
        let off = current.attributes.subtracting(style.attributes)
        var codes: [String] = []
        var on = style.attributes.subtracting(current.attributes)
        if !off.isDisjoint(with: [.bold, .dim]) {
            codes.append("22")
            on.formUnion(style.attributes.intersection([.bold, .dim]))
        }
        if off.contains(.underline) { codes.append("24") }
        if off.contains(.reverse) { codes.append("27") }
        codes += attributeCodes(on)
        if style.foreground != current.foreground {
            codes.append(style.foreground.flatMap { colourCode($0, background: false) } ?? "39")
        }
        if style.background != current.background {
            codes.append(style.background.flatMap { colourCode($0, background: true) } ?? "49")
        }
        let change = Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8)
        let reset = sgr(style)
        return change.count < reset.count ? change : reset
    }

    private func attributeCodes(_ attributes: TextAttributes) -> [String] {
        [(TextAttributes.bold, "1"), (.dim, "2"), (.underline, "4"), (.reverse, "7")]
            .filter { attributes.contains($0.0) }.map(\.1)
    }

    private func colourCodes(_ style: Style) -> [String] {
        [style.foreground.flatMap { colourCode($0, background: false) }, style.background.flatMap { colourCode($0, background: true) }]
            .compactMap { $0 }
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
