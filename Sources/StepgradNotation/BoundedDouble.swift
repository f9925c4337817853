import Foundation
import StepgradEngine

/// A step worked in Double together with a bound on how far that value can be from the same step
/// worked in `WideDecimal` from the same numbers, as `LinePrecision` checks a line: where the bound
/// decides whether the line adds up, the decimal arithmetic (the dearest part of checking a line
/// with a quotient or e^x in it) is not needed.
///
/// `value` is worked by the very operations `Expression.value` works a Double with, so it is that
/// value to the last bit. `bound` follows each operation: what its operands' bounds carry through
/// it, and what the two arithmetics' own roundings add (a Double's within 2⁻⁵³ of its result,
/// Decimal's 38 digits far within that). Functions are bounded where both arithmetics take them
/// from glibc, which is within a few units of the last place: e^x and ln x; the rest (tanh, √,
/// ln(1 + t)) are worked otherwise by the two, and leave the step without a bound (`isBounded`
/// false), to be checked in decimal. So do quotients (and σ, a quotient): Decimal's division keeps
/// only the digits its 38 leave beside the divisor's, and 1/(1 + e^−49.7) comes out 0.9, further
/// from the quotient than any bound on the Double's; the decimal arithmetic's answer is the one a
/// line is held to, so it is worked.
struct BoundedDouble {
    var value: Double
    var bound: Double

    /// A number of the line as printed: the decimal arithmetic reads the shortest decimal that
    /// reads back as it, within half a unit of its last place.
    init(number v: Double) {
        value = v
        bound = v.isFinite ? abs(v) * Self.u + Self.tiniest : .infinity
    }

    private init(_ value: Double, bound: Double) {
        self.value = value
        self.bound = value.isFinite && bound.isFinite ? bound : .infinity
    }

    /// No bound: the step is left to the decimal arithmetic.
    private static func unbounded(_ value: Double) -> BoundedDouble { BoundedDouble(value, bound: .infinity) }

    var isBounded: Bool { bound.isFinite }

    /// The unit roundoff of a Double, 2⁻⁵³.
    private static let u = 0x1p-53
    /// The spacing of the subnormals, below which relative bounds say nothing.
    private static let tiniest = Double.leastNonzeroMagnitude
    /// The relative error allowed glibc's `exp` and `log`, four units of the last place: it
    /// documents one or two.
    private static let libm = 0x1p-50

    /// `value`, the result of one operation on Doubles whose exact result is within `carried` of the
    /// decimal's exact result: both arithmetics round once more.
    private static func rounded(_ value: Double, carried: Double) -> BoundedDouble {
        BoundedDouble(value, bound: carried + 2 * u * (abs(value) + carried) + tiniest)
    }
}

extension BoundedDouble: Arithmetic {
    /// A constant of the arithmetic (0, 1, NaN): the same in both, exactly.
    init(_ v: Double) {
        self.init(v, bound: 0)
    }

    var double: Double { value }

    static func + (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        rounded(a.value + b.value, carried: a.bound + b.bound)
    }

    static func - (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        rounded(a.value - b.value, carried: a.bound + b.bound)
    }

    static func * (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        rounded(a.value * b.value, carried: abs(a.value) * b.bound + abs(b.value) * a.bound + a.bound * b.bound)
    }

    /// Left to the decimal arithmetic (see above).
    static func / (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble { unbounded(a.value / b.value) }

    /// The decimal arithmetic takes e^x as glibc's e^r·10^k, x = r + k·ln 10 reduced in Double: x read
    /// as a Double, the reduction and e^r each a few units of the last place off, which over |k| ≤
    /// |x|/2.3 + 1 come to less than (0.25·|x| + 2)·2⁻⁵⁰ of ln e^x (here 2⁻⁵⁰·(|x| + 8), generously).
    /// With this Double's own e^x, the logarithms of the two are within δ, so the values are within
    /// e^x·(e^δ − 1).
    static func exp(_ x: BoundedDouble) -> BoundedDouble {
        let value = Foundation.exp(x.value)
        // A subnormal or vanished e^x has lost the relative precision the bound counts on.
        guard x.isBounded, value.isNormal else { return unbounded(value) }
        let decimal = libm * (abs(x.value) + x.bound + 8)
        let read = x.bound + u * (abs(x.value) + x.bound)
        let delta = libm + read + decimal
        guard delta < 0x1p-20 else { return unbounded(value) }
        return BoundedDouble(value, bound: value * delta * (1 + 0x1p-19))
    }

    /// The decimal arithmetic takes ln(m·10^k) as glibc's ln m (m below 2¹²⁸, so |ln m| < 90) plus
    /// k·ln 10 in Double, |k·ln 10| within |ln x| + 90: together less than (115 + 0.5·|ln x|)·2⁻⁵⁰
    /// from ln x (here 2⁻⁵⁰·(200 + 2·|ln x|)). The argument's own uncertainty carries through as
    /// its bound over the least the argument can be.
    static func ln(_ x: BoundedDouble) -> BoundedDouble {
        let value = Foundation.log(x.value)
        // Near 0 (or below) ln is steep (or the decimal has none): no bound worth having.
        guard x.isBounded, value.isFinite, x.bound <= 0.5 * x.value else { return unbounded(value) }
        let decimal = libm * (200 + 2 * (abs(value) + 1))
        return BoundedDouble(value, bound: libm * abs(value) + x.bound / (x.value - x.bound) + decimal)
    }

    /// The two arithmetics may take different branches of ln(1 + t) (log1p) and ln(1 + t).
    static func ln(_ first: BoundedDouble, plus rest: BoundedDouble) -> BoundedDouble {
        unbounded(first.value == 1 && abs(rest.value) < 1 ? log1p(rest.value) : log(first.value + rest.value))
    }

    /// Whichever argument each arithmetic finds largest, the two are within the largest bound.
    static func max(_ values: [BoundedDouble]) -> BoundedDouble {
        guard let top = values.max() else { return BoundedDouble(.nan) }
        return BoundedDouble(top.value, bound: values.map(\.bound).max()!)
    }

    /// Worked from a Double read from the decimal by each arithmetic: left to the decimal.
    static func tanh(_ x: BoundedDouble) -> BoundedDouble { unbounded(Activation.tanh(x.value)) }
    static func squareRoot(_ x: BoundedDouble) -> BoundedDouble { unbounded(x.value.squareRoot()) }

    static func < (a: BoundedDouble, b: BoundedDouble) -> Bool { a.value < b.value }
    static func == (a: BoundedDouble, b: BoundedDouble) -> Bool { a.value == b.value }
}
