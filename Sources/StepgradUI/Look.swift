import StepgradEngine

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

/// Numbers as the screen writes them, remembered: formatting a number is the dearest part of a
/// frame, and the same values are drawn frame after frame and measured for several layouts in one.
/// Texts are kept across frames (up to a bound); widths of matrices only within a frame
/// (`newFrame()`), as a quantity's matrix changes from one iteration to the next.
final class NumberText {
    struct Key: Hashable {
        var quantity: Quantity
        var transposed: Bool
        var columnRange: Range<Int>
        var rows: Range<Int>
        var columns: Range<Int>
    }

    let style: NumberStyle
    let glyphs: ScreenGlyphs
    private var texts: [UInt64: String] = [:]
    private var widths: [Key: Int] = [:]
    static let textsKept = 1 << 16

    init(style: NumberStyle, glyphs: ScreenGlyphs) {
        self.style = style
        self.glyphs = glyphs
    }

    func format(_ value: Double) -> String {
        if let known = texts[value.bitPattern] { return known }
        if texts.count >= Self.textsKept { texts.removeAll(keepingCapacity: true) }
        let text = glyphs.text(style.format(value))
        texts[value.bitPattern] = text
        return text
    }

    /// The width of a part of a matrix's numbers, measured once a frame.
    func width(_ key: Key, measure: () -> Int) -> Int {
        if let known = widths[key] { return known }
        let width = measure()
        widths[key] = width
        return width
    }

    func newFrame() { widths.removeAll(keepingCapacity: true) }
}
