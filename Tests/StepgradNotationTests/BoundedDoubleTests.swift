import Foundation
@testable import StepgradNotation
import StepgradEngine
import Testing

/// `BoundedDouble` lets a line skip the decimal arithmetic where its bound decides: its value must
/// be the Double arithmetic's to the bit, the decimal arithmetic's value must lie within its bound,
/// and so a line must add up with it exactly when it does in decimal.
@Suite struct BoundedDoubleTests {
    typealias Expression = StepgradEngine.Expression

    /// Steps of the shapes lines have: sums of products, softmax's quotient of powers, the loss's
    /// logarithms, sigmoid, relu's max, a quotient of two numbers, a difference over a divisor.
    private static let shapes: [Expression] = {
        let n = Expression.number(0)
        let e = Expression.call(.exp, [n]), ln = Expression.call(.ln, [n])
        return [
            .sum([.product([n, n]), .product([n, n]), n]),
            .quotient(e, .sum([e, e, e])),
            .quotient(n, n),
            .negation(.sum([.product([n, ln]), .product([n, ln])])),
            .call(.sigmoid, [n]),
            .call(.max, [n, n]),
            .quotient(.difference(n, n), n),
            .difference(n, .product([n, .quotient(n, .sum([e, n]))])),
            .square(.difference(n, n)),
            .sum([.product([n, e]), .negation(e), ln, .call(.max, [n, e])]),
        ]
    }()

    /// Numbers as lines print them: a few significant figures, of either sign, over a wide range.
    private static func number(_ random: inout SplitMix64) -> Double {
        let figures = 1 + Int(random.next() % 6), power = Int(random.next() % 9) - 4
        let mantissa = (random.nextUnit() * 2 - 1) * pow(10, Double(figures))
        let printed = Double("\(mantissa.rounded())e\(power - figures)")!
        return random.next() % 16 == 0 ? 0 : printed
    }

    private static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || a.isNaN && b.isNaN }

    @Test func theValueIsTheDoublesAndTheDecimalLiesWithinTheBound() {
        var random = SplitMix64(seed: 29)
        var bounded = 0
        for shape in Self.shapes {
            for _ in 0..<2000 {
                let numbers = shape.numbers.map { _ in Self.number(&random) }
                let b = shape.value(numbers: numbers.map(BoundedDouble.init(number:)))
                #expect(Self.same(b.value, shape.value(numbers: numbers)), "\(shape) \(numbers)")
                guard b.isBounded else { continue }
                bounded += 1
                let decimal = shape.value(numbers: numbers.map { WideDecimal($0) })
                // The decimal read from the Double is within half its last place of it.
                let allowed = WideDecimal(b.bound + abs(b.value) * 0x1p-53)
                #expect(!decimal.isNaN && (decimal - WideDecimal(b.value)).magnitude <= allowed, "\(shape) \(numbers)")
            }
        }
        // Most steps without a quotient are bounded: otherwise the test says nothing.
        #expect(bounded > Self.shapes.count * 2000 / 3)
    }

    /// Results printed to a few figures and to one more or less, so that many a line is a near tie,
    /// judged by the bound and by the decimal arithmetic alone.
    @Test func aLineAddsUpWithTheBoundExactlyWhenItDoesInDecimal() {
        var random = SplitMix64(seed: 31)
        for shape in Self.shapes {
            for _ in 0..<1500 {
                let numbers = shape.numbers.map { _ in Self.number(&random) }
                let value = shape.value(numbers: numbers)
                guard value.isFinite else { continue }
                for figures in 1...6 {
                    let result = NumberStyle(significant: figures).printed(value)
                    let decimal = shape.value(numbers: numbers.map { WideDecimal($0) })
                    let inDecimal = !decimal.isNaN && (decimal - WideDecimal(result.value)).magnitude <= WideDecimal(0.5 * result.unit)
                    #expect(LinePrecision.addsUp(shape, numbers: numbers, to: result, within: result.unit) == inDecimal,
                            "\(shape) \(numbers) \(result.ascii)")
                }
            }
        }
    }

    /// Where the decimal arithmetic has no value (a quotient by zero, ln of a negative number) or the
    /// Double none that relative bounds hold (e^x overflowing or vanishing), there is no bound.
    @Test func noBoundWhereEitherArithmeticFails() {
        func bounded(_ e: Expression, _ numbers: [Double]) -> Bool {
            e.value(numbers: numbers.map(BoundedDouble.init(number:))).isBounded
        }
        #expect(!bounded(.quotient(.number(0), .number(0)), [1, 0]))
        // Decimal's quotients can be further off than the Double's (see BoundedDouble).
        #expect(!bounded(.quotient(.number(0), .number(0)), [1, 3]) && !bounded(.call(.sigmoid, [.number(0)]), [0.5]))
        #expect(!bounded(.call(.ln, [.number(0)]), [-1]))
        #expect(!bounded(.call(.ln, [.number(0)]), [0]))
        #expect(!bounded(.call(.exp, [.number(0)]), [800]))
        #expect(!bounded(.call(.exp, [.number(0)]), [-800]))
        #expect(!bounded(.call(.tanh, [.number(0)]), [0.5]))
        #expect(!bounded(.call(.ln, [.sum([.number(0), .number(0)])]), [1, 1e-20]))
        #expect(bounded(.call(.exp, [.number(0)]), [700]) && bounded(.call(.ln, [.number(0)]), [1e-300]))
    }
}
