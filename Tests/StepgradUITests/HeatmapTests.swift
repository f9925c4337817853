import TerminalUI
import Testing
@testable import StepgradUI

@Suite struct HeatmapScaleTests {
    @Test func theLimitIsTheLargestFiniteMagnitude() {
        let scale = HeatmapScale(values: [-2, 1, .nan, .infinity, 0.5])
        #expect(scale.limit == 2)
        #expect(scale.level(1) == .positive(0.5))
        #expect(scale.level(-2) == .negative(1))
        #expect(scale.level(-0.5) == .negative(0.25))
        #expect(scale.level(0) == .zero)
        #expect(scale.level(-0.0) == .zero)
        #expect(scale.level(.nan) == .nan)
        #expect(scale.level(.infinity) == .positiveInfinity)
        #expect(scale.level(-.infinity) == .negativeInfinity)
        #expect(scale.level(5) == .positive(1))   // beyond the limit saturates
    }

    @Test func aSharedScaleCoversEveryQuantity() {
        let weights = HeatmapScale(values: [0.1, -0.3]), gradients = HeatmapScale(values: [0.02, 1.2])
        let shared = HeatmapScale(sharing: [weights, gradients])
        #expect(shared.limit == 1.2)
        #expect(shared.level(-0.3) == .negative(0.25))
        #expect(weights.level(-0.3) == .negative(1))
    }

    @Test func nothingToScaleStillGivesSignsAndZero() {
        let scale = HeatmapScale(values: [0, 0, .nan])
        #expect(scale.limit == 0)
        #expect(scale.level(0) == .zero)
        #expect(scale.level(0.001) == .positive(1))
        #expect(HeatmapScale(limit: -.infinity).limit == 0)
    }
}

@Suite struct HeatmapPaletteTests {
    static let coloured = Theme.all.filter { $0.heatmap.hues != nil }

    @Test func aColourThemeBlendsFromNeutralToTheHue() throws {
        let palette = Theme.dark.heatmap
        // t = 0.5: 0.4 + 0.6 · 0.5 = 0.7 of the way from (44,44,44) to (49,130,229), in OKLab.
        let half = palette.style(for: .positive(0.5), depth: .trueColour)
        #expect(half.background == Colour(44, 44, 44).blended(with: Colour(49, 130, 229), 0.7))
        #expect(half.foreground == .white)
        #expect(palette.style(for: .negative(1), depth: .trueColour).background == Colour(236, 112, 20))
        // Zero is neutral, not blank: a matrix keeps its shape where a row is all zeros.
        #expect(palette.style(for: .zero, depth: .trueColour).background == Colour(44, 44, 44))
    }

    /// The sign must survive the trip to 256 colours even for tiny values: positive stays bluer
    /// than red, negative redder than blue.
    @Test(arguments: coloured)
    func signSurvivesQuantisationTo256Colours(_ theme: Theme) throws {
        for step in 1...100 {
            let t = Double(step) / 100
            let positive = try #require(theme.heatmap.style(for: .positive(t), depth: .palette256).background)
            let negative = try #require(theme.heatmap.style(for: .negative(t), depth: .palette256).background)
            let shownPositive = Colour(palette256: positive.palette256Index)
            let shownNegative = Colour(palette256: negative.palette256Index)
            #expect(shownPositive.blue > shownPositive.red, "\(theme.name): +\(t) shows as \(shownPositive)")
            #expect(shownNegative.red > shownNegative.blue, "\(theme.name): −\(t) shows as \(shownNegative)")
        }
    }

    @Test(arguments: coloured)
    func magnitudeGrowsWithIntensityAndNaNHasItsOwnHue(_ theme: Theme) throws {
        let hues = try #require(theme.heatmap.hues)
        var previous = -1
        for step in 0...10 {
            let background = try #require(theme.heatmap.style(for: .positive(Double(step) / 10), depth: .trueColour).background)
            let distance = background.distanceSquared(to: hues.neutral)
            #expect(distance > previous)
            previous = distance
        }
        let nan = theme.heatmap.style(for: .nan, depth: .trueColour)
        #expect(nan.background == hues.nan)
        #expect(nan.attributes.contains(.bold))
        #expect(hues.nan != hues.positive && hues.nan != hues.negative)
        let infinity = theme.heatmap.style(for: .negativeInfinity, depth: .trueColour)
        #expect(infinity.background == hues.negative)
        #expect(infinity.attributes == [.bold, .underline])
    }

