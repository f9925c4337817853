/// A row of bars for a series, lowest value the lowest bar: the loss over the iterations.
enum Sparkline {
    /// The values as bars, one each, or evenly spaced samples of them, first and last included,
    /// when there are more than `width`; a value that is not finite shows as `?`.
    static func bars(_ values: [Double], width: Int, glyphs: ScreenGlyphs) -> String {
        let shown = samples(values, width)
        let finite = shown.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return String(repeating: "?", count: shown.count) }
        let top = glyphs.bars.count - 1
        return String(shown.map { v -> Character in
            guard v.isFinite else { return "?" }
            guard high > low else { return glyphs.bars[top / 2] }
            return glyphs.bars[Int(((v - low) / (high - low) * Double(top)).rounded())]
        })
    }

    /// `count` values spread evenly over `values`, or all of them.
    static func samples(_ values: [Double], _ count: Int) -> [Double] {
        guard values.count > count else { return values }
        guard count > 1 else { return count == 1 ? [values[values.count - 1]] : [] }
        return (0..<count).map { values[$0 * (values.count - 1) / (count - 1)] }
    }
}
