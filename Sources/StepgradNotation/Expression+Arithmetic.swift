import Foundation
import StepgradEngine

/// The engine's expression tree, not Foundation's predicate expression.
public typealias Expression = StepgradEngine.Expression

/// The arithmetic of an expression, worked from the numbers it is written with: what a reader
/// gets who works a printed line by hand.
extension Expression {
    /// The numbers of the expression, left to right.
    var numbers: [Double] {
        var numbers: [Double] = []
        forEachNumber { numbers.append($0) }
        return numbers
    }

    /// How many numbers the expression is written with.
    var numberCount: Int {
        var count = 0
        forEachNumber { _ in count += 1 }
        return count
    }

    private func forEachNumber(_ body: (Double) -> Void) {
        switch self {
        case .number(let v): body(v)
        case .sum(let terms), .product(let terms), .call(_, let terms): terms.forEach { $0.forEachNumber(body) }
        case .difference(let a, let b), .quotient(let a, let b): a.forEachNumber(body); b.forEachNumber(body)
        case .negation(let a), .square(let a): a.forEachNumber(body)
        }
    }

    /// The same expression with its numbers, left to right, replaced by `numbers`.
    func replacingNumbers(with numbers: [Double]) -> Expression {
        var next = 0
        return replacingNumbers(numbers, &next)
    }

    private func replacingNumbers(_ numbers: [Double], _ next: inout Int) -> Expression {
        switch self {
        case .number:
            defer { next += 1 }
            return .number(numbers[next])
        case .sum(let terms):
            return .sum(terms.map { $0.replacingNumbers(numbers, &next) })
        case .product(let factors):
            return .product(factors.map { $0.replacingNumbers(numbers, &next) })
        case .call(let f, let args):
            return .call(f, args.map { $0.replacingNumbers(numbers, &next) })
        case .difference(let a, let b):
            let a = a.replacingNumbers(numbers, &next)
            return .difference(a, b.replacingNumbers(numbers, &next))
        case .quotient(let a, let b):
            let a = a.replacingNumbers(numbers, &next)
            return .quotient(a, b.replacingNumbers(numbers, &next))
        case .negation(let a):
            return .negation(a.replacingNumbers(numbers, &next))
        case .square(let a):
            return .square(a.replacingNumbers(numbers, &next))
        }
    }

    /// The value with the numbers, left to right, taken from `numbers`: in Double for speed, in
    /// WideDecimal to check a line exactly as a reader works it (`0.1 + 0.2 − 0.3` is 0, not 5.6·10⁻¹⁷).
    func value<Number: Arithmetic>(numbers: [Number]) -> Number {
        var next = 0
        return value(numbers, &next)
    }

    private func value<Number: Arithmetic>(_ numbers: [Number], _ next: inout Int) -> Number {
        switch self {
        case .number:
            defer { next += 1 }
            return numbers[next]
        case .sum(let terms):
            var total = Number(0)
            for term in terms { total = total + term.value(numbers, &next) }
            return total
        case .product(let factors):
            var total = Number(1)
            for factor in factors { total = total * factor.value(numbers, &next) }
            return total
        case .difference(let a, let b):
            let a = a.value(numbers, &next)
            return a - b.value(numbers, &next)
        case .quotient(let a, let b):
            let a = a.value(numbers, &next)
            return a / b.value(numbers, &next)
        case .negation(let a):
            return Number(0) - a.value(numbers, &next)
        case .square(let a):
            let a = a.value(numbers, &next)
            return a * a
        case .call(.ln, let args) where args.count == 1:
            // A sum worked as its first term plus the rest, for ln(1 + t) (see `ln(_:plus:)`).
            if case .sum(let terms) = args[0], terms.count > 1 {
                let first = terms[0].value(numbers, &next)
                var rest = Number(0)
                for term in terms.dropFirst() { rest = rest + term.value(numbers, &next) }
                return Number.ln(first, plus: rest)
            }
            return Number.ln(args[0].value(numbers, &next))
        case .call(let f, let args):
            // Functions are transcendental: Double is as exact as a reader's table or calculator
            // (e^x and ln with a power of ten beyond a Double's where the arithmetic has one).
            let values = args.map { $0.value(numbers, &next) }
            let x = values.first ?? Number(.nan)
            switch f {
            case .exp: return Number.exp(x)
            case .ln: return Number.ln(x)
            case .max: return Number.max(values)
            case .sigmoid: return Number(1) / (Number(1) + Number.exp(Number(0) - x))
            case .tanh: return Number.tanh(x)
            case .sqrt: return Number.squareRoot(x)
            }
        }
    }
}

/// The arithmetic a line is worked in.
protocol Arithmetic: Comparable {
    /// A line's number, or a constant of the arithmetic (0, 1, NaN).
    init(_ v: Double)
    var double: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func exp(_ x: Self) -> Self
    static func ln(_ x: Self) -> Self
    /// ln(first + rest).
    static func ln(_ first: Self, plus rest: Self) -> Self
    static func max(_ values: [Self]) -> Self
    static func tanh(_ x: Self) -> Self
    static func squareRoot(_ x: Self) -> Self
}

extension Arithmetic {
    /// ln(1 + t) is log1p(t), as exact for t = e^(−40) as a reader writing ln(1 + t) ≈ t; ln of the
    /// sum rounded to a Double would be ln 1 = 0.
    static func ln(_ first: Self, plus rest: Self) -> Self {
        first == Self(1) && abs(rest.double) < 1 ? Self(log1p(rest.double)) : ln(first + rest)
    }

    static func max(_ values: [Self]) -> Self { values.max() ?? Self(.nan) }

    /// The engine's, bit for bit.
    static func tanh(_ x: Self) -> Self { Self(Activation.tanh(x.double)) }

    static func squareRoot(_ x: Self) -> Self { Self(x.double.squareRoot()) }
}

extension Double: Arithmetic {
    var double: Double { self }
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    static func ln(_ x: Double) -> Double { Foundation.log(x) }
}
