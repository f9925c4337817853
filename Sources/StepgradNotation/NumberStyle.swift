import Foundation

/// How numbers are written: rounded to `decimals` places, trailing zeros dropped,
/// tiny values in scientific notation rather than a misleading 0.
public struct NumberStyle: Hashable, Sendable {
    public var decimals: Int
    public init(decimals: Int = 4) { self.decimals = max(0, min(decimals, 15)) }

    public func format(_ v: Double, unicodeMinus: Bool = true) -> String {
        let minus = unicodeMinus ? "−" : "-"
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? minus + "∞" : "∞" }
        let threshold = 0.5 * pow10(-decimals)
        var text: String
        if v != 0 && abs(v) < threshold {
            text = Self.scientific(v, significant: 3)
        } else {
            text = Self.fixed(v, decimals: decimals)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            if text == "-0" { text = "0" }
        }
        return text.replacingOccurrences(of: "-", with: minus)
    }

    static func fixed(_ v: Double, decimals: Int) -> String {
        // Round half away from zero, as on paper.
        let scale = pow10(decimals)
        let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return scientific(v, significant: 6) }
        let whole = Int64(scaled)
        let intPart = whole / Int64(scale)
        var frac = String(whole % Int64(scale))
        while frac.count < decimals { frac = "0" + frac }
        let sign = v < 0 && whole != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(intPart)" : "\(sign)\(intPart).\(frac)"
    }

    static func scientific(_ v: Double, significant: Int) -> String {
        var exponent = 0
        var mantissa = abs(v)
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var digits = fixed(mantissa, decimals: significant - 1)
        if digits.hasPrefix("10") { digits = fixed(1, decimals: significant - 1); exponent += 1 }
        while digits.contains(".") && digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits.removeLast() }
        return (v < 0 ? "-" : "") + digits + "e" + String(exponent)
    }

    private func pow10(_ n: Int) -> Double { Self.pow10(n) }
    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
