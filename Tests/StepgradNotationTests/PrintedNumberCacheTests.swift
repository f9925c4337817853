import StepgradEngine
@testable import StepgradNotation
import Testing

/// Printed numbers are kept in a table of slots, one number a slot: a number pushed out of its
/// slot by another, or sharing its bits with one printed to other figures, is printed the same.
@Suite struct PrintedNumberCacheTests {
    @Test func aNumberPushedOutOfItsSlotIsPrintedTheSameAgain() {
        let style = NumberStyle(), a = 0.123_456_789
        #expect(style.printed(a).ascii == "0.1235")
        let slot = PrintedNumber.Cache.index(a.bitPattern, style.precision)
        var b = 1.0
        while PrintedNumber.Cache.index(b.bitPattern, style.precision) != slot { b = b.nextUp }
        #expect(style.printed(b).ascii == "1")
        #expect(style.printed(a).ascii == "0.1235")
        #expect(style.printed(b).ascii == "1")
    }

    @Test func theSameBitsToOtherFiguresAreAnotherNumber() {
        let a = -0.987_654_321
        for _ in 0..<2 {
            #expect(NumberStyle(significant: 2).printed(a).ascii == "-0.99")
            #expect(NumberStyle().printed(a).ascii == "-0.9877")
            #expect(NumberStyle(decimals: 2).printed(a).ascii == "-0.99")
            #expect(NumberStyle(decimals: 4).printed(a).ascii == "-0.9877")
            #expect(NumberStyle(decimals: 2).printed(a).unit == 0.01)
            #expect(NumberStyle(significant: 2).printed(a).unit == 0.01)
        }
    }
}
