import TerminalUI

/// What a piece of the screen means; themes decide how each looks.
public enum Role: String, Hashable, Sendable, CaseIterable {
    /// Ordinary text. Views fill their background with this first.
    case text
    /// Secondary text: hints, units, labels.
    case dim
    /// Panel titles and headings.
    case title
    /// What the eye should find first: the current phase, the active tab.
    case accent
    /// Panel frames.
    case border
    /// The frame and title of the panel that has focus.
    case focus
    /// The selected element (the cursor).
    case highlight
    /// Elements the selected element read.
    case readOperand
    /// Values the last step changed.
    case changed
    /// Signed numbers in text.
    case positive
    case negative
    /// NaN and ±∞ in text.
    case nan
    case error
    case warning
    case success
    /// The header and status lines.
    case statusBar
    /// Key names in hints and help.
    case key
}

/// A complete look: a style for every role plus the heatmap palette.
public struct Theme: Hashable, Sendable {
    public let name: String
    public let heatmap: HeatmapPalette
    private let styles: [Role: Style]

    /// `style` is asked once for every role, so a theme written as an exhaustive `switch` cannot
    /// miss one.
    public init(name: String, heatmap: HeatmapPalette, style: (Role) -> Style) {
        self.name = name
        self.heatmap = heatmap
        self.styles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, style($0)) })
    }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    public static let all: [Theme] = [.dark, .light, .highContrast, .mono]

    /// The theme called `name` (`dark`, `light`, `high-contrast`, `mono`), for a command-line option.
    public static func named(_ name: String) -> Theme? {
        all.first { $0.name == name.lowercased() }
    }

    /// Mono when the terminal shows no colour; light when `COLORFGBG` (set by rxvt, Konsole and
    /// others as "foreground;background") names a light background; dark otherwise.
    public static func automatic(depth: ColourDepth, environment: [String: String]) -> Theme {
        if depth == .mono { return .mono }
        let background = environment["COLORFGBG"]?.split(separator: ";").last.flatMap { Int($0) }
        return background == 7 || background == 15 ? .light : .dark
    }
}
