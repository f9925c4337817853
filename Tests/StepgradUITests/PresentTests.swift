import StepgradEngine
import StepgradSession
import TerminalUI
import TerminalUITesting
import Testing
@testable import StepgradUI

/// `--present`: the element being computed written in block glyphs sized to the screen.
@MainActor
struct PresentTests {
    /// "1" drawn by hand from its bitmap (`.#.`, `##.`, `.#.`, `.#.`, `###` in pixel rows 1–5):
    /// pixel rows pair up into one terminal row each, `▀` the upper lit, `▄` the lower, `█` both.
    @Test func aDigitAtScaleOne() {
        var grid = Grid(Size(width: 3, height: 4))
        BlockFont.draw("1", scale: 1, x: 0, y: 0, style: .plain, unicode: true, clip: grid.area, into: &grid)
        #expect(grid.lines == [" ▄ ", "▀█ ", "▄█▄", "   "])
    }

    /// At scale 2 a pixel is two columns by one row; a subscript is its digit two pixel rows lower.
    @Test func aSubscriptAtScaleTwo() {
        var grid = Grid(Size(width: 6, height: 8))
        BlockFont.draw("₁", scale: 2, x: 0, y: 0, style: .plain, unicode: true, clip: grid.area, into: &grid)
        #expect(grid.lines == ["      ", "      ", "      ", "  ██  ", "████  ", "  ██  ", "  ██  ", "██████"])
        #expect(BlockFont.size("z₂[1]", scale: 1) == Size(width: 3 + 1 + 3 + 1 + 2 + 1 + 3 + 1 + 2, height: 4))
    }

    /// Without Unicode every lit cell is `#`, and an unknown character is a box rather than nothing.
    @Test func asciiAndUnknownCharacters() {
        var grid = Grid(Size(width: 3, height: 4))
        BlockFont.draw("@", scale: 1, x: 0, y: 0, style: .plain, unicode: false, clip: grid.area, into: &grid)
        #expect(grid.lines == ["###", "# #", "###", "   "])
    }

    /// Long arithmetic wraps at blanks; when the lines would not fit it keeps its left side and value.
    @Test func wrappingAndShortening() throws {
        let text = "z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495"
        let wide = try #require(PresentedFormula.lines(text, scale: 1, room: Size(width: 250, height: 4), ellipsis: "…"))
        #expect(wide.lines == [text] && !wide.shortened)
        let narrow = try #require(PresentedFormula.lines(text, scale: 1, room: Size(width: 76, height: 4), ellipsis: "…"))
        #expect(narrow.lines == ["z₂[1] = … = −0.495"] && narrow.shortened)
        let two = try #require(PresentedFormula.lines(text, scale: 1, room: Size(width: 140, height: 9), ellipsis: "…"))
        #expect(two.lines.count == 2 && !two.shortened && two.lines.joined(separator: " ") == text)
        // A line breaks before a sign, never after one.
        #expect(two.lines.allSatisfy { !$0.hasSuffix("=") && !$0.hasSuffix("+") })
        #expect(PresentedFormula.lines(text, scale: 3, room: Size(width: 76, height: 9), ellipsis: "…") == nil)
    }

    /// Element by element, at 80×24 and 250×70, the formula panel holds the element in glyphs whose
    /// digits are at least three rows high (five pixels at scale 1), five at 250×70, through the
    /// forward pass and the loss (20 steps).
    @Test(arguments: [(Size(width: 80, height: 24), 3), (Size(width: 250, height: 70), 5)])
    func glyphsFillTheRoom(_ size: Size, _ rows: Int) throws {
        let backend = TestBackend(program: Fixtures.screen(theme: .highContrast, presenting: true, granularity: .element),
                                  size: size)
        let program = backend.program
        for _ in 0..<20 {
            backend.press(KeyEvent(.right))
            let grid = backend.screen
            let top = try #require(grid.find("─ Formula ")).y
            // The tallest run of block cells in one column is the height of a letter.
            var tallest = 0
            for x in 0..<grid.width {
                var run = 0
                for y in (top + 1)..<grid.height {
                    run = "▀▄█".contains(grid[x, y].character) ? run + 1 : 0
                    tallest = max(tallest, run)
                }
            }
            #expect(tallest >= rows, "step \(program.session.cursor): letters \(tallest) rows high")
        }
    }
}

