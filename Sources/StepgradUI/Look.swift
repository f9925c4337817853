import StepgradEngine
import StepgradNotation
import TerminalUI

/// How this frame is drawn: theme, terminal, number style and the display toggles, handed to
/// every view so none of them decides these on its own.
struct Look {
    var theme: Theme
    var depth: ColourDepth
    var glyphs: ScreenGlyphs
    /// The numbers' style, and the memo of their text.
    var numbers: NumberText
    /// Numbers inside heatmap cells (`v` toggles to colour alone).
    var showsNumbers: Bool
    /// Presentation mode: fewer, larger panels.
    var presenting: Bool

    subscript(role: Role) -> Style { theme[role] }

    /// Whether colour alone cannot carry a heatmap's magnitude, so cells need marker characters.
    var needsHeatMarkers: Bool { theme.heatmap.hues == nil || !depth.showsMagnitudeInColour }

    func heatStyle(_ level: HeatLevel) -> Style {
        theme[.text].patched(with: theme.heatmap.style(for: level, depth: depth))
    }

    func text(_ string: String) -> String { glyphs.text(string) }

    func format(_ value: Double) -> String { numbers.format(value) }

    var numberStyle: NumberStyle { numbers.style }
}
