/// A key the user pressed, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right
    case home, end, pageUp, pageDown
    /// F1…F12 (and beyond, where a terminal sends them).
    case function(Int)
}

public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let control = KeyModifiers(rawValue: 1 << 0)
}

/// A key press. Control combinations of letters arrive as the letter with `.control`
/// (Ctrl-C is `KeyEvent("c", .control)`); terminals do not report Shift or Alt reliably, so
/// those are not modelled beyond `.backTab` and upper-case characters.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public init(_ character: Character, _ modifiers: KeyModifiers = []) {
        self.init(.character(character), modifiers: modifiers)
    }

    /// Ctrl-C, which in the raw mode full-screen programs use arrives as a key, not a signal.
    public var isControlC: Bool { self == KeyEvent("c", .control) }

    public var description: String {
        let name: String
        switch key {
        case .character(" "): name = "Space"
        case .character(let c): name = String(c)
        case .function(let n): name = "F\(n)"
        default: name = "\(key)".prefix(1).uppercased() + "\(key)".dropFirst()
        }
        return modifiers.contains(.control) ? "Ctrl-" + name.uppercased() : name
    }
}