    /// Strong values are the bright colours on a dark theme and the normal (darker) ones on a light
    /// theme, so that lightness moves away from the background as the magnitude grows.
    @Test func sixteenAndEightColoursKeepSignAndStrength() {
        let palette = Theme.light.heatmap
        #expect(palette.style(for: .positive(0.3), depth: .ansi16).background == Colour.ANSI.brightBlue.colour)
        #expect(palette.style(for: .positive(0.8), depth: .ansi16).background == Colour.ANSI.blue.colour)
        #expect(palette.style(for: .negative(0.3), depth: .ansi16).background == Colour.ANSI.brightRed.colour)
        #expect(palette.style(for: .negative(0.8), depth: .ansi16).background == Colour.ANSI.red.colour)
        #expect(Theme.dark.heatmap.style(for: .positive(0.8), depth: .ansi16).background == Colour.ANSI.brightBlue.colour)
        #expect(palette.style(for: .negative(0.8), depth: .ansi8).background == Colour.ANSI.red.colour)
        #expect(palette.style(for: .nan, depth: .ansi8).background == Colour.ANSI.magenta.colour)
        // Zero has a grey of its own, at the start of both ramps: white on a light theme, black on a dark one.
        #expect(palette.style(for: .zero, depth: .ansi16).background == Colour.ANSI.white.colour)
        #expect(palette.style(for: .zero, depth: .ansi8).background == Colour.ANSI.white.colour)
        #expect(Theme.dark.heatmap.style(for: .zero, depth: .ansi16).background == Colour.ANSI.black.colour)
        #expect(ColourDepth.ansi16.showsMagnitudeInColour == false)
        #expect(ColourDepth.palette256.showsMagnitudeInColour)
    }

    @Test func withoutColourOnlyAttributesRemain() {
        for palette in [Theme.mono.heatmap, Theme.dark.heatmap] {
            #expect(palette.style(for: .nan, depth: .mono) == Style(attributes: [.reverse, .bold]))
            #expect(palette.style(for: .positiveInfinity, depth: .mono) == Style(attributes: [.bold, .underline]))
            #expect(palette.style(for: .negative(0.9), depth: .mono) == Style(attributes: .bold))
            #expect(palette.style(for: .positive(0.2), depth: .mono) == .plain)
            #expect(palette.style(for: .zero, depth: .mono) == .plain)
        }
        #expect(Theme.mono.heatmap.style(for: .positive(1), depth: .trueColour).background == nil)
    }

    @Test func markersShowSignAndMagnitudeInCharacters() {
        let unicode = Glyphs.unicode, ascii = Glyphs.ascii
        #expect(unicode.heatMarker(.positive(0.1)) == "+░")
        #expect(unicode.heatMarker(.positive(0.25)) == "+░")
        #expect(unicode.heatMarker(.positive(0.26)) == "+▒")
        #expect(unicode.heatMarker(.negative(0.6)) == "−▓")
        #expect(unicode.heatMarker(.negative(1)) == "−█")
        #expect(unicode.heatMarker(.zero) == " 0")
        #expect(unicode.heatMarker(.nan) == "??")
        #expect(unicode.heatMarker(.negativeInfinity) == "−∞")
        #expect(ascii.heatMarker(.negative(1)) == "-#")
        #expect(ascii.heatMarker(.positive(0.5)) == "+:")
        #expect(ascii.heatMarker(.positiveInfinity) == "+!")
    }
}

/// A tall heatmap cell's rows without text show only its colour: sent as a background alone, not
/// with the number's foreground and bold again (what a terminal cannot see costs it bytes).
@MainActor @Suite struct HeatmapFillTests {
    @Test func theRowsOfATallCellWithoutTextAreOnlyColour() {
        let backend = TestBackend(program: Fixtures.screen(), size: Size(width: 200, height: 60))
        var checked = 0
        for _ in 0..<14 {
            backend.press(KeyEvent(.right))
            let grid = backend.screen
            for y in 0..<grid.height {
                var x = 0
                while x < grid.width {
                    // A run of cells on one background colour: the terminal's own background does not count.
                    guard let background = grid[x, y].style.background else { x += 1; continue }
                    var end = x
                    while end < grid.width && grid[end, y].style.background == background { end += 1 }
                    let run = (x..<end).map { grid[$0, y] }
                    if run.allSatisfy(\.showsOnlyBackground) && grid[x - 1, y].style.background == nil && grid[end, y].style.background == nil {
                        #expect(run.allSatisfy { $0.style == Style(background: background) }, "row \(y), columns \(x)..<\(end)")
                        checked += 1
                    }
                    x = end
                }
            }
        }
        #expect(checked > 100, "tall cells were drawn")
    }
}
