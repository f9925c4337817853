import StepgradUI
import TerminalUI
import Testing

@Suite struct ThemeTests {
    /// The roles a screen must be able to tell apart on one cell.
    static let distinct: [Role] = [.text, .highlight, .readOperand, .changed, .nan, .error]

    @Test(arguments: Theme.all)
    func rolesThatMeanDifferentThingsLookDifferent(_ theme: Theme) {
        for (i, a) in Self.distinct.enumerated() {
            for b in Self.distinct[(i + 1)...] {
                #expect(theme[a] != theme[b], "\(theme.name): \(a) and \(b) look the same")
            }
        }
        #expect(theme[.positive] != theme[.negative] || theme.name == "mono")
    }

    @Test func themesAreFoundByName() {
        #expect(Theme.named("dark") == .dark)
        #expect(Theme.named("High-Contrast") == .highContrast)
        #expect(Theme.named("mono") == .mono)
        #expect(Theme.named("sepia") == nil)
        #expect(Set(Theme.all.map(\.name)).count == 4)
    }

    @Test func monoUsesNoColourAtAll() {
        for role in Role.allCases {
            #expect(Theme.mono[role].foreground == nil && Theme.mono[role].background == nil)
        }
    }

    @Test func automaticChoice() {
        #expect(Theme.automatic(depth: .mono, environment: ["COLORFGBG": "0;15"]) == .mono)
        #expect(Theme.automatic(depth: .palette256, environment: ["COLORFGBG": "0;15"]) == .light)
        #expect(Theme.automatic(depth: .palette256, environment: ["COLORFGBG": "0;default;7"]) == .light)
        #expect(Theme.automatic(depth: .palette256, environment: ["COLORFGBG": "15;0"]) == .dark)
        #expect(Theme.automatic(depth: .ansi8, environment: [:]) == .dark)
    }

    @Test func patchingKeepsWhatTheOverlayLeavesOpen() {
        let base = Style(foreground: Colour(1, 1, 1), background: Colour(2, 2, 2), attributes: .dim)
        #expect(base.patched(with: Style(attributes: .underline))
            == Style(foreground: Colour(1, 1, 1), background: Colour(2, 2, 2), attributes: [.dim, .underline]))
        #expect(base.patched(with: Style(background: Colour(3, 3, 3))).background == Colour(3, 3, 3))
    }
}
