import Foundation
import StepgradEngine

/// The arithmetic of an expression, worked from the numbers it is written with: what a reader
/// gets who works a printed line by hand.
extension StepgradEngine.Expression {
    /// The numbers of the expression, left to right.
    var numbers: [Double] {
        var numbers: [Double] = []
        forEachNumber { numbers.append($0) }
        return numbers
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
    func replacingNumbers(with numbers: [Double]) -> StepgradEngine.Expression {
        var next = 0
        return replacingNumbers(numbers, &next)
    }

    private func replacingNumbers(_ numbers: [Double], _ next: inout Int) -> StepgradEngine.Expression {
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

    /// The value with the numbers, left to right, taken from `numbers`.
    func value(numbers: [Double]) -> Double {
        var next = 0
        return value(numbers, &next)
    }

    private func value(_ numbers: [Double], _ next: inout Int) -> Double {
        switch self {
        case .number:
            defer { next += 1 }
            return numbers[next]
        case .sum(let terms):
            var total = 0.0
            for term in terms { total += term.value(numbers, &next) }
            return total
        case .product(let factors):
            var total = 1.0
            for factor in factors { total *= factor.value(numbers, &next) }
            return total
        case .difference(let a, let b):
            let a = a.value(numbers, &next)
            return a - b.value(numbers, &next)
        case .quotient(let a, let b):
            let a = a.value(numbers, &next)
            return a / b.value(numbers, &next)
        case .negation(let a):
            return -a.value(numbers, &next)
        case .square(let a):
            let a = a.value(numbers, &next)
            return a * a
        case .call(let f, let args):
            let values = args.map { $0.value(numbers, &next) }
            let x = values.first ?? .nan
            switch f {
            case .exp: return exp(x)
            case .ln: return log(x)
            case .max: return values.max() ?? .nan
            case .sigmoid: return 1 / (1 + exp(-x))
            case .tanh: return tanh(x)
            case .sqrt: return x.squareRoot()
            }
        }
    }
}
