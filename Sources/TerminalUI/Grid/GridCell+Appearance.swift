extension GridCell {
    /// Whether only the background of this cell shows: a space neither underlined nor reversed,
    /// whose foreground, bold and dim are invisible.
    public var showsOnlyBackground: Bool {
        character == " " && style.attributes.isDisjoint(with: [.underline, .reverse])
    }

    /// Whether the two look the same on a terminal of `depth`: the same character in the same
    /// style as that depth shows it, or blanks on the same background.
    public func looks(like other: GridCell, at depth: ColourDepth) -> Bool {
        if self == other { return true }
        if showsOnlyBackground && other.showsOnlyBackground {
            return style.background == other.style.background
                || style.background?.shown(at: depth) == other.style.background?.shown(at: depth)
        }
        return character == other.character && style.shown(at: depth) == other.style.shown(at: depth)
    }
}
