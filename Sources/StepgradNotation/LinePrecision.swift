import Foundation
import StepgradEngine

/// Chooses the digits of a line so that it adds up: worked by hand from the numbers printed, every
/// step gives the printed result to within half a unit of its last place.
///
/// With significant figures (the default, n = 4) the result is printed to n figures and each step's
/// numbers start at n figures too; a step that does not add up gets one more figure on all its
/// numbers until it does, and then each number gives back the figures it can spare, so that extra
/// digits stand only where the arithmetic needs them. Only when no number of digits will do (a
/// result cancelled down to a residue of binary rounding) does the result lose figures, down to
/// one, and failing that the line is printed in full and marked. With forced decimal places every
/// number is printed to them and a line that then does not add up is marked.
struct LinePrecision {
    var style: NumberStyle

    struct Fitted {
        var steps: [Expression]
        var result: PrintedNumber
        var addsUp: Bool
    }

    /// Digits a number may be given, at most: every digit of a Double.
    private let most = 17

    func fit(_ steps: [Expression], value: Double) -> Fitted {
        guard value.isFinite else {
            return Fitted(steps: steps.map { printed($0, style) }, result: style.printed(value), addsUp: true)
        }
        switch style.precision {
        case .decimals:
            let result = style.printed(value)
            let rounded = steps.map { printed($0, style) }
            let addsUp = rounded.allSatisfy { Self.addsUp($0, to: result, within: result.shownUnit) }
            return Fitted(steps: rounded, result: result, addsUp: addsUp)
        case .significant(let n):
            for figures in stride(from: n, through: 1, by: -1) {
                let result = style.printed(value, significant: figures)
                var fitted: [Expression] = []
                for step in steps {
                    guard let step = fit(step, to: result, from: n) else { break }
                    fitted.append(step)
                }
                if fitted.count == steps.count { return Fitted(steps: fitted, result: result, addsUp: true) }
            }
            return Fitted(steps: steps.map { printed($0, .exact) }, result: style.printed(value), addsUp: false)
        }
    }

    /// The step with its numbers at the fewest figures (from `n`) that give `result`, or `nil`.
    private func fit(_ step: Expression, to result: PrintedNumber, from n: Int) -> Expression? {
        let numbers = step.numbers
        guard !numbers.isEmpty else { return step }
        // printedAt[i·figures + f − n]: number i printed to f figures, as the value its text means; filled as needed.
        let figureCounts = most - n + 1
        var printedAt = [Double?](repeating: nil, count: numbers.count * figureCounts)
        func printed(_ i: Int, _ f: Int) -> Double {
            if let known = printedAt[i * figureCounts + f - n] { return known }
            let value = style.printed(numbers[i], significant: f).value
            printedAt[i * figureCounts + f - n] = value
            return value
        }
        // A quick test in Double, one number changed at a time (only its term is worked again);
        // the choice is then confirmed in decimal arithmetic, which also works the steps a Double
        // cannot hold (e^800).
        var termwise = TermwiseValue(step)
        func addsUp(_ values: [Double]) -> Bool {
            let worked = termwise.value(numbers: values)
            guard worked.isFinite else { return Self.addsUp(step, numbers: values, to: result, within: result.unit) }
            return Self.error(worked, result) <= 0.5 * result.unit * (1 - 1e-6)
        }
        for f in n...most {
            // Every number to f figures; then each in turn gives back the figures it can spare.
            var values = numbers.indices.map { printed($0, f) }
            guard addsUp(values) else { continue }
            for i in values.indices where f > n {
                let fewest = (n..<f).first { fewer in
                    values[i] = printed(i, fewer)
                    return addsUp(values)
                } ?? f
                values[i] = printed(i, fewest)
            }
            if Self.addsUp(step, numbers: values, to: result, within: result.unit) {
                return step.replacingNumbers(with: values)
            }
        }
        return nil
    }

    private func printed(_ step: Expression, _ style: NumberStyle) -> Expression {
        step.replacingNumbers(with: step.numbers.map { style.printed($0).value })
    }

    private static func error(_ worked: Double, _ result: PrintedNumber) -> Double {
        abs(worked - result.value)
    }

    /// Whether `step`, whose numbers are as printed, worked in decimal gives `result` to within half `unit`.
    /// Worked in Double first: where the bound on that arithmetic's distance from the decimal's
    /// (`BoundedDouble`) decides it, the decimal arithmetic is not needed.
    static func addsUp(_ step: Expression, to result: PrintedNumber, within unit: Double) -> Bool {
        addsUp(step, numbers: step.numbers, to: result, within: unit)
    }

    /// `addsUp(step, to:within:)` for `step` written with `numbers`, left to right, in place of its
    /// own: the numbers a search tries, without writing the step anew for each.
    static func addsUp(_ step: Expression, numbers: [Double], to result: PrintedNumber, within unit: Double) -> Bool {
        let bounded = step.value(numbers: numbers.map(BoundedDouble.init(number:)))
        if bounded.isBounded {
            let worked = bounded.value, half = 0.5 * unit
            // The printed result and the unit are Doubles near their decimals too.
            let slack = bounded.bound + (abs(result.value) + half) * 0x1p-52
            if abs(worked - result.value) + slack <= half { return true }
            if abs(worked - result.value) - slack > half { return false }
        }
        let worked = step.value(numbers: numbers.map { WideDecimal($0) })
        guard !worked.isNaN else { return false }
        return (worked - WideDecimal(result.value)).magnitude <= WideDecimal(0.5 * unit)
    }
}
