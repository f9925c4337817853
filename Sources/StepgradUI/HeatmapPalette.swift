import TerminalUI

/// The colours of a theme's heatmap, and how they degrade with the terminal's colour depth.
public struct HeatmapPalette: Hashable, Sendable {
    /// Hues for terminals with colour; `nil` for a monochrome theme.
    public struct Hues: Hashable, Sendable {
        /// The background the scale blends from (zero itself stays plain).
        public var neutral: Colour
        public var positive: Colour
        public var negative: Colour
        /// A hue used for nothing else, so NaN is never mistaken for a value.
        public var nan: Colour

        public init(neutral: Colour, positive: Colour, negative: Colour, nan: Colour) {
            self.neutral = neutral
            self.positive = positive
            self.negative = negative
            self.nan = nan
        }
    }

    public var hues: Hues?

    public init(hues: Hues?) { self.hues = hues }

    public static let monochrome = HeatmapPalette(hues: nil)

    /// The share of its hue even the smallest non-zero value shows. Without it small values of
    /// either sign are near-neutral greys, and quantising to 256 colours turns them into the very
    /// same grey: the sign would be lost. Zero itself stays plain.
    public static let minimumTint = 0.4

    /// The style of a cell showing a value at `level`. With 256 or more colours the background
    /// blends from neutral to the sign's hue by intensity (from `minimumTint` up); with 8/16
    /// colours only sign (and, with 16, strong versus weak) survive; without colour only attributes
    /// do. Below 256 colours views add `Glyphs.heatMarker` so the magnitude is still readable.
    /// Infinities are bold and underlined and NaN is bold on its own hue (reversed without colour)
    /// at every depth.
    public func style(for level: HeatLevel, depth: ColourDepth) -> Style {
        guard let hues, depth > .mono else { return Self.monoStyle(for: level) }
        if level == .zero { return .plain }
        let background: Colour
        switch (level, depth) {
        case (.nan, _):
            background = depth.showsMagnitudeInColour ? hues.nan : Colour.ANSI.magenta.colour
        case (_, .trueColour), (_, .palette256):
            let hue = Self.isPositive(level) ? hues.positive : hues.negative
            background = hues.neutral.mixed(with: hue, Self.minimumTint + (1 - Self.minimumTint) * level.intensity)
        case (_, .ansi16) where level.intensity > 0.5:
            background = (Self.isPositive(level) ? Colour.ANSI.brightBlue : .brightRed).colour
        default:
            background = (Self.isPositive(level) ? Colour.ANSI.blue : .red).colour
        }
        return Style(foreground: background.contrastingText, background: background, attributes: Self.emphasis(level))
    }

    private static func monoStyle(for level: HeatLevel) -> Style {
        switch level {
        case .nan: Style(attributes: [.reverse, .bold])
        case .positive(let t), .negative(let t): Style(attributes: t > 0.5 ? .bold : [])
        default: Style(attributes: emphasis(level))
        }
    }

    private static func emphasis(_ level: HeatLevel) -> TextAttributes {
        switch level {
        case .positiveInfinity, .negativeInfinity: [.bold, .underline]
        case .nan: .bold
        default: []
        }
    }

    private static func isPositive(_ level: HeatLevel) -> Bool {
        switch level {
        case .positive, .positiveInfinity: true
        default: false
        }
    }
}
