/// A small terminal emulator: enough of xterm to replay what `EscapeSequenceScreen` sends and
/// show the screen that results, for tests. It reads printable UTF-8 (with the deferred wrap at
/// the right margin and scrolling at the bottom), CR, LF and BS, and the CSI sequences CUP, CUF, ED 2,
/// SGR (attributes; 8, 16, 256 and 24-bit colours) and the private modes 1049 and 25. Anything
/// else is kept in `unsupported`, so a test can insist that nothing was sent it cannot show.
public struct TerminalEmulator: Sendable {
    public private(set) var screen: Grid
    public private(set) var cursor: (x: Int, y: Int) = (0, 0)
    public private(set) var style = Style.plain
    public private(set) var alternateScreen = false
    public private(set) var cursorVisible = true
    /// Sequences and control bytes it did not understand, as written.
    public private(set) var unsupported: [String] = []

    private var pendingWrap = false
    private var parser = Parser.ground
    private var utf8: [UInt8] = []

    private enum Parser: Sendable {
        case ground
        case escape
        case csi(String)
    }

    public init(size: Size) {
        screen = Grid(size)
    }

    /// Resizes as a terminal window does: keeps the top-left part, blanks the rest.
    public mutating func resize(to size: Size) {
        let old = screen
        screen = Grid(size)
        for y in 0..<min(old.height, size.height) {
            for x in 0..<min(old.width, size.width) { screen[x, y] = old[x, y] }
        }
        cursor = (min(cursor.x, max(size.width - 1, 0)), min(cursor.y, max(size.height - 1, 0)))
        pendingWrap = false
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ byte: UInt8) {
        switch parser {
        case .escape:
            parser = byte == UInt8(ascii: "[") ? .csi("") : .ground
            if byte != UInt8(ascii: "[") { unsupported.append("ESC \(Character(Unicode.Scalar(byte)))") }
        case .csi(let body):
            if (0x40...0x7E).contains(byte) {
                parser = .ground
                control(body, final: Character(Unicode.Scalar(byte)))
            } else {
                parser = .csi(body + String(Character(Unicode.Scalar(byte))))
            }
        case .ground:
            ground(byte)
        }
    }

    private mutating func ground(_ byte: UInt8) {
        if !utf8.isEmpty || byte >= 0x80 {
            utf8.append(byte)
            var decoder = UTF8()
            var iterator = utf8.makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): utf8 = []; print(scalar)
            case .error: if utf8.count >= 4 || byte < 0x80 { unsupported.append("bad UTF-8 \(utf8)"); utf8 = [] }
            case .emptyInput: break
            }
            return
        }
        switch byte {
        case 0x1B: parser = .escape
        case 0x0D: cursor.x = 0; pendingWrap = false
        case 0x0A: lineFeed()
        case 0x08: cursor.x = max(cursor.x - 1, 0); pendingWrap = false
        case 0x20..<0x7F: print(Unicode.Scalar(byte))
        default: unsupported.append("control \(byte)")
        }
    }

    private mutating func print(_ scalar: Unicode.Scalar) {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            // Combines with the character before it.
            let x = pendingWrap ? cursor.x : cursor.x - 1
            if x >= 0 {
                var scalars = screen[x, cursor.y].character.unicodeScalars.map { $0 }
                scalars.append(scalar)
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars)
                screen[x, cursor.y] = GridCell(Character(String(text)), style: screen[x, cursor.y].style)
            }
            return
        default:
            break
        }
        if pendingWrap {
            cursor.x = 0
            lineFeed()
        }
        screen[cursor.x, cursor.y] = GridCell(Character(scalar), style: style)
        if cursor.x >= screen.width - 1 { pendingWrap = true } else { cursor.x += 1 }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if cursor.y < screen.height - 1 { cursor.y += 1; return }
        // Scrolls: every row moves up one, a blank row at the bottom.
        for y in 0..<max(screen.height - 1, 0) {
            for x in 0..<screen.width { screen[x, y] = screen[x, y + 1] }
        }
        screen.fill(Rect(x: 0, y: screen.height - 1, width: screen.width, height: 1), with: .blank)
    }

    private mutating func control(_ body: String, final: Character) {
        let isPrivate = body.hasPrefix("?")
        let numbers = (isPrivate ? body.dropFirst() : Substring(body)).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        func parameter(_ i: Int, default value: Int) -> Int { i < numbers.count ? numbers[i] ?? value : value }
        switch (isPrivate, final) {
        case (false, "H"), (false, "f"):
            cursor = (min(max(parameter(1, default: 1), 1), screen.width) - 1,
                      min(max(parameter(0, default: 1), 1), screen.height) - 1)
            pendingWrap = false
        case (false, "C"):
            cursor.x = min(cursor.x + max(parameter(0, default: 1), 1), screen.width - 1)
            pendingWrap = false
        case (false, "J") where parameter(0, default: 0) == 2:
            screen.fill(screen.area, with: GridCell(" ", style: Style(background: style.background)))
        case (false, "m"):
            selectGraphicRendition(numbers.map { $0 ?? 0 })
        case (true, "h"), (true, "l"):
            let on = final == "h"
            for mode in numbers {
                switch mode {
                case 1049:
                    alternateScreen = on
                    screen.fill(screen.area, with: .blank)
                case 25:
                    cursorVisible = on
                default:
                    unsupported.append("CSI \(body)\(final)")
                }
            }
        default:
            unsupported.append("CSI \(body)\(final)")
        }
    }

    private mutating func selectGraphicRendition(_ codes: [Int]) {
        var codes = codes.isEmpty ? [0] : codes[...]
        while let code = codes.popFirst() {
            switch code {
            case 0: style = .plain
            case 1: style.attributes.insert(.bold)
            case 2: style.attributes.insert(.dim)
            case 4: style.attributes.insert(.underline)
            case 7: style.attributes.insert(.reverse)
            case 22: style.attributes.subtract([.bold, .dim])
            case 24: style.attributes.remove(.underline)
            case 27: style.attributes.remove(.reverse)
            case 30...37: style.foreground = Colour.ansi[code - 30]
            case 39: style.foreground = nil
            case 40...47: style.background = Colour.ansi[code - 40]
            case 49: style.background = nil
            case 90...97: style.foreground = Colour.ansi[code - 90 + 8]
            case 100...107: style.background = Colour.ansi[code - 100 + 8]
            case 38, 48:
                let colour: Colour?
                switch codes.popFirst() {
                case 5: colour = codes.popFirst().map { Colour(palette256: $0) }
                case 2:
                    let channels = codes.prefix(3).map { UInt8(clamping: $0) }
                    codes = codes.dropFirst(3)
                    colour = channels.count == 3 ? Colour(channels[0], channels[1], channels[2]) : nil
                default: colour = nil
                }
                if code == 38 { style.foreground = colour } else { style.background = colour }
                if colour == nil { unsupported.append("SGR \(code) with a bad colour") }
            default:
                unsupported.append("SGR \(code)")
            }
        }
    }
}
