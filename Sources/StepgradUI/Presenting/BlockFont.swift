import TerminalUI

/// A pixel font for writing a formula large enough to read from the back of a room: each
/// character a small bitmap on a grid of eight pixel rows (an accent row, five rows of capitals
/// and digits, two below the baseline for descenders and subscripts), drawn with half-block
/// characters so that a pixel is about square, `scale` columns wide and `scale` half-rows high.
///
/// Subscripts are the same digits and letters set two pixels lower, superscripts (ᵀ, ², ′) small
/// marks in the accent row: `z₂[1]` stays `z₂[1]`, not `z2[1]`.
enum BlockFont {
    /// Pixel rows of a line of text: terminal rows are `height * scale / 2`.
    static let height = 8

    struct Glyph {
        /// Lit pixels, row by row from `top`, `#` lit.
        var rows: [String]
        var top: Int
        var width: Int { rows.map(\.count).max() ?? 0 }
    }

    /// The glyph for `character`; an unknown character is a hollow box, so that nothing is silently dropped.
    static func glyph(_ character: Character) -> Glyph {
        if let glyph = glyphs[character] { return glyph }
        if let base = subscripts[character], let glyph = glyphs[base] { return Glyph(rows: glyph.rows, top: glyph.top + 2) }
        return Glyph(rows: ["###", "#.#", "#.#", "#.#", "###"], top: 1)
    }

    /// Pixel columns `text` takes: each glyph and one blank pixel after all but the last.
    static func width(_ text: String) -> Int {
        max(text.reduce(0) { $0 + glyph($1).width + 1 } - 1, 0)
    }

    /// Terminal columns and rows `text` takes at `scale`.
    static func size(_ text: String, scale: Int) -> Size {
        Size(width: width(text) * scale, height: rows(scale: scale))
    }

    static func rows(scale: Int) -> Int { (height * scale + 1) / 2 }

    /// Draws `text` with its top-left corner at (`x`, `y`), clipped to `clip`. With `unicode`, two
    /// pixel rows share a cell as `▀`, `▄` or `█`; without, a cell with any lit pixel is `#`.
    static func draw(_ text: String, scale: Int, x: Int, y: Int, style: Style, unicode: Bool, clip: Rect,
                     into grid: inout Grid) {
        let pixelWidth = width(text)
        guard pixelWidth > 0, scale > 0 else { return }
        // The text as one bitmap of pixel rows, then each pixel widened to `scale` columns and `scale` half-rows.
        var lit = Array(repeating: Array(repeating: false, count: pixelWidth), count: height)
        var left = 0
        for character in text {
            let glyph = glyph(character)
            for (r, row) in glyph.rows.enumerated() where glyph.top + r < height {
                for (c, pixel) in row.enumerated() where pixel == "#" { lit[glyph.top + r][left + c] = true }
            }
            left += glyph.width + 1
        }
        func isLit(halfRow: Int, column: Int) -> Bool {
            let row = halfRow / scale
            return row < height && lit[row][column / scale]
        }
        for cellRow in 0..<rows(scale: scale) {
            for column in 0..<(pixelWidth * scale) {
                let top = isLit(halfRow: 2 * cellRow, column: column)
                let bottom = isLit(halfRow: 2 * cellRow + 1, column: column)
                guard top || bottom, clip.contains(x: x + column, y: y + cellRow) else { continue }
                let mark: Character = !unicode ? "#" : top && bottom ? "█" : top ? "▀" : "▄"
                grid[x + column, y + cellRow] = GridCell(mark, style: style)
            }
        }
    }