/// `--present` as a room sees it: the homework stepped element by element to z₂[1] (the 7th
/// step: four elements of z₁, a₁, then z₂[0] and z₂[1]), at 80×24 and at 250×70. By hand:
/// z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.24 + 0 + 0.015 − 0.27 = −0.495.
@MainActor
struct PresentSnapshotTests {
    func backend(_ size: Size) -> TestBackend<SessionScreen> {
        let backend = TestBackend(program: Fixtures.screen(theme: .highContrast, presenting: true, granularity: .element),
                                  size: size)
        while backend.program.session.cursor.operation < 2 || backend.program.session.cursor.revealed < 2 {
            backend.press(KeyEvent(.right))
        }
        return backend
    }

    @Test func elementAt80x24() {
        expectScreen(backend(Size(width: 80, height: 24)), [
                " stepgrad · relu-softmax 3-4-3              FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ z₂ = W₂·a₁ ─────────────────────────────────────────────────────────────────┐",
                "│                                                                              │",
                "│                                                                              │",
                "│                                              a₁                              │",
                "│                          W₂               ⎡  1.2 ⎤       z₂                  │",
                "│              ⎡  0.1   0.2  −0.1   0.1 ⎤   ⎢    0 ⎥   ⎡  0.195 ⎤              │",
                "│              ⎢ −0.2   0.3   0.1  −0.3 ⎥ · ⎢ 0.15 ⎥ = ⎢ −0.495 ⎥              │",
                "│              ⎣  0.2  −0.1   0.3   0.2 ⎦   ⎣  0.9 ⎦   ⎣      · ⎦              │",
                "│                                                                              │",
                "│                                                                              │",
                "│                                                                              │",
                "│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                    −  0  +   read written│",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ────────────────────────────────────────────────────────────────────┐",
                "│         ▄▄  ▄  ▄▄                               ▄▄▄   ▄ ▄ ▄▄▄ ▄▄▄            │",
                "│ ▀█▀ ▄▄▄ █  ▀█   █    ▀▀▀             ▀▀▀    ▄▄▄ █ █   █▄█ █▄█ █▄▄            │",
                "│ █▄▄ ▄▄█ █▄ ▄█▄ ▄█    ▀▀▀    ▄ ▄ ▄    ▀▀▀        █▄█ ▄   █ ▄▄█ ▄▄█            │",
                "│     █▄▄                                                                      │",
                "│                                                                              │",
                "│ z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495                  │",
                "└──────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  ? help  q quit",
        ])
    }

