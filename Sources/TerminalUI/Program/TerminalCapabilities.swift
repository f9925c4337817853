/// What the terminal in use can show, found out by the backend before the program is built so the
/// program can pick its theme and glyphs.
public struct TerminalCapabilities: Hashable, Sendable {
    public var colourDepth: ColourDepth
    /// Whether the locale is UTF-8, i.e. whether anything beyond ASCII will display.
    public var unicode: Bool

    public init(colourDepth: ColourDepth, unicode: Bool) {
        self.colourDepth = colourDepth
        self.unicode = unicode
    }

    public var glyphs: Glyphs { .forLocale(unicode: unicode) }
}
