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
        var bytes: [UInt8] = []
        write(to: &bytes, indent: indent.utf8.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `serialized` as UTF-8 appended to `bytes`, `indent` blanks deep: a document is written into
    /// one buffer of bytes, not built from the strings of its parts (an iteration of JSON is tens
    /// of kilobytes in thousands of pieces, and appending to a string costs far more than copying
    /// bytes).
    func write(to bytes: inout [UInt8], indent: Int = 0) {
        switch self {
        case .string(let s): Self.appendQuoted(s, to: &bytes)
        case .number(let v): bytes += v.description.utf8
        case .integer(let n): bytes += String(n).utf8
        case .bool(let b): bytes += (b ? "true" : "false").utf8
        case .null: bytes += "null".utf8
        case .array(let items):
            if items.isEmpty { bytes += "[]".utf8; return }
            if items.allSatisfy(\.isScalar) {
                bytes.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes += ", ".utf8 }
                    item.write(to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
                return
            }
            bytes += "[\n".utf8
            for (index, item) in items.enumerated() {
                if index > 0 { bytes += ",\n".utf8 }
                Self.blanks(indent + 2, to: &bytes)
                item.write(to: &bytes, indent: indent + 2)
            }
            bytes.append(UInt8(ascii: "\n"))
            Self.blanks(indent, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { bytes += "{}".utf8; return }
            bytes += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { bytes += ",\n".utf8 }
                Self.blanks(indent + 2, to: &bytes)
                Self.appendQuoted(key, to: &bytes)
                bytes += ": ".utf8
                value.write(to: &bytes, indent: indent + 2)
            }
            bytes.append(UInt8(ascii: "\n"))
            Self.blanks(indent, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func blanks(_ count: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Copied whole between the characters that need an escape, all of them ASCII (LaTeX has a
    /// backslash in every few characters; a line of arithmetic has none), found in the string's
    /// bytes where it keeps them in one piece, as a native string does.
    private static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { text in
            var start = 0
            for i in text.indices where needsEscape(text[i]) {
                bytes += UnsafeBufferPointer(rebasing: text[start..<i])
                appendEscape(text[i], to: &bytes)
                start = i + 1
            }
            bytes += UnsafeBufferPointer(rebasing: text[start...])
        }
        if copied == nil {
            for byte in s.utf8 {
                if needsEscape(byte) { appendEscape(byte, to: &bytes) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes += "\\\"".utf8
        case UInt8(ascii: "\\"): bytes += "\\\\".utf8
        case UInt8(ascii: "\n"): bytes += "\\n".utf8
        case UInt8(ascii: "\r"): bytes += "\\r".utf8
        case UInt8(ascii: "\t"): bytes += "\\t".utf8
        default:
            let hex = String(byte, radix: 16)
            bytes += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        }
    }
}
