extension NumberStyle {
    /// A number as LaTeX math. pdflatex cannot typeset “∞”, and `1.2e-7` reads as a subtraction,
    /// so those become `\infty` and `1.2 \times 10^{-7}`.
    public func latex(_ v: Double) -> String {
        if v.isNaN { return "\\mathrm{NaN}" }
        if v.isInfinite { return v < 0 ? "-\\infty" : "\\infty" }
        let text = format(v, unicodeMinus: false)
        guard let e = text.firstIndex(of: "e") else { return text }
        return "\(text[..<e]) \\times 10^{\(text[text.index(after: e)...])}"
    }
}
