import StepgradEngine
import StepgradNotation
import TerminalUI

/// How `stepgrad open` asked the screen to look.
public struct ScreenOptions: Sendable {
    public var theme: Theme
    public var capabilities: TerminalCapabilities
    /// Presentation mode: fewer, larger panels, the formula prominent, for a projector.
    public var presenting: Bool
    /// Decimal places forced on every number shown (`--decimals`); `nil`, the default, for the
    /// numbers of `explain`: significant figures, each line of arithmetic adding up as printed.
    public var decimals: Int?

    public init(theme: Theme, capabilities: TerminalCapabilities, presenting: Bool = false, decimals: Int? = nil) {
        self.theme = theme
        self.capabilities = capabilities
        self.presenting = presenting
        self.decimals = decimals
    }

    /// How the screen writes numbers: as `explain` does, unless decimals are forced.
    public var numberStyle: NumberStyle { decimals.map(NumberStyle.init(decimals:)) ?? NumberStyle() }

    /// The theme used when none is named: high contrast for presenting (mono when the terminal
    /// has no colour), else what the terminal suggests (`Theme.automatic`).
    public static func defaultTheme(presenting: Bool, depth: ColourDepth, environment: [String: String]) -> Theme {
        if presenting && depth > .mono { return .highContrast }
        return .automatic(depth: depth, environment: environment)
    }
}
