/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks. A `nil` colour means the terminal's own default, so the user's background
/// shows through unless a theme asks otherwise.
public struct Style: Hashable, Sendable {
    public var foreground: Colour?
    public var background: Colour?
    public var attributes: TextAttributes

    public init(foreground: Colour? = nil, background: Colour? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with `overlay` laid on top: its colours win where it has them, attributes add up.
    /// Used to highlight already-drawn cells without losing what they show.
    public func patched(with overlay: Style) -> Style {
        Style(foreground: overlay.foreground ?? foreground,
              background: overlay.background ?? background,
              attributes: attributes.union(overlay.attributes))
    }
}
