import TerminalUI

/// The characters the session screen draws beyond the foundation's `Glyphs`, with ASCII stand-ins,
/// and the transliteration that makes the engine's Unicode formulas (`z₂ = W₂ᵀ·a₁`) legible on a
/// terminal whose locale is not UTF-8 (`z2 = W2^T*a1`).
struct ScreenGlyphs: Hashable, Sendable {
    var base: Glyphs
    var unicode: Bool
    /// Between the phases of the ribbon.
    var ribbonSeparator: String
    /// Eight bars, lowest first, for sparklines.
    var bars: [Character]
    /// A value not yet computed at the cursor.
    var unknown: Character
    var playing: Character
    var paused: Character
    /// Filled and empty parts of a progress bar.
    var progressFull: Character
    var progressEmpty: Character
    /// An operation done.
    var done: Character
    /// A matrix's brackets, each left and right: for one row, then the top, middle and bottom rows of a taller one.
    var brackets: [String]
    /// Between the layers of the network panel: their units are not the same from one to the next.
    var layerRule: Character

    init(_ base: Glyphs, unicode: Bool) {
        self.base = base
        self.unicode = unicode
        if unicode {
            ribbonSeparator = "›"
            bars = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            unknown = "·"
            playing = "▶"
            paused = "‖"
            progressFull = "█"
            progressEmpty = "░"
            done = "✓"
            brackets = ["[]", "⎡⎤", "⎢⎥", "⎣⎦"]
            layerRule = "┊"
        } else {
            ribbonSeparator = ">"
            bars = ["_", ".", "-", "~", "=", "+", "*", "#"]
            unknown = "."
            playing = ">"
            paused = "="
            progressFull = "#"
            progressEmpty = "."
            done = "+"
            brackets = ["[]", "[]", "||", "[]"]
            layerRule = ":"
        }
    }

    /// The left and right bracket of row `row` of a matrix `height` rows tall.
    func brackets(row: Int, of height: Int) -> (left: Character, right: Character) {
        let pair = brackets[height == 1 ? 0 : row == 0 ? 1 : row == height - 1 ? 3 : 2]
        return (pair.first ?? "[", pair.last ?? "]")
    }

    /// `text` as this terminal can show it: unchanged in a UTF-8 locale, else with every
    /// character the formulas use spelled in ASCII and anything else left to `Grid` (`?`).
    func text(_ text: String) -> String {
        guard !unicode, text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            if character.isASCII {
                out.append(character)
            } else if character == "Σ" {
                // A sum's index follows it (Σᵢ → sum_i); anything else gets a blank (Σy → sum y).
                let indexed = i + 1 < characters.count && Self.subscripts.contains(characters[i + 1])
                out += indexed ? "sum" : "sum "
            } else {
                out += Self.ascii[character] ?? "?"
            }
        }
        return out
    }

    private static let subscripts: Set<Character> = ["ₛ", "ᵢ"]

    private static let ascii: [Character: String] = {
        var map: [Character: String] = [
            "·": "*", "−": "-", "′": "'", "ᵀ": "^T", "ŷ": "y^", "⊙": "(.)", "ₛ": "_s", "ᵢ": "_i",
            "η": "eta", "μ": "mu", "λ": "lambda", "β": "beta", "ε": "eps", "σ": "sigma", "√": "sqrt", "ℓ": "l",
            "²": "^2", "½": "1/2", "∞": "inf", "…": "...", "→": "->", "←": "<-", "↑": "^", "↓": "v",
            "›": ">", "×": "x", "±": "+/-", "∂": "d", "≈": "~", "≠": "!=", "✓": "ok", "✗": "X", "“": "\"", "”": "\"",
            "‘": "'", "’": "'", "—": "-", "–": "-", "▶": ">", "‖": "=",
        ]
        for (digit, sub) in zip("0123456789", "₀₁₂₃₄₅₆₇₈₉") { map[sub] = String(digit) }
        return map
    }()
}
