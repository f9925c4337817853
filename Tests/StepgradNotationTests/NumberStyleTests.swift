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
        // As a person writes them: a power of ten, never an `e−5` fragment, except in files.
        #expect(four.format(0.0000123456) == "1.23·10⁻⁵")
        #expect(four.format(0.0000123456, unicodeMinus: false) == "1.23e-5")
        #expect(four.latex(0.0000123456) == "1.23\\times10^{-5}")
        #expect(four.format(-0.00001) == "−1·10⁻⁵")
        #expect(four.format(-0.00001, unicodeMinus: false) == "-1e-5")
        #expect(four.format(0.000009999) == "1·10⁻⁵")
        #expect(four.format(1e-20) == "1·10⁻²⁰")
        #expect(NumberStyle(decimals: 2).format(0.001) == "0.001")
        #expect(four.format(0.0001) == "0.0001")
    }

    @Test func significantFiguresByDefault() {
        let style = NumberStyle()
        #expect(style.format(0.000438568) == "0.0004386")
        #expect(style.format(0.0000370123) == "3.701·10⁻⁵")
        #expect(style.latex(-0.0000370123) == "-3.701\\times10^{-5}")
        #expect(style.format(1234.5678) == "1235")
        // Digits before the point are never rounded away below a million.
        #expect(style.format(123456.7) == "123457")
        #expect(style.format(12345678) == "1.235·10⁷")
        #expect(style.format(0.5) == "0.5")
        #expect(style.format(-223.31134) == "−223.3")
        #expect(style.printed(0.5).unit == 0.0001 && style.printed(0.5).shownUnit == 0.1)
    }

    @Test func tiesRoundHalfAwayFromZeroOnTheDecimalValue() {
        // −0.50655 is −0.506549999… in binary; on paper it is a tie, rounded away from zero.
        #expect(NumberStyle().format(-0.50655) == "−0.5066")
        #expect(NumberStyle(decimals: 4).format(-0.50655) == "−0.5066")
        #expect(NumberStyle(decimals: 2).format(1.005) == "1.01")
        #expect(NumberStyle(significant: 2).format(0.0125) == "0.013")
        #expect(NumberStyle().format(9.99996) == "10")
    }

    @Test func specialValues() {
        #expect(four.format(.nan) == "NaN")
        #expect(four.format(.infinity) == "∞")
        #expect(four.format(-.infinity) == "−∞")
        #expect(NumberStyle(decimals: 40).decimals == 15)
        #expect(NumberStyle(decimals: -3).decimals == 0)
        #expect(NumberStyle().decimals == nil)
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
