/// How numbers are written: to a number of significant figures (the default: four, and a worked
/// line gives its operands more where its arithmetic needs them), or to a fixed number of decimal
/// places when a lecturer asks for one. Rounding is half away from zero on the decimal value;
/// trailing zeros are dropped; magnitudes below 10⁻⁴ or from 10⁶ up are written `3.7·10⁻⁵`.
public struct NumberStyle: Hashable, Sendable {
    public enum Precision: Hashable, Sendable {
        case significant(Int)
        case decimals(Int)
    }

    public var precision: Precision

    /// Four significant figures unless told otherwise (1–17).
    public init(significant: Int = 4) { precision = .significant(max(1, min(significant, 17))) }

    /// A forced number of decimal places (0–15).
    public init(decimals: Int) { precision = .decimals(max(0, min(decimals, 15))) }

    /// Every digit of the Double: for hyperparameters, written as given.
    public static let exact = NumberStyle(significant: 17)

    /// The places forced by `--decimals`, or `nil` for significant figures.
    public var decimals: Int? {
        if case .decimals(let d) = precision { return d }
        return nil
    }

    public func printed(_ v: Double) -> PrintedNumber {
        PrintedNumber.cached(v, precision) { printedAnew(v) }
    }

    private func printedAnew(_ v: Double) -> PrintedNumber {
        guard v.isFinite else { return PrintedNumber(nonFinite: v) }
        let decimal = DecimalDigits(v)
        switch precision {
        case .significant(let n):
            return Self.printed(decimal, significant: n)
        case .decimals(let d):
            let rounded = decimal.rounded(decimals: d)
            // A small value is not shown as a misleading 0.
            if rounded.isZero && !decimal.isZero { return Self.printed(decimal, significant: 3) }
            return PrintedNumber(rounded, unit: PrintedNumber.power(-d))
        }
    }

    /// `n` significant figures, but the digits before the point are never rounded away (12346, not
    /// 12350) unless the number is written with a power of ten anyway.
    static func printed(_ decimal: DecimalDigits, significant n: Int) -> PrintedNumber {
        let kept = decimal.exponent < 6 ? max(n, decimal.exponent + 1) : n
        return PrintedNumber(decimal.rounded(significant: kept), unit: PrintedNumber.power(decimal.exponent - kept + 1))
    }

    func printed(_ v: Double, significant n: Int) -> PrintedNumber {
        PrintedNumber.cached(v, .significant(n)) {
            v.isFinite ? Self.printed(DecimalDigits(v), significant: n) : PrintedNumber(nonFinite: v)
        }
    }

    /// The number in Unicode (`−0.2984`, `3.7·10⁻⁵`), or with a hyphen and `e` for files.
    public func format(_ v: Double, unicodeMinus: Bool = true) -> String {
        unicodeMinus ? printed(v).unicode : printed(v).ascii
    }

    /// The number as LaTeX math: `-3.7\times10^{-5}`, `\infty`.
    public func latex(_ v: Double) -> String { printed(v).latex }
}
