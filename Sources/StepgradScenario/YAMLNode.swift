/// A YAML (or JSON) value as stepgrad reads it: only what scenario and answers files
/// need, each part with its place in the file for messages.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        /// `plain` is false for quoted and block scalars, which are always strings.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    struct Entry: Sendable {
        var key: String
        var keyPosition: Position
        var value: YAMLNode
    }

    var content: Content
    var position: Position

    /// What the value is, in the words a message uses: "a list", "the string 'fast'".
    var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let text, _):
            switch scalar ?? .null {
            case .null: return "nothing"
            case .bool(let b): return "the boolean \(b)"
            case .number: return "the number \(text)"
            case .nonFinite: return "\(text), which is not a finite number"
            case .string: return "the string '\(text)'"
            }
        }
    }

    /// The scalar read with YAML's core schema, restricted to decimal numbers.
    enum Scalar: Equatable {
        case null
        case bool(Bool)
        case number(NumberLiteral)
        /// `.nan`, `.inf`, `-.inf`, `1e999`: written as numbers but useless as values.
        case nonFinite
        case string(String)
    }

    /// `nil` unless the node is a scalar.
    var scalar: Scalar? {
        guard case .scalar(let text, let plain) = content else { return nil }
        guard plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let number = NumberLiteral(text) { return number.value.isFinite ? .number(number) : .nonFinite }
        let special = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(special) { return .nonFinite }
        if let value = Double(text), !value.isFinite { return .nonFinite }
        return .string(text)
    }

    var isNull: Bool { scalar == .null }
}

/// A decimal number as written, keeping how many decimals the writer gave:
/// a student who wrote 0.356 claims three, one who wrote 2 claims none.
struct NumberLiteral: Equatable, Sendable {
    var value: Double
    var decimals: Int
    /// As written, for messages.
    var text: String

    /// Accepts `[-+]digits[.digits][e[-+]digits]` (and `.5`, `5.`); nothing else.
    init?(_ text: String) {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let mantissaEnd = chars.firstIndex { $0 == "e" || $0 == "E" } ?? chars.endIndex
        let mantissa = chars[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              !(whole.isEmpty && fraction.isEmpty) else { return nil }
        var exponent = 0
        if mantissaEnd != chars.endIndex {
            var digits = chars[chars.index(after: mantissaEnd)...]
            let negative = digits.first == "-"
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            // Saturate: an absurd exponent still makes an absurd (non-finite or zero) value below.
            exponent = (negative ? -1 : 1) * (Int(digits.suffix(6)) ?? 0)
        }
        guard let value = Double(text) else { return nil }
        self.value = value
        self.text = text
        self.decimals = max(0, fraction.count - exponent)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Int {
    /// `1000000` → `1,000,000`, for limits in messages.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
