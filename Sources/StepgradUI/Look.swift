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
    /// Measuring what panels want for the iteration: every computed number and parameter as wide
    /// as a number of its magnitude written to all its figures (`MatrixFit`), as later iterations
    /// write them, so that the layout does not change when given numbers like 0.2 become 0.1427.
    var measuresAllFigures = false

    /// The role's style, legible at the terminal's colour depth.
    subscript(role: Role) -> Style { theme.style(role, depth: depth) }

    /// Whether colour alone cannot carry a heatmap's magnitude, so cells need marker characters.
    var needsHeatMarkers: Bool { theme.heatmap.hues == nil || !depth.showsMagnitudeInColour }

    /// A style made of several roles' parts, legible at the terminal's colour depth.
    func legible(_ style: Style) -> Style { theme.legible(style, depth: depth) }

    func heatStyle(_ level: HeatLevel) -> Style { heatStyle(level, on: self[.text]) }

    /// The heat style laid on `text`, the text role's style looked up once for many cells.
    func heatStyle(_ level: HeatLevel, on text: Style) -> Style {
        text.patched(with: theme.heatmap.style(for: level, depth: depth))
    }

    func text(_ string: String) -> String { glyphs.text(string) }

    func format(_ value: Double) -> String { numbers.format(value) }

    var numberStyle: NumberStyle { numbers.style }
}
