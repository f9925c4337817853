import TerminalUI

/// The colours of a theme's heatmap, and how they degrade with the terminal's colour depth.
///
/// Each sign has a ramp from the neutral colour of zero to its hue, drawn in OKLab so that
/// lightness moves one way only as the magnitude grows (lighter on a dark theme, darker on a
/// light one): 0.2 reads as between 0.1 and 0.3, never as another category. For 256 colours
/// each ramp is quantised once to the nearest palette entries that keep that order; for 16 only
/// sign and strong versus weak survive (in the same order), for 8 only sign. The digits on a cell
/// are black or white, whichever contrasts more with the colour the terminal shows: at least
/// 4.5:1 (WCAG) on every cell.
public struct HeatmapPalette: Hashable, Sendable {
    /// Hues for terminals with colour; `nil` for a monochrome theme.
    public struct Hues: Hashable, Sendable {
        /// The background of zero, which the ramps start from.
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

    public let hues: Hues?
    /// Each ramp quantised to the 256-colour palette, weakest first.
    private let positive256: [Colour]
    private let negative256: [Colour]
    private let neutral256: Colour?
    /// Each ramp's cells at 24-bit colour, `stepsTrue` of them, weakest first, their digits'
    /// colour chosen: blending in OKLab and measuring contrast cell by cell would cost a large
    /// matrix's frame more than all the rest of it.
    private let positiveTrue: [Style]
    private let negativeTrue: [Style]

    public init(hues: Hues?) {
        self.hues = hues
        guard let hues else {
            (positive256, negative256, neutral256, positiveTrue, negativeTrue) = ([], [], nil, [], [])
            return
        }
        let neutral = Self.nearest256(to: hues.neutral, among: Self.palette256)
        neutral256 = neutral
        positive256 = Self.quantised(Self.ramp(from: hues.neutral, to: hues.positive), from: neutral)
        negative256 = Self.quantised(Self.ramp(from: hues.neutral, to: hues.negative), from: neutral)
        // Rounded to whole sRGB values a blend can step back by a hair; such a step takes the one
        // after it, so that the ramp ends on the hue itself.
        func cells(_ hue: Colour) -> [Style] {
            let lighter = hue.oklab.L > hues.neutral.oklab.L
            var next = hue
            return Self.ramp(from: hues.neutral, to: hue, steps: Self.stepsTrue).reversed().map { colour in
                let (l, n) = (colour.oklab.L, next.oklab.L)
                if lighter ? l <= n : l >= n { next = colour }
                return Style(foreground: next.legibleText, background: next)
            }.reversed()
        }
        positiveTrue = cells(hues.positive)
        negativeTrue = cells(hues.negative)
    }

    public static let monochrome = HeatmapPalette(hues: nil)

    /// The share of its hue even the smallest non-zero value shows, so that its sign is never
    /// lost in a grey next to zero.
    public static let minimumTint = 0.4
    /// Steps of a ramp on a 256-colour terminal.
    static let steps256 = 10
    /// Steps of a ramp at 24-bit colour: more than the eye tells apart.
    static let stepsTrue = 256

    /// The style of a cell showing a value at `level`. Infinities are bold and underlined and NaN
    /// is bold on its own hue (reversed without colour) at every depth; without colour only
    /// attributes are left and views add `Glyphs.heatMarker`, as they do below 256 colours.
    public func style(for level: HeatLevel, depth: ColourDepth) -> Style {
        guard let hues, depth > .mono else { return Self.monoStyle(for: level) }
        let background: Colour?
        switch (level, depth) {
        case (.zero, .trueColour):
            background = hues.neutral
        case (.zero, .palette256):
            background = neutral256
        case (.zero, _):
            // Zero is a value, not the page: the ANSI grey at the start of both ramps, black where
            // they grow lighter and white where they grow darker (the nearest to a theme's own
            // neutral grey may sit between a ramp's steps, as high contrast's does).
            background = (hues.positive.oklab.L > hues.neutral.oklab.L ? Colour.ANSI.black : .white).colour
        case (.nan, _):
            background = depth.showsMagnitudeInColour ? hues.nan : Colour.ANSI.magenta.colour
        case (_, .trueColour):
            let ramp = Self.isPositive(level) ? positiveTrue : negativeTrue
            return ramp[Self.step(level.intensity, of: ramp.count)].patched(with: Style(attributes: Self.emphasis(level)))
        case (_, .palette256):
            let ramp = Self.isPositive(level) ? positive256 : negative256
            background = ramp[Self.step(level.intensity, of: ramp.count)]
        case (_, .ansi16):
            // Strong is the bright colour on a dark theme, the normal one on a light theme: lightness keeps its direction.
            let strong = level.intensity > 0.5, lighter = hues.neutral.oklab.L < hues.positive.oklab.L
            let bright = strong == lighter
            background = (Self.isPositive(level) ? (bright ? Colour.ANSI.brightBlue : .blue)
                                                 : (bright ? .brightRed : .red)).colour
        default:
            background = (Self.isPositive(level) ? Colour.ANSI.blue : .red).colour
        }
        guard let background else { return Style(attributes: Self.emphasis(level)) }
        let shown = background.shown(at: depth) ?? background
        return Style(foreground: shown.legibleText, background: background, attributes: Self.emphasis(level))
    }

    /// How far along the ramp a magnitude `t` (0…1) sits.
    static func tint(_ t: Double) -> Double { minimumTint + (1 - minimumTint) * t }

    /// The ramp from `neutral` to `hue` in OKLab, in `steps` steps.
    private static func ramp(from neutral: Colour, to hue: Colour, steps: Int = steps256) -> [Colour] {
        (1...steps).map { neutral.blended(with: hue, tint(Double($0) / Double(steps))) }
    }

    /// The step of a ramp of `count` showing magnitude `t` (0…1): the first step covers (0, 1/count].
    private static func step(_ t: Double, of count: Int) -> Int {
        min(max(Int((t * Double(count)).rounded(.up)) - 1, 0), count - 1)
    }

    /// The cube and grey ramp of the 256-colour palette (the first 16 are the user's to change).
    private static let palette256 = (16..<256).map { Colour(palette256: $0) }

    /// The nearest palette entries to `ramp`, each no nearer to zero's lightness than the one
    /// before it, and never a grey, so that the order of magnitudes and the sign survive.
    private static func quantised(_ ramp: [Colour], from neutral: Colour) -> [Colour] {
        let start = neutral.oklab.L
        let lighter = (ramp.last?.oklab.L ?? start) > start
        let hued = palette256.filter { let c = $0.oklab; return c.a * c.a + c.b * c.b > 0.03 * 0.03 }
        var previous = start
        return ramp.map { target in
            let allowed = hued.filter { lighter ? $0.oklab.L >= previous : $0.oklab.L <= previous }
            let chosen = nearest256(to: target, among: allowed.isEmpty ? hued : allowed)
            previous = chosen.oklab.L
            return chosen
        }
    }

    /// The candidate nearest to `target`, hue and chroma counting three times as much as lightness
    /// (whose order the caller keeps): a ramp of blues must not pass through a purple.
    private static func nearest256(to target: Colour, among candidates: [Colour]) -> Colour {
        let t = target.oklab
        func distance(_ c: Colour) -> Double {
            let o = c.oklab
            return (o.L - t.L) * (o.L - t.L) + 3 * ((o.a - t.a) * (o.a - t.a) + (o.b - t.b) * (o.b - t.b))
        }
        return candidates.min { distance($0) < distance($1) } ?? target
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
