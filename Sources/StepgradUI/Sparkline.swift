/// A row of bars for a series, lowest value the lowest bar: the loss over the iterations.
enum Sparkline {
    /// The last `width` values (or all, if fewer) as bars; a value that is not finite shows as `?`.
    static func bars(_ values: [Double], width: Int, glyphs: ScreenGlyphs) -> String {
        let shown = values.suffix(max(width, 0))
        let finite = shown.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return String(repeating: "?", count: shown.count) }
        let top = glyphs.bars.count - 1
        return String(shown.map { v -> Character in
            guard v.isFinite else { return "?" }
            guard high > low else { return glyphs.bars[top / 2] }
            return glyphs.bars[Int(((v - low) / (high - low) * Double(top)).rounded())]
        })
    }
}
