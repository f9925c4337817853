/// Keys from the bytes a terminal sends over a byte stream (an SSH channel), where ncurses is not
/// there to decode them: UTF-8 text, control characters, and the xterm/VT escape sequences of
/// arrows, Home/End, Page Up/Down, Insert/Delete, Shift-Tab and F1–F12 (CSI and SS3 forms,
/// modifiers ignored). Mouse reports and unknown sequences are skipped whole; bytes that are not
/// UTF-8 are dropped. A sequence or character cut between two reads is completed by the next; an
/// escape byte ending a read is the Esc key (SSH clients send a key's sequence in one packet).
public struct KeyDecoder: Sendable {
    /// An unfinished sequence or character from the last read.
    private var pending: [UInt8] = []

    /// The longest unfinished sequence kept for the next read; longer is garbage, and dropped.
    static let pendingLimit = 32

    public init() {}

    /// The keys in `bytes`, following on from earlier reads.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [KeyEvent] {
        let input = pending + Array(bytes)
        pending = []
        var keys: [KeyEvent] = []
        var i = 0
        while i < input.count {
            switch Self.key(in: input, at: i) {
            case .key(let key, let length):
                if let key { keys.append(key) }
                i += length
            case .incomplete:
                if input.count - i <= Self.pendingLimit { pending = Array(input[i...]) }
                return keys
            }
        }
        return keys
    }

    private enum Token {
        /// A key (or nothing, for a skipped sequence or byte) and how many bytes it took.
        case key(KeyEvent?, length: Int)
        case incomplete
    }

    private static func key(in input: [UInt8], at i: Int) -> Token {
        let byte = input[i]
        switch byte {
        case 0x1B:
            guard i + 1 < input.count else { return .key(KeyEvent(.escape), length: 1) }
            switch input[i + 1] {
            case UInt8(ascii: "["): return csi(input, at: i)
            case UInt8(ascii: "O"):
                guard i + 2 < input.count else { return .incomplete }
                return .key(ss3(input[i + 2]).map { KeyEvent($0) }, length: 3)
            default: return .key(KeyEvent(.escape), length: 1)
            }
        case 0x0D, 0x0A: return .key(KeyEvent(.enter), length: 1)
        case 0x09: return .key(KeyEvent(.tab), length: 1)
        case 0x7F, 0x08: return .key(KeyEvent(.backspace), length: 1)
        case 0x01...0x1A:
            return .key(KeyEvent(Character(Unicode.Scalar(byte + 0x60)), .control), length: 1)
        case 0x00, 0x1C...0x1F: return .key(nil, length: 1)
        case 0x20..<0x7F: return .key(KeyEvent(Character(Unicode.Scalar(byte))), length: 1)
        default: return utf8(input, at: i)
        }
    }

    /// `ESC [ params final`: parameters and intermediates (0x20–0x3F), then a final byte (0x40–0x7E).
    private static func csi(_ input: [UInt8], at i: Int) -> Token {
        var end = i + 2
        // X10 mouse report: ESC [ M and three bytes.
        if end < input.count, input[end] == UInt8(ascii: "M") {
            return end + 3 < input.count ? .key(nil, length: 6) : .incomplete
        }
        while end < input.count, (0x20...0x3F).contains(input[end]) { end += 1 }
        guard end < input.count else { return .incomplete }
        let length = end - i + 1
        guard (0x40...0x7E).contains(input[end]) else { return .key(nil, length: length - 1) }
        let parameters = String(decoding: input[(i + 2)..<end], as: UTF8.self)
        let first = Int(parameters.split(separator: ";").first ?? "")
        let key: Key?
        switch input[end] {
        case UInt8(ascii: "~"): key = first.flatMap(tilde)
        case UInt8(ascii: "Z"): key = .backTab
        case let final where parameters.isEmpty || first == 1: key = ss3(final)
        default: key = nil
        }
        return .key(key.map { KeyEvent($0) }, length: length)
    }

    /// The keys whose sequences end the same after `ESC O` and after `ESC [` (or `ESC [ 1 ; m`).
    private static func ss3(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P"): .function(1)
        case UInt8(ascii: "Q"): .function(2)
        case UInt8(ascii: "R"): .function(3)
        case UInt8(ascii: "S"): .function(4)
        case UInt8(ascii: "M"): .enter
        default: nil
        }
    }

    /// `ESC [ n ~` (VT220 editing and function keys).
    private static func tilde(_ n: Int) -> Key? {
        switch n {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(n - 10)
        case 17...21: .function(n - 11)
        case 23, 24: .function(n - 12)
        default: nil
        }
    }

    private static func utf8(_ input: [UInt8], at i: Int) -> Token {
        let byte = input[i]
        let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
        guard length > 0 else { return .key(nil, length: 1) }
        for k in 1..<length {
            guard i + k < input.count else { return .incomplete }
            guard input[i + k] & 0xC0 == 0x80 else { return .key(nil, length: k) }
        }
        var decoded = String(decoding: input[i..<(i + length)], as: UTF8.self).unicodeScalars.makeIterator()
        guard let scalar = decoded.next(), scalar != "\u{FFFD}" else { return .key(nil, length: length) }
        return .key(KeyEvent(Character(scalar)), length: length)
    }
}
