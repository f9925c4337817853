import Foundation

/// Decimal arithmetic (38 digits, exact for the sums and products of printed numbers) with a power
/// of ten of any size: `e^800/(e^800 + 1)` and `ln(e^1000 + e^−1000)` are worked as a reader works
/// them, where Decimal alone stops at 10^±127 and Double at 10^±308.
struct WideDecimal {
    /// A whole number of at most 38 digits once normalized; the value is `digits`·10^`power`.
    private var digits: Decimal
    private var power: Int

    private init(digits: Decimal, power: Int) {
        // Decimal keeps its own exponent; moving it to `power` leaves room for any product or quotient.
        self.digits = digits.isNaN || digits.isZero ? digits : Decimal(sign: digits.sign, exponent: 0, significand: digits.significand)
        self.power = digits.isNaN || digits.isZero ? 0 : power + digits.exponent
    }

    static let nan = WideDecimal(digits: .nan, power: 0)
    var isNaN: Bool { digits.isNaN }

    /// Beyond this many places two numbers share no digit of a 38-digit sum.
    private static let apart = 80

    /// `e^x` as m·10^k, k = ⌊x/ln 10⌋: x itself is a Double, only the power is too large for one.
    static func exp(_ x: WideDecimal) -> WideDecimal {
        let v = x.double
        // A power past ±2³¹ (x beyond about ±5·10⁹) has no place in a line anyone checks: as a
        // non-finite x, no value, rather than a power an Int cannot hold.
        let k = (v / M_LN10).rounded(.down)
        guard v.isFinite, abs(k) < 0x1p31 else { return .nan }
        return WideDecimal(Foundation.exp(v - k * M_LN10)) * WideDecimal(digits: 1, power: Int(k))
    }

    /// ln(m·10^k) = ln m + k·ln 10.
    static func ln(_ x: WideDecimal) -> WideDecimal {
        guard !x.isNaN, x.digits > 0 else { return .nan }
        // m as the Double its text reads as; below 2⁵³ that is m exactly, got without the text.
        let m = x.digits < exactInDouble ? NSDecimalNumber(decimal: x.digits).doubleValue : Double("\(x.digits)") ?? .nan
        return WideDecimal(log(m) + Double(x.power) * M_LN10)
    }

    private static let exactInDouble = Decimal(UInt64(1) << 53)
}

extension WideDecimal: Arithmetic {
    /// The shortest decimal that reads back as `v`, exactly: `2.004`, `1e+150`. Its digits, as
    /// Swift writes them (at most 17 and a zero or two: a UInt64), are read here, not by Decimal's
    /// parser, which cost more than all the arithmetic of checking a long line.
    init(_ v: Double) {
        guard v.isFinite else { self = .nan; return }
        var digits: UInt64 = 0, count = 0, pointAt: Int?, shift = 0, shiftSign = 1, inExponent = false
        for byte in "\(v.magnitude)".utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if inExponent { shift = shift * 10 + digit } else { (digits, count) = (digits * 10 + UInt64(digit), count + 1) }
            case UInt8(ascii: "."): pointAt = count
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-"): shiftSign = -1
            default: break
            }
        }
        // d₀d₁…dₖ with the point after `pointAt` digits and the exponent written after them.
        self.init(digits: Decimal(sign: v.sign, exponent: 0, significand: Decimal(digits)),
                  power: shiftSign * shift - (count - (pointAt ?? count)))
    }

    var double: Double {
        isNaN ? .nan : Double("\(digits)e\(power)") ?? .nan
    }

    static func + (a: WideDecimal, b: WideDecimal) -> WideDecimal {
        if a.isNaN || b.isNaN { return .nan }
        if a.digits.isZero { return b }
        if b.digits.isZero { return a }
        let (high, low) = a.power >= b.power ? (a, b) : (b, a)
        let gap = high.power - low.power
        if gap > apart { return high }
        return WideDecimal(digits: high.digits * Decimal(sign: .plus, exponent: gap, significand: 1) + low.digits, power: low.power)
    }

    static func - (a: WideDecimal, b: WideDecimal) -> WideDecimal { a + WideDecimal(digits: -b.digits, power: b.power) }

    static func * (a: WideDecimal, b: WideDecimal) -> WideDecimal {
        WideDecimal(digits: a.digits * b.digits, power: a.power + b.power)
    }

    static func / (a: WideDecimal, b: WideDecimal) -> WideDecimal {
        guard !b.digits.isZero else { return .nan }
        return WideDecimal(digits: a.digits / b.digits, power: a.power - b.power)
    }

    static func < (a: WideDecimal, b: WideDecimal) -> Bool { (a - b).digits < 0 }
    static func == (a: WideDecimal, b: WideDecimal) -> Bool { (a - b).digits.isZero }

    var magnitude: WideDecimal { WideDecimal(digits: abs(digits), power: power) }
}
