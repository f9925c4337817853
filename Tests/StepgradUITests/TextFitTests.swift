import Testing
@testable import StepgradUI

struct TextFitTests {
    @Test func wrapsAtBlanksAndCutsLongWords() {
        #expect(TextFit.wrap("a bb ccc dddd", width: 6) == ["a bb", "ccc", "dddd"])
        #expect(TextFit.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextFit.wrap("", width: 5) == [""])
        #expect(TextFit.wrap("anything", width: 0).isEmpty)
    }

    /// Too long even wrapped: the first lines, then the end with the result.
    @Test func wrapsWithinALimit() {
        let sum = "z = 1·2 + 3·4 + 5·6 + 7·8 + 9·10 = 190"
        #expect(TextFit.wrap(sum, width: 12, maxLines: 2, ellipsis: "…") == ["z = 1·2 +", "… 9·10 = 190"])
        #expect(TextFit.wrap(sum, width: 80, maxLines: 2, ellipsis: "…") == [sum])
    }

    /// One line: the start and the value, never a cut number at the end.
    @Test func elidesTheMiddleOfAnEquation() {
        let line = "z₁[0] = 0.1·0.5 + 0.2·(−1) + (−0.5)·2 + 0.3·4 = −1.15"
        #expect(TextFit.elide(line, width: 80, ellipsis: "…") == line)
        let short = TextFit.elide(line, width: 30, ellipsis: "…")
        #expect(short == "z₁[0] = 0.1·0.5 + … = −1.15")
        #expect(short.count <= 30)
    }

    @Test func packsItemsIntoLines() {
        #expect(TextFit.pack(["a = b", "c = d", "e = f"], width: 13) == ["a = b   c = d", "e = f"])
    }

    @Test func sparklineBars() {
        let glyphs = ScreenGlyphs(.unicode, unicode: true)
        #expect(Sparkline.bars([3, 2, 1, 0], width: 10, glyphs: glyphs) == "█▆▃▁")
        #expect(Sparkline.bars([5, 5], width: 10, glyphs: glyphs) == "▄▄")
        #expect(Sparkline.bars([1, .nan, 0], width: 10, glyphs: glyphs) == "█?▁")
        #expect(Sparkline.bars([9, 1, 2], width: 2, glyphs: glyphs) == "█▁")
        #expect(Sparkline.samples(Array(0...10).map(Double.init), 3) == [0, 5, 10])
        #expect(Sparkline.bars([0, 1], width: 5, glyphs: ScreenGlyphs(.ascii, unicode: false)) == "_#")
    }

    @Test func asciiSpellsOutFormulas() {
        let ascii = ScreenGlyphs(.ascii, unicode: false)
        #expect(ascii.text("da₁ = W₂ᵀ·dz₂") == "da1 = W2^T*dz2")
        #expect(ascii.text("dz₁ = da₁ ⊙ relu′(z₁)") == "dz1 = da1 (.) relu'(z1)")
        #expect(ascii.text("L = −Σᵢ yᵢ·ln ŷᵢ") == "L = -sum_i y_i*ln y^_i")
        #expect(ascii.text("dz₂ = ŷ·Σy − y") == "dz2 = y^*sum y - y")
        #expect(ScreenGlyphs(.unicode, unicode: true).text("ŷ − y") == "ŷ − y")
    }
}
