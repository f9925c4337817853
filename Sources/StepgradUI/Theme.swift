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
    /// The colours of a terminal this theme is meant for, standing in for the terminal's own
    /// wherever a style leaves them open.
    public let terminalForeground: Colour
    public let terminalBackground: Colour
    private let styles: [Role: Style]
    /// The styles as drawn at each colour depth: where the colours a terminal of that depth shows
    /// would put text below 4.5:1 contrast (WCAG), the text is black or white instead.
    private let legibleStyles: [ColourDepth: [Role: Style]]

    /// `style` is asked once for every role, so a theme written as an exhaustive `switch` cannot
    /// miss one.
    public init(name: String, heatmap: HeatmapPalette, terminal: (foreground: Colour, background: Colour),
                style: (Role) -> Style) {
        self.name = name
        self.heatmap = heatmap
        (terminalForeground, terminalBackground) = terminal
        let styles = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, style($0)) })
        self.styles = styles
        var legible: [ColourDepth: [Role: Style]] = [:]
        for depth in ColourDepth.allCases {
            legible[depth] = styles.mapValues { Self.legible($0, depth: depth, terminal: terminal) }
        }
        legibleStyles = legible
    }

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// The style of `role` as drawn at `depth`.
    public func style(_ role: Role, depth: ColourDepth) -> Style { legibleStyles[depth]?[role] ?? self[role] }

    /// The foreground and background a terminal of `depth` shows for `style`, reverse video applied.
    public func shownColours(_ style: Style, depth: ColourDepth) -> (foreground: Colour, background: Colour) {
        let foreground = style.foreground.flatMap { $0.shown(at: depth) } ?? terminalForeground
        let background = style.background.flatMap { $0.shown(at: depth) } ?? terminalBackground
        return style.attributes.contains(.reverse) ? (background, foreground) : (foreground, background)
    }

    /// `style` with its text black or white where its colours, as a terminal of `depth` shows them,
    /// would not reach 4.5:1; for styles made of several roles' (a role's text on the status bar).
    func legible(_ style: Style, depth: ColourDepth) -> Style {
        Self.legible(style, depth: depth, terminal: (terminalForeground, terminalBackground))
    }

    private static func legible(_ style: Style, depth: ColourDepth, terminal: (foreground: Colour, background: Colour)) -> Style {
        guard depth > .mono, style.foreground != nil || style.background != nil else { return style }
        let foreground = style.foreground.flatMap { $0.shown(at: depth) } ?? terminal.foreground
        let background = style.background.flatMap { $0.shown(at: depth) } ?? terminal.background
        guard foreground.contrast(with: background) < 4.5 else { return style }
        var legible = style
        if style.attributes.contains(.reverse) { legible.background = foreground.legibleText } else { legible.foreground = background.legibleText }
        return legible
    }

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
