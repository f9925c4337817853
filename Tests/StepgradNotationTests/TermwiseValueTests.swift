@testable import StepgradNotation
import StepgradEngine
import Testing

/// `TermwiseValue` keeps a sum's terms between workings; what it gives must be what working the
/// whole step gives, to the last bit, however the numbers change.
@Suite struct TermwiseValueTests {
    /// A term of a line: a product, a quotient, a function, a negation, a bare number.
    private static func term(_ k: Int) -> Expression {
        switch k % 5 {
        case 0: .product([.number(0), .number(0)])
        case 1: .quotient(.number(0), .sum([.number(0), .number(0)]))
        case 2: .call(.exp, [.number(0)])
        case 3: .negation(.product([.number(0), .number(0), .number(0)]))
        default: .number(0)
        }
    }

    private static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || a.isNaN && b.isNaN }

    @Test func aSumWorkedTermwiseIsTheWholeSumToTheBit() {
        var random = SplitMix64(seed: 11)
        for shape in [Expression.sum((0..<40).map(Self.term)), .sum([]), .sum([.number(0)]),
                      .call(.ln, [.sum([.number(0), .number(0)])]), .difference(.number(0), .number(0))] {
            let count = shape.numbers.count
            var termwise = TermwiseValue(shape)
            var numbers = (0..<count).map { _ in random.nextUnit() * 4 - 2 }
            for _ in 0..<300 {
                #expect(Self.same(termwise.value(numbers: numbers), shape.value(numbers: numbers)))
                guard count > 0 else { break }
                // One or two numbers change, now and then to a sign of zero, a NaN or a huge value.
                for _ in 0..<(1 + Int(random.next() % 2)) {
                    let i = Int(random.next() % UInt64(count))
                    switch random.next() % 8 {
                    case 0: numbers[i] = numbers[i] == 0 ? -numbers[i] : 0
                    case 1: numbers[i] = .nan
                    case 2: numbers[i] = 1e308
                    default: numbers[i] = random.nextUnit() * 4 - 2
                    }
                }
            }
        }
    }
}
