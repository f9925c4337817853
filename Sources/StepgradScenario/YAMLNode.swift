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
        var whole = 0, fraction = 0, exponentDigits = 0, exponent = 0
        var negativeExponent = false
        enum Part { case start, whole, fraction, exponentSign, exponent }
        var part = Part.start
        for byte in text.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch (part, byte) {
            case (.start, UInt8(ascii: "-")), (.start, UInt8(ascii: "+")): part = .whole
            case (.start, _) where isDigit, (.whole, _) where isDigit: part = .whole; whole += 1
            case (.start, UInt8(ascii: ".")), (.whole, UInt8(ascii: ".")): part = .fraction
            case (.fraction, _) where isDigit: fraction += 1
            case (.whole, UInt8(ascii: "e")), (.whole, UInt8(ascii: "E")),
                 (.fraction, UInt8(ascii: "e")), (.fraction, UInt8(ascii: "E")):
                guard whole + fraction > 0 else { return nil }
                part = .exponentSign
            case (.exponentSign, UInt8(ascii: "-")), (.exponentSign, UInt8(ascii: "+")):
                negativeExponent = byte == UInt8(ascii: "-")
                part = .exponent
            case (.exponentSign, _) where isDigit, (.exponent, _) where isDigit:
                part = .exponent
                exponentDigits += 1
                // Saturates: an absurd exponent still gives an absurd (non-finite or zero) value below.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
            default: return nil
            }
        }
        guard whole + fraction > 0, part != .exponentSign, part != .exponent || exponentDigits > 0,
              let value = Double(text) else { return nil }
        self.value = value
        self.text = text
        self.decimals = max(0, fraction - (negativeExponent ? -exponent : exponent))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Int {
    /// `1000000` → `1,000,000`, for limits in messages.
    public var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
