import Foundation

/// The test's own arithmetic for working printed lines: a Decimal mantissa (exact for the sums and
/// products of printed numbers) between 1 and 10, times a power of ten of any size, so that
/// `1/(1 + e^800)` and `ln(e^1000 + e^−1000)` can be worked, which neither Decimal (10^±127) nor
/// Double (10^±308) can hold. Written apart from the program's own arithmetic, which it checks.
struct ScaledDecimal: Comparable, CustomStringConvertible {
    /// Zero, NaN, or 1 ≤ |mantissa| < 10.
    private(set) var mantissa: Decimal
    private(set) var exponent: Int

    init(_ value: Decimal, exponent: Int = 0) {
        guard !value.isNaN, !value.isZero else { mantissa = value; self.exponent = 0; return }
        // value = significand·10^e with a whole significand of n digits: its first digit's power is e + n − 1.
        let lead = value.exponent + value.significand.description.count - 1
        mantissa = Decimal(sign: value.sign, exponent: value.exponent - lead, significand: value.significand)
        self.exponent = exponent + lead
    }

    init(_ v: Double) {
        guard v.isFinite else { self.init(.nan); return }
        let parts = "\(v)".lowercased().split(separator: "e")
        self.init(Decimal(string: String(parts[0])) ?? .nan, exponent: parts.count > 1 ? Int(parts[1])! : 0)
    }

    init?(string: String) {
        guard let d = Decimal(string: string) else { return nil }
        self.init(d)
    }

    static func tenTo(_ n: Int) -> ScaledDecimal { ScaledDecimal(1, exponent: n) }
    static let nan = ScaledDecimal(Decimal.nan)

    var isNaN: Bool { mantissa.isNaN }
    var isZero: Bool { mantissa.isZero }
    var double: Double { isNaN ? .nan : Double("\(mantissa)e\(exponent)") ?? .nan }
    var description: String { isZero || isNaN ? "\(mantissa)" : "\(mantissa)e\(exponent)" }

    /// log₁₀|x|, for powers and logarithms beyond a Double's range.
    var log10Magnitude: Double { Foundation.log10(abs(Double("\(mantissa)")!)) + Double(exponent) }

    static func + (a: ScaledDecimal, b: ScaledDecimal) -> ScaledDecimal {
        if a.isNaN || b.isNaN { return .nan }
        if a.isZero { return b }
        if b.isZero { return a }
        let (big, small) = a.exponent >= b.exponent ? (a, b) : (b, a)
        // 38 digits: a number 10⁴⁰ times smaller leaves no trace in the sum.
        guard big.exponent - small.exponent <= 40 else { return big }
        let shifted = small.mantissa * Decimal(sign: .plus, exponent: small.exponent - big.exponent, significand: 1)
        return ScaledDecimal(big.mantissa + shifted, exponent: big.exponent)
    }

    static prefix func - (a: ScaledDecimal) -> ScaledDecimal { ScaledDecimal(-a.mantissa, exponent: a.exponent) }
    static func - (a: ScaledDecimal, b: ScaledDecimal) -> ScaledDecimal { a + -b }
    static func * (a: ScaledDecimal, b: ScaledDecimal) -> ScaledDecimal {
        ScaledDecimal(a.mantissa * b.mantissa, exponent: a.exponent + b.exponent)
    }
    static func / (a: ScaledDecimal, b: ScaledDecimal) -> ScaledDecimal {
        b.isZero ? .nan : ScaledDecimal(a.mantissa / b.mantissa, exponent: a.exponent - b.exponent)
    }
    static func += (a: inout ScaledDecimal, b: ScaledDecimal) { a = a + b }
    static func -= (a: inout ScaledDecimal, b: ScaledDecimal) { a = a - b }
    static func *= (a: inout ScaledDecimal, b: ScaledDecimal) { a = a * b }
    static func /= (a: inout ScaledDecimal, b: ScaledDecimal) { a = a / b }

    static func < (a: ScaledDecimal, b: ScaledDecimal) -> Bool { (a - b).mantissa < 0 }
    static func == (a: ScaledDecimal, b: ScaledDecimal) -> Bool { (a - b).isZero }

    var magnitude: ScaledDecimal { ScaledDecimal(abs(mantissa), exponent: exponent) }
}
