import StepgradEngine
import StepgradNotation
import Testing

@Suite struct NumberStyleTests {
    let four = NumberStyle(decimals: 4)

    @Test func fixedDecimalsWithoutTrailingZeros() {
        #expect(four.format(0.5) == "0.5")
        #expect(four.format(2) == "2")
        #expect(four.format(-1.4) == "−1.4")
        #expect(four.format(-1.4, unicodeMinus: false) == "-1.4")
        #expect(four.format(0.29837110876) == "0.2984")
        #expect(four.format(1234.56789) == "1234.5679")
        #expect(NumberStyle(decimals: 2).format(1234.56789) == "1234.57")
        #expect(four.format(0.99996) == "1")
        #expect(four.format(-0.0) == "0")
    }

    @Test func roundsHalfAwayFromZeroAsOnPaper() {
        #expect(NumberStyle(decimals: 2).format(0.125) == "0.13")
        #expect(NumberStyle(decimals: 2).format(-0.125) == "−0.13")
        #expect(NumberStyle(decimals: 0).format(2.5) == "3")
        #expect(NumberStyle(decimals: 0).format(-2.5) == "−3")
    }

    @Test func tinyValuesAreNotShownAsZero() {
        // Every minus sign follows the notation, the exponent's too.
        #expect(four.format(0.0000123456) == "1.23e−5")
        #expect(four.format(0.0000123456, unicodeMinus: false) == "1.23e-5")
        #expect(four.format(-0.00001) == "−1e−5")
        #expect(four.format(-0.00001, unicodeMinus: false) == "-1e-5")
        #expect(four.format(0.000009999) == "1e−5")
        #expect(four.format(1e-20) == "1e−20")
        #expect(NumberStyle(decimals: 2).format(0.001) == "1e−3")
        #expect(four.format(0.0001) == "0.0001")
    }

    @Test func specialValues() {
        #expect(four.format(.nan) == "NaN")
        #expect(four.format(.infinity) == "∞")
        #expect(four.format(-.infinity) == "−∞")
        #expect(NumberStyle(decimals: 40).decimals == 15)
        #expect(NumberStyle(decimals: -3).decimals == 0)
    }

    @Test func expressionsParenthesiseOnlyWhereNeeded() {
        let e = Expression.difference(.number(3), .difference(.number(1), .number(-2)))
        #expect(e.rendered() == "3 − (1 − (−2))")
        #expect(Expression.product([.number(2), .sum([.number(1), .number(0.5)])]).rendered() == "2·(1 + 0.5)")
        #expect(Expression.square(.number(-3)).rendered() == "(−3)²")
        #expect(Expression.call(.exp, [.number(2)]).rendered() == "e^2")
        #expect(Expression.call(.sqrt, [.number(0.25)]).rendered(.latex) == "\\sqrt{0.25}")
        #expect(Expression.quotient(.number(1), .number(4)).rendered(.latex) == "\\frac{1}{4}")
    }
}
