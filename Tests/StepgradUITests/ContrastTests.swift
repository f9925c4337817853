import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Colour that means one thing and can be read: every digit on screen, in every theme at every
/// colour depth, stands at least 4.5:1 (WCAG) from its background as the terminal shows them; and
/// each heatmap ramp moves lightness one way only as the magnitude grows.
@MainActor
struct ContrastTests {
    nonisolated static let depths = ColourDepth.allCases

    /// Walks every step of the homework, element by element (the element being computed and what it
    /// read are marked) and operation by operation, with a student's answers beside the result, at
    /// two sizes and presenting, and measures every cell that holds a digit, and presenting every
    /// cell of the formula's block letters.
    @Test(arguments: Theme.all, depths)
    func everyDigitIsLegible(_ theme: Theme, _ depth: ColourDepth) {
        var worst = (ratio: 21.0, place: "")
        let answered = AnswerTests.answered
        for (granularity, size, presenting) in [(Granularity.element, Size(width: 120, height: 40), false),
                                                (.operation, Size(width: 80, height: 24), false),
                                                (.operation, Size(width: 80, height: 24), true),
                                                (.element, Size(width: 80, height: 24), true)] {
            let capabilities = TerminalCapabilities(colourDepth: depth, unicode: true)
            let program = Fixtures.screen(answered, theme: theme, presenting: presenting, capabilities: capabilities,
                                          granularity: granularity)
            let backend = TestBackend(program: program, size: size, capabilities: capabilities)
            var step = 0
            while program.session.iteration == 1 {
                let grid = backend.screen
                // Presenting, the formula's block letters too.
                let letters = presenting ? (grid.find("─ Formula ")?.y ?? grid.height) : grid.height
                for y in 0..<grid.height {
                    for x in 0..<grid.width
                    where grid[x, y].character.isNumber || (y > letters && "▀▄█".contains(grid[x, y].character)) {
                        let (foreground, background) = theme.shownColours(grid[x, y].style, depth: depth)
                        let ratio = foreground.contrast(with: background)
                        if ratio < worst.ratio { worst = (ratio, "\(granularity) \(size) step \(step) at \(x),\(y): \(grid.lines[y])") }
                    }
                }
                backend.press(KeyEvent(.right))
                step += 1
            }
        }
        #expect(worst.ratio >= 4.5, "\(theme.name) at \(depth): \(worst.ratio) in \(worst.place)")
    }

    /// From zero to the largest magnitude of either sign, the colour the terminal shows only gets
    /// lighter (dark themes) or only darker (light), and the smallest non-zero value already differs from zero.
    @Test(arguments: Theme.all.filter { $0.heatmap.hues != nil }, depths.filter { $0 > .mono })
    func rampsAreMonotoneInLightness(_ theme: Theme, _ depth: ColourDepth) throws {
        let palette = theme.heatmap
        let zero = theme.shownColours(palette.style(for: .zero, depth: depth), depth: depth).background.oklab.L
        let lighter = try #require(palette.hues).positive.oklab.L > zero
        for sign in [1.0, -1.0] {
            var previous = zero
            for step in 1...100 {
                let t = Double(step) / 100
                let level: HeatLevel = sign > 0 ? .positive(t) : .negative(t)
                let lightness = theme.shownColours(palette.style(for: level, depth: depth), depth: depth).background.oklab.L
                #expect(lighter ? lightness >= previous : lightness <= previous,
                        "\(theme.name) at \(depth): \(sign * t) is \(lightness), after \(previous)")
                if step == 1 { #expect(abs(lightness - zero) > 0.01, "\(theme.name) at \(depth): the smallest value looks like zero") }
                previous = lightness
            }
        }
    }

    /// WCAG's own examples: black on white is 21:1, a colour on itself 1:1, #767676 on white just above 4.5:1.
    @Test func contrastRatiosAsWCAGComputesThem() {
        #expect(abs(Colour.black.contrast(with: .white) - 21) < 1e-9)
        #expect(abs(Colour(118, 118, 118).contrast(with: .white) - 4.54) < 0.01)
        #expect(Colour(0, 160, 255).contrast(with: .white) < 3)
        #expect(Colour(0, 160, 255).legibleText == .black)
        #expect(Colour(20, 40, 120).legibleText == .white)
    }

    /// OKLab as Ottosson gives it: white at lightness 1, black at 0, and a round trip back to sRGB.
    @Test func okLabRoundTrips() {
        #expect(abs(Colour.white.oklab.L - 1) < 1e-4 && abs(Colour.black.oklab.L) < 1e-9)
        for colour in [Colour(49, 130, 229), Colour(236, 112, 20), Colour(44, 44, 44), Colour(255, 0, 255)] {
            let (L, a, b) = colour.oklab
            #expect(Colour(oklab: L, a, b) == colour)
        }
    }
}