    @Test func elementAt250x70() {
        expectScreen(backend(Size(width: 250, height: 70)), [
                " stepgrad · relu-softmax 3-4-3                                                                                                                                                                                        FORWARD › LOSS › BACKWARD › UPDATE",
                " iteration 1   step 10 of 77   element   loss ·   ‖ paused 2 steps/s",
                "┌─ Network ─────────────────────────────────────────────────────────────────────────────────────────────┐┌─ z₂ = W₂·a₁ ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│          x               z₁              a₁                z₂               ŷ              y          ││                                                                                       a₁                                                      │",
                "│                  ┊ ⎡             ⎤ ⎡            ⎤ ┊                                                   ││                                                                                 ⎡            ⎤                                                │",
                "│                  ┊ ⎢             ⎥ ⎢            ⎥ ┊                                                   ││                                                                                 ⎢            ⎥                                                │",
                "│                  ┊ ⎢             ⎥ ⎢            ⎥ ┊                                                   ││                                                                                 ⎢            ⎥                                                │",
                "│    ⎡           ⎤ ┊ ⎢      1.2    ⎥ ⎢     1.2    ⎥ ┊ ⎡              ⎤ ⎡              ⎤ ⎡         ⎤     ││                                                    W₂                           ⎢     1.2    ⎥          z₂                                    │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎡                                                ⎤   ⎢            ⎥   ⎡              ⎤                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢    0.5    ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢     0.195    ⎥ ⎢         ·    ⎥ ⎢    1    ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢     0.1         0.2        −0.1         0.1    ⎥   ⎢            ⎥   ⎢     0.195    ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢    −1.15    ⎥ ⎢       0    ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢       0    ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢     −1    ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢    −0.495    ⎥ ⎢         ·    ⎥ ⎢    1    ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢    −0.2         0.3         0.1        −0.3    ⎥ · ⎢            ⎥ = ⎢    −0.495    ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢     0.15    ⎥ ⎢    0.15    ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢    0.15    ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢      2    ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢         ·    ⎥ ⎢         ·    ⎥ ⎢    0    ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢     0.2        −0.1         0.3         0.2    ⎥   ⎢            ⎥   ⎢         ·    ⎥                             │",
                "│    ⎢           ⎥ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎢              ⎥ ⎢              ⎥ ⎢         ⎥     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│    ⎣           ⎦ ┊ ⎢             ⎥ ⎢            ⎥ ┊ ⎣              ⎦ ⎣              ⎦ ⎣         ⎦     ││                            ⎢                                                ⎥   ⎢            ⎥   ⎢              ⎥                             │",
                "│                  ┊ ⎢      0.9    ⎥ ⎢     0.9    ⎥ ┊                                                   ││                            ⎣                                                ⎦   ⎢     0.9    ⎥   ⎣              ⎦                             │",
                "│                  ┊ ⎢             ⎥ ⎢            ⎥ ┊                                                   ││                                                                                 ⎢            ⎥                                                │",
                "│                  ┊ ⎢             ⎥ ⎢            ⎥ ┊                                                   ││                                                                                 ⎢            ⎥                                                │",
                "│                  ┊ ⎣             ⎦ ⎣            ⎦ ┊                                                   ││                                                                                 ⎣            ⎦                                                │",
                "│                                 relu                                   softmax                        ││ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495                                                                                     −  0  +   read written│",
                "└───────────────────────────────────────────────────────────────────────────────────────────────────────┘└───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                "┌─ Formula ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                 ████    ██    ████                        ██          ██████      ██████  ██          ██        ██████                      ██████      ██████      ██████                      ██████        ██        ██████        ██    ██████     │",
                "│ ██████          ██    ████      ██        ██████        ██            ██  ██          ██    ██      ████            ██          ██          ██  ██          ██      ██  ██          ██          ██  ██      ████        ██  ██      ████    ██         │",
                "│   ██    ██████  ██      ██      ██                      ██    ██████  ██  ██      ██████    ██  ██    ██        ██████        ██████        ██  ██        ████  ██  ██  ██        ██████        ██  ██        ██    ██  ██  ██        ██    ██████     │",
                "│ ██          ██  ██      ██      ██        ██████        ██            ██  ██      ██        ██        ██        ██              ██          ██  ██          ██      ██  ██          ██          ██  ██        ██        ██  ██        ██        ██     │",
                "│ ██████  ██████  ████  ██████  ████                        ██          ██████  ██  ██████  ██        ██████  ██  ██████                      ██████  ██  ██████      ██████                      ██████  ██  ██████      ██████  ██  ██████  ██████     │",
                "│         ██                                                                                                                                                                                                                                             │",
                "│         ██████                                                                                                                                                                                                                                         │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                 ██          ██████      ██████  ██        ██████      ██████                              ██████      ██  ██  ██████  ██████                                                                                                           │",
                "│   ██          ██            ██  ██          ██    ██      ██  ██      ██  ██        ██████                ██  ██      ██  ██  ██  ██  ██                                                                                                               │",
                "│ ██████        ██    ██████  ██  ██        ████    ██  ██  ██  ██      ██████                      ██████  ██  ██      ██████  ██████  ██████                                                                                                           │",
                "│   ██          ██            ██  ██          ██    ██      ██  ██          ██        ██████                ██  ██          ██      ██      ██                                                                                                           │",
                "│                 ██          ██████  ██  ██████  ██        ██████  ██  ██████                              ██████  ██      ██  ██████  ██████                                                                                                           │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "│                                                                                                                                                                                                                                                        │",
                "└────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
                " Space play  ←→ step  [ ] phase  g granularity  Tab panels  f fast-forward  ? help  q quit",
        ])
    }
}
