extension String {
    /// Plain text (titles, notes) made safe for pdflatex: TeX's special characters escaped and the
    /// Unicode mathematics the engine writes (ŷ, −, ·, subscripts) set as math, since pdflatex
    /// stops at characters its fonts do not have.
    var latexText: String {
        var text = "", math = "", inSubscript = false
        func flush() {
            if !math.isEmpty { text += "$\(math)$" }
            math = ""
        }
        for character in self {
            if let sub = Self.subscripts[character] {
                // W₁₂ is W_{12}, not a double subscript.
                if inSubscript { math.removeLast() } else { math += "_{" }
                math += sub + "}"
                inSubscript = true
                continue
            }
            inSubscript = false
            if let command = Self.latexMath[character] {
                math += command
            } else {
                flush()
                text += Self.latexEscapes[character] ?? String(character)
            }
        }
        flush()
        return text
    }

    private static let latexEscapes: [Character: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#",
        "%": "\\%", "_": "\\_", "^": "\\^{}", "~": "\\~{}",
    ]

    private static let latexMath: [Character: String] = [
        "→": "\\to ", "−": "-", "·": "\\cdot ", "×": "\\times ", "Σ": "\\Sigma ", "η": "\\eta ", "μ": "\\mu ",
        "λ": "\\lambda ", "β": "\\beta ", "ε": "\\varepsilon ", "ŷ": "\\hat{y}", "ᵀ": "^{T}", "′": "'",
        "²": "^{2}", "⊙": "\\odot ", "∞": "\\infty ", "ℓ": "\\ell ", "∂": "\\partial ", "√": "\\surd ",
        // The default OT1 text fonts have no |, < or > (they print —, ¡ and ¿).
        "|": "|", "<": "<", ">": ">",
        "≠": "\\neq ", "≈": "\\approx ", "≤": "\\leq ", "≥": "\\geq ", "⇒": "\\Rightarrow ",
    ]

    private static let subscripts: [Character: String] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "ₛ": "s", "ᵢ": "i",
    ]
}
