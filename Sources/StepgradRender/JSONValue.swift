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
        var text = ""
        write(to: &text, indent: indent)
        return text
    }

    /// `serialized(indent:)` appended to `text`: a document is written into one buffer, not built
    /// from the strings of its parts, each copied again into the one around it.
    func write(to text: inout String, indent: String = "") {
        switch self {
        case .string(let s): Self.appendQuoted(s, to: &text)
        case .number(let v): v.write(to: &text)
        case .integer(let n): text += String(n)
        case .bool(let b): text += b ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            if items.isEmpty { text += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                text += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { text += ", " }
                    item.write(to: &text)
                }
                text += "]"
                return
            }
            let inner = indent + "  "
            text += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { text += ",\n" }
                text += inner
                item.write(to: &text, indent: inner)
            }
            text += "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { text += "{}"; return }
            let inner = indent + "  "
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += ",\n" }
                text += inner
                Self.appendQuoted(key, to: &text)
                text += ": "
                value.write(to: &text, indent: inner)
            }
            text += "\n" + indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Copied whole between the characters that need an escape, all of them ASCII (LaTeX has a
    /// backslash in every few characters; a line of arithmetic has none).
    private static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        let bytes = s.utf8
        var start = bytes.startIndex
        for i in bytes.indices {
            let byte = bytes[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out += s[start..<i]
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            start = bytes.index(after: i)
        }
        out += s[start...]
        out += "\""
    }
}
