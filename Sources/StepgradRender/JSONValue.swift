/// A JSON document with its keys in the order written, serialized by hand because Foundation's
/// encoders sort or shuffle keys and refuse NaN and infinities, which a diverging network produces.
enum JSONValue {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Full precision (the shortest text that reads back as the same Double). NaN and ±∞ have
    /// no JSON number, so they are written as the strings "NaN", "Infinity" and "-Infinity".
    static func value(_ v: Double) -> JSONValue {
        if v.isNaN { return .string("NaN") }
        if v.isInfinite { return .string(v < 0 ? "-Infinity" : "Infinity") }
        return .number(v)
    }

    /// Two-space indentation; arrays of plain values (a matrix row) stay on one line.
    func serialized(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let s): return Self.quoted(s)
        case .number(let v): return "\(v)"
        case .integer(let n): return "\(n)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.serialized(indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
