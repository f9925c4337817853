import TerminalUI
import Testing

@Suite struct EscapeSequenceTests {
    static let red = Style(foreground: Colour(205, 0, 0), attributes: .bold)

    /// Bytes worked out by hand from the sequences' definitions (CUP is 1-based row;column).
    @Test func aFirstFrameClearsAndSendsOnlyWhatIsNotBlankThenOnlyChanges() {
        var screen = EscapeSequenceScreen(depth: .trueColour, unicode: true)
        var frame = Grid(width: 4, height: 2)
        frame.write("ab", x: 0, y: 0)
        frame.write("c", x: 2, y: 1, style: Self.red)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self)
                == "\u{1B}[0m\u{1B}[2J\u{1B}[1;1Hab\u{1B}[2;3H\u{1B}[1;38;2;205;0;0mc\u{1B}[0m")
        frame.write("x", x: 1, y: 0)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self) == "\u{1B}[1;2Hx")
        #expect(screen.update(to: frame).isEmpty, "nothing changed, nothing sent")
        frame.write("yz", x: 2, y: 0, style: Self.red)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self)
                == "\u{1B}[1;3H\u{1B}[1;38;2;205;0;0myz\u{1B}[0m", "a run of cells after one move and one style")
    }

    /// Orange on blue at each depth. 256: orange is cube entry 16 + 36·5 + 6·2 = 208, the blue
    /// (0,0,238) cube entry 16 + 5 = 21. 16 and 8 colours: the blue is ANSI blue exactly (44); the
    /// nearest ANSI colour to orange is yellow (205,205,0), at 50² + 77² = 8429 against 18884 for red.
    @Test(arguments: [
        (ColourDepth.trueColour, "38;2;255;128;0;48;2;0;0;238"),
        (.palette256, "38;5;208;48;5;21"),
        (.ansi16, "33;44"),
        (.ansi8, "33;44"),
        (.mono, "4"),
    ])
    func coloursAreSentAsTheDepthShowsThem(_ depth: ColourDepth, _ parameters: String) {
        var screen = EscapeSequenceScreen(depth: depth, unicode: true)
        var frame = Grid(width: 1, height: 1)
        frame[0, 0] = GridCell("o", style: Style(foreground: Colour(255, 128, 0), background: Colour(0, 0, 238),
                                                 attributes: depth == .mono ? .underline : []))
        let text = String(decoding: screen.update(to: frame), as: UTF8.self)
        #expect(text == "\u{1B}[0m\u{1B}[2J\u{1B}[1;1H\u{1B}[\(parameters)mo\u{1B}[0m")
    }

    /// From one style to the next only what changes is sent, unless a reset is shorter: bold
    /// goes with 22 and the colours stay; a new background alone is one parameter; back to plain
    /// from bold and colour is a reset.
    @Test func aChangeOfStyleSendsOnlyWhatChanges() {
        var screen = EscapeSequenceScreen(depth: .palette256, unicode: true)
        let blue = Colour(0, 0, 255), grey = Colour(48, 48, 48)
        var frame = Grid(width: 4, height: 1)
        frame.write("a", x: 0, y: 0, style: Style(foreground: .white, background: blue, attributes: .bold))
        frame.write("b", x: 1, y: 0, style: Style(foreground: .white, background: blue))
        frame.write("c", x: 2, y: 0, style: Style(foreground: .white, background: grey))
        frame.write("d", x: 3, y: 0)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self)
                == "\u{1B}[0m\u{1B}[2J\u{1B}[1;1H\u{1B}[1;38;5;231;48;5;21ma\u{1B}[22mb\u{1B}[48;5;236mc\u{1B}[0md")
        frame = Grid(width: 2, height: 1)
        frame.write("e", x: 0, y: 0, style: Style(foreground: .white, attributes: [.bold, .dim]))
        frame.write("f", x: 1, y: 0, style: Style(foreground: .white, attributes: .dim))
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self)
                == "\u{1B}[0m\u{1B}[2J\u{1B}[1;1H\u{1B}[1;2;38;5;231me\u{1B}[22;2mf\u{1B}[0m", "22 turns dim off too")
    }

    /// What nobody could see is not sent: a blank's foreground and bold, or another colour that
    /// the depth shows as the same.
    @Test func aChangeNobodyCouldSeeIsNotSent() {
        var screen = EscapeSequenceScreen(depth: .palette256, unicode: true)
        var frame = Grid(width: 3, height: 1)
        frame.write("a  ", x: 0, y: 0, style: Style(background: Colour(0, 0, 255)))
        _ = screen.update(to: frame)
        frame.write("  ", x: 1, y: 0, style: Style(foreground: .white, background: Colour(0, 0, 255), attributes: .bold))
        #expect(screen.update(to: frame).isEmpty)
        frame.write("a", x: 0, y: 0, style: Style(background: Colour(0, 0, 250)))
        #expect(screen.update(to: frame).isEmpty, "the same entry of the 256-colour palette")
        frame.write("a", x: 0, y: 0, style: Style(background: Colour(0, 0, 250), attributes: .underline))
        #expect(!screen.update(to: frame).isEmpty)
    }

    /// Between two changes on a row the cursor goes the shortest way: over a few unchanged cells
    /// in the same style by writing them again, over more by CUF; to another row by CUP.
    @Test func theCursorGoesTheShortestWay() {
        var screen = EscapeSequenceScreen(depth: .trueColour, unicode: true)
        var frame = Grid(width: 20, height: 2)
        frame.write("abcdefghijklmnopqrst", x: 0, y: 0)
        _ = screen.update(to: frame)
        frame.write("A", x: 0, y: 0)
        frame.write("C", x: 2, y: 0)
        frame.write("P", x: 15, y: 0)
        frame.write("x", x: 3, y: 1)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self) == "\u{1B}[1;1HAbC\u{1B}[12CP\u{1B}[2;4Hx")
        frame.write("D", x: 3, y: 0, style: Self.red)
        frame.write("F", x: 5, y: 0, style: Self.red)
        #expect(String(decoding: screen.update(to: frame), as: UTF8.self)
                == "\u{1B}[1;4H\u{1B}[1;38;2;205;0;0mD\u{1B}[CF\u{1B}[0m", "a cell of another style is moved over")
    }

    @Test func outsideUTF8OnlyASCIIIsSent() {
        var screen = EscapeSequenceScreen(depth: .mono, unicode: false)
        var frame = Grid(width: 3, height: 1)
        frame.write("a→b", x: 0, y: 0)
        #expect(screen.update(to: frame).allSatisfy { $0 < 0x80 })
    }

    /// Random frames, changes and a resize, at every depth, with and without UTF-8: after each
    /// frame the emulated terminal shows exactly the frame (as the depth shows it).
    @Test(arguments: ColourDepth.allCases, [true, false])
    func anEmulatedTerminalShowsEveryFrame(_ depth: ColourDepth, _ unicode: Bool) {
        var random = SplitMix64(seed: UInt64(depth.rawValue * 2 + (unicode ? 1 : 0)))
        let styles = [Style.plain, Self.red, Style(background: Colour(40, 44, 52)),
                      Style(foreground: Colour(152, 195, 121), background: Colour(255, 255, 255), attributes: [.dim, .underline]),
                      Style(attributes: .reverse), Style(foreground: Colour(97, 175, 239))]
        let texts = ["w₂ = 0.5", "─┼─", "−1.25", "∞", "é", "abc", " ", "→←↑↓", "NaN"]
        var size = Size(width: 23, height: 7)
        var backend = EscapeSequenceTestBackend(size: size, depth: depth, unicode: unicode)
        var frame = Grid(size)
        for step in 0..<60 {
            if step == 30 {
                size = Size(width: 17, height: 9)
                backend.resize(to: size)
                frame = Grid(size)
            }
            for _ in 0..<random.next(below: 6) {
                let text = texts[random.next(below: texts.count)]
                frame.write(text, x: random.next(below: size.width), y: random.next(below: size.height),
                            style: styles[random.next(below: styles.count)])
            }
            if step % 10 == 9 { frame.clear(Rect(x: 2, y: 1, width: 5, height: 3), style: styles[2]) }
            if let problem = backend.draw(frame) {
                Issue.record("step \(step): \(problem)")
                return
            }
        }
        #expect(backend.terminal.alternateScreen && !backend.terminal.cursorVisible)
    }

    /// The emulator is checked on its own: it must not agree with a renderer that is wrong.
    @Test func theEmulatorNoticesWhatIsNotShown() {
        var backend = EscapeSequenceTestBackend(size: Size(width: 4, height: 1), depth: .trueColour)
        var frame = Grid(width: 4, height: 1)
        frame.write("ab", x: 0, y: 0, style: Self.red)
        #expect(backend.draw(frame) == nil)
        var other = frame
        other.write("b", x: 1, y: 0)
        #expect(backend.mismatch(other)?.contains("(x: 1, y: 0)") == true, "style differs")
        var emulator = TerminalEmulator(size: Size(width: 3, height: 2))
        emulator.feed(Array("xyz\u{1B}[5n".utf8))
        #expect(emulator.unsupported == ["CSI 5n"])
        emulator.feed(Array("w".utf8))
        #expect(emulator.screen.lines == ["xyz", "w  "], "the deferred wrap")
    }
}

/// A small seeded generator, so the random frames are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
