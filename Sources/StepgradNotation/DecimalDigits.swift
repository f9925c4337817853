/// A finite number as the decimal a person reads: sign, significant digits and the power of ten of
/// the first digit (`−0.50655` is `−`, `50655`, −1). Made from the shortest decimal that reads back
/// as the same Double, so that rounding works on the decimal value as written (−0.50655 rounds to
/// −0.5066 at four places), not on its binary neighbour (−0.506549999…).
struct DecimalDigits: Hashable, Sendable {
    var negative: Bool
    /// Significant digits, no leading zeros, no trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten of the first digit.
    var exponent: Int

    var isZero: Bool { digits.isEmpty }

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits, exponent = exponent
        while digits.first == 0 { digits.removeFirst(); exponent -= 1 }
        while digits.last == 0 { digits.removeLast() }
        self.negative = negative && !digits.isEmpty
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// `v` must be finite. Swift writes the shortest round-trip decimal: `0.50655`, `1e-05`, `1.5e+20`.
    init(_ v: Double) {
        var digits: [UInt8] = [], pointAt: Int?, shift = 0, shiftSign = 1, inExponent = false
        digits.reserveCapacity(17)
        for byte in "\(v.magnitude)".utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent { shift = shift * 10 + Int(byte - UInt8(ascii: "0")) } else { digits.append(byte - UInt8(ascii: "0")) }
            case UInt8(ascii: "."): pointAt = digits.count
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-"): shiftSign = -1
            default: break
            }
        }
        // d₀d₁….dₖ with the point after `pointAt` digits: the first digit's power is pointAt − 1.
        self.init(negative: v.sign == .minus, digits: digits, exponent: (pointAt ?? digits.count) - 1 + shiftSign * shift)
    }

    /// Rounded half away from zero to `count` significant digits.
    func rounded(significant count: Int) -> DecimalDigits {
        rounded(keeping: count)
    }

    /// Rounded half away from zero to `decimals` places after the point.
    func rounded(decimals: Int) -> DecimalDigits {
        rounded(keeping: exponent + decimals + 1)
    }

    /// Keeps the first `count` digits (none or fewer when `count` ≤ 0), rounding half away from zero.
    private func rounded(keeping count: Int) -> DecimalDigits {
        guard count < digits.count else { return self }
        guard count >= 0 else { return DecimalDigits(negative: negative, digits: [], exponent: 0) }
        var kept = Array(digits.prefix(count)), exponent = self.exponent
        if digits[count] >= 5 {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0); exponent += 1 }
        }
        return DecimalDigits(negative: negative, digits: kept, exponent: exponent)
    }

    /// Plain positional digits: `0.000438568`, `1234.5`, `0`.
    var positional: String {
        guard !isZero else { return "0" }
        var text: String
        if exponent < 0 {
            text = "0." + String(repeating: "0", count: -exponent - 1) + digitText(digits)
        } else if digits.count > exponent + 1 {
            text = digitText(digits.prefix(exponent + 1)) + "." + digitText(digits.dropFirst(exponent + 1))
        } else {
            text = digitText(digits) + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        if negative { text = "-" + text }
        return text
    }

    /// The mantissa of scientific notation, `3.7` of 3.7·10⁻⁵, with its sign.
    var mantissa: String {
        let text = digitText(digits.prefix(1)) + (digits.count > 1 ? "." + digitText(digits.dropFirst()) : "")
        return (negative ? "-" : "") + text
    }

    private func digitText<S: Sequence>(_ s: S) -> String where S.Element == UInt8 {
        String(decoding: s.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }
}