    private static let subscripts: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "ₐ": "a", "ₑ": "e", "ₕ": "h", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₒ": "o",
        "ₚ": "p", "ᵣ": "r", "ₛ": "s", "ₜ": "t", "ᵤ": "u", "ᵥ": "v", "ₓ": "x", "₊": "+", "₋": "−",
    ]

    /// Capitals and digits in rows 1–5, small letters in rows 2–5 (ascenders from 1, descenders to 6).
    private static let glyphs: [Character: Glyph] = {
        var g: [Character: Glyph] = [:]
        func add(_ characters: String, top: Int, _ rows: String...) {
            for c in characters { g[c] = Glyph(rows: rows, top: top) }
        }
        add("0", top: 1, "###", "#.#", "#.#", "#.#", "###")
        add("1", top: 1, ".#.", "##.", ".#.", ".#.", "###")
        add("2", top: 1, "###", "..#", "###", "#..", "###")
        add("3", top: 1, "###", "..#", ".##", "..#", "###")
        add("4", top: 1, "#.#", "#.#", "###", "..#", "..#")
        add("5", top: 1, "###", "#..", "###", "..#", "###")
        add("6", top: 1, "###", "#..", "###", "#.#", "###")
        add("7", top: 1, "###", "..#", "..#", ".#.", ".#.")
        add("8", top: 1, "###", "#.#", "###", "#.#", "###")
        add("9", top: 1, "###", "#.#", "###", "..#", "###")
        add(" ", top: 1, "..")
        add(".", top: 5, "#")
        add(",", top: 5, ".#", "#.")
        add(":", top: 2, "#", ".", ".", "#")
        add(";", top: 2, ".#", "..", ".#", "#.")
        add("=", top: 2, "###", "...", "###")
        add("+", top: 2, ".#.", "###", ".#.")
        add("−-", top: 3, "###")
        add("·", top: 3, "#")
        add("*×", top: 2, "#.#", ".#.", "#.#")
        add("/", top: 1, "..#", "..#", ".#.", "#..", "#..")
        add("(", top: 1, ".#", "#.", "#.", "#.", ".#")
        add(")", top: 1, "#.", ".#", ".#", ".#", "#.")
        add("[", top: 1, "##", "#.", "#.", "#.", "##")
        add("]", top: 1, "##", ".#", ".#", ".#", "##")
        add("{", top: 1, ".##", ".#.", "#..", ".#.", ".##")
        add("}", top: 1, "##.", ".#.", "..#", ".#.", "##.")
        add("|‖", top: 1, "#", "#", "#", "#", "#")
        add("<", top: 1, "..#", ".#.", "#..", ".#.", "..#")
        add(">", top: 1, "#..", ".#.", "..#", ".#.", "#..")
        add("_", top: 6, "###")
        add("…", top: 5, "#.#.#")
        add("⋯", top: 3, "#.#.#")
        add("^", top: 0, ".#.", "#.#")
        add("′'", top: 0, "#", "#")
        add("ᵀ", top: 0, "###", ".#.", ".#.")
        add("²", top: 0, "##.", ".#.", "##.")
        add("†", top: 1, ".#.", "###", ".#.", ".#.", ".#.")
        add("≈", top: 2, ".#.#", "#.#.", "....", ".#.#", "#.#.")
        add("a", top: 2, ".##", "#.#", "#.#", ".##")
        add("b", top: 1, "#..", "##.", "#.#", "#.#", "##.")
        add("c", top: 2, ".##", "#..", "#..", ".##")
        add("d", top: 1, "..#", ".##", "#.#", "#.#", ".##")
        add("e", top: 2, ".#.", "###", "#..", ".##")
        add("f", top: 1, ".##", "#..", "###", "#..", "#..")
        add("g", top: 2, ".##", "#.#", ".##", "..#", "##.")
        add("h", top: 1, "#..", "##.", "#.#", "#.#", "#.#")
        add("i", top: 1, "#", ".", "#", "#", "#")
        add("j", top: 1, ".#", "..", ".#", ".#", ".#", "#.")
        add("k", top: 1, "#..", "#.#", "##.", "#.#", "#.#")
        add("l", top: 1, "#.", "#.", "#.", "#.", ".#")
        add("m", top: 2, "####.", "#.#.#", "#.#.#", "#.#.#")
        add("n", top: 2, "##.", "#.#", "#.#", "#.#")
        add("o", top: 2, ".#.", "#.#", "#.#", ".#.")
        add("p", top: 2, "##.", "#.#", "##.", "#..", "#..")
        add("q", top: 2, ".##", "#.#", ".##", "..#", "..#")
        add("r", top: 2, "#.#", "##.", "#..", "#..")
        add("s", top: 2, ".##", "##.", "..#", "##.")
        add("t", top: 1, ".#.", "###", ".#.", ".#.", ".##")
        add("u", top: 2, "#.#", "#.#", "#.#", ".##")
        add("v", top: 2, "#.#", "#.#", "#.#", ".#.")
        add("w", top: 2, "#...#", "#.#.#", "#.#.#", ".#.#.")
        add("x", top: 2, "#.#", ".#.", ".#.", "#.#")
        add("y", top: 2, "#.#", "#.#", ".##", "..#", "##.")
        add("ŷ", top: 0, ".#.", "#.#", "#.#", "#.#", ".##", "..#", "##.")
        add("z", top: 2, "###", ".#.", "#..", "###")
        add("A", top: 1, ".#.", "#.#", "###", "#.#", "#.#")
        add("B", top: 1, "##.", "#.#", "##.", "#.#", "##.")
        add("C", top: 1, ".##", "#..", "#..", "#..", ".##")
        add("D", top: 1, "##.", "#.#", "#.#", "#.#", "##.")
        add("E", top: 1, "###", "#..", "##.", "#..", "###")
        add("F", top: 1, "###", "#..", "##.", "#..", "#..")
        add("G", top: 1, ".##", "#..", "#.#", "#.#", ".##")
        add("H", top: 1, "#.#", "#.#", "###", "#.#", "#.#")
        add("I", top: 1, "###", ".#.", ".#.", ".#.", "###")
        add("J", top: 1, "..#", "..#", "..#", "#.#", ".#.")
        add("K", top: 1, "#.#", "#.#", "##.", "#.#", "#.#")
        add("L", top: 1, "#..", "#..", "#..", "#..", "###")
        add("M", top: 1, "#...#", "##.##", "#.#.#", "#...#", "#...#")
        add("N", top: 1, "#..#", "##.#", "#.##", "#..#", "#..#")
        add("O", top: 1, ".#.", "#.#", "#.#", "#.#", ".#.")
        add("P", top: 1, "##.", "#.#", "##.", "#..", "#..")
        add("Q", top: 1, ".#.", "#.#", "#.#", "#.#", ".##")
        add("R", top: 1, "##.", "#.#", "##.", "#.#", "#.#")
        add("S", top: 1, ".##", "#..", ".#.", "..#", "##.")
        add("T", top: 1, "###", ".#.", ".#.", ".#.", ".#.")
        add("U", top: 1, "#.#", "#.#", "#.#", "#.#", "###")
        add("V", top: 1, "#.#", "#.#", "#.#", "#.#", ".#.")
        add("W", top: 1, "#...#", "#...#", "#.#.#", "#.#.#", ".#.#.")
        add("X", top: 1, "#.#", "#.#", ".#.", "#.#", "#.#")
        add("Y", top: 1, "#.#", "#.#", ".#.", ".#.", ".#.")
        add("Z", top: 1, "###", "..#", ".#.", "#..", "###")
        add("η", top: 2, "##.", "#.#", "#.#", "#.#", "..#")
        add("σ", top: 2, ".###", "#.#.", "#.#.", ".#..")
        add("Σ", top: 1, "###", "#..", ".#.", "#..", "###")
        add("∂", top: 1, ".#.", "..#", ".##", "#.#", ".#.")
        add("δ", top: 1, ".##", "#..", ".#.", "#.#", ".#.")
        add("ℓ", top: 1, ".#", "#.", "#.", "#.", ".#")
        add("∞", top: 2, ".#.#.", "#.#.#", ".#.#.")
        add("√", top: 1, "..##", "..#.", "#.#.", ".#..", ".#..")
        return g
    }()
}
