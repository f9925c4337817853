/// Grids hold only characters that take exactly one terminal column. Wide characters (CJK, emoji)
/// are out of scope: the grid's idea of a column would drift from the terminal's and garble the
/// rest of the line, so they and other unsafe characters become `?`.
extension Character {
    public static let replacement: Character = "?"

    /// The character itself when it occupies one column on a terminal, else `?`.
    /// Rejects control characters (they would move the cursor), characters that start with a
    /// combining or format code point (they would merge into the previous cell), and wide ones.
    public var terminalSafe: Character {
        // Printable ASCII, most of what is drawn, needs no look at Unicode properties; nor does a
        // code point of the blocks screens draw with (`Unicode.Scalar.knownNarrow`).
        if let ascii = asciiValue { return ascii >= 0x20 && ascii < 0x7F ? self : Character.replacement }
        var scalars = unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil, first.isKnownNarrow { return self }
        return examined
    }

    /// `terminalSafe` worked out from the Unicode properties of the character's code points.
    var examined: Character {
        guard let first = unicodeScalars.first else { return Character.replacement }
        switch first.properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark, .spacingMark, .format,
             .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return Character.replacement
        default:
            break
        }
        if unicodeScalars.contains(where: { $0.isWide }) { return Character.replacement }
        return self
    }
}

extension Unicode.Scalar {
    /// Ranges of assigned, one-column graphic code points (no controls, marks, format characters,
    /// emoji or wide ones): Latin-1 and Latin letters, Greek capitals and small letters, dashes
    /// and punctuation, super- and subscripts, arrows, mathematical operators, box drawing and
    /// block elements, Braille patterns. `examined` gives each of them back unchanged, which
    /// TerminalUITests checks code point by code point; they are listed so that the characters
    /// drawn most (matrix brackets, heat blocks, `−`, `·`, subscripts) skip the property look-ups.
    static let knownNarrow: [ClosedRange<UInt32>] = [
        0xA0...0xAC, 0xAE...0x2FF, 0x391...0x3A1, 0x3A3...0x3FF, 0x2010...0x2027, 0x2030...0x205E,
        0x2070...0x2071, 0x2074...0x208E, 0x2090...0x209C, 0x2190...0x22FF, 0x2500...0x259F, 0x2800...0x28FF,
    ]

    var isKnownNarrow: Bool {
        let v = value
        guard v >= 0xA0 && v <= 0x28FF else { return false }
        return Self.knownNarrow.contains { $0.contains(v) }
    }

    /// East Asian Wide/Fullwidth blocks and emoji shown as pictures: two columns in a terminal.
    /// (Swift exposes no East Asian Width property; these ranges cover the assigned wide blocks.)
    var isWide: Bool {
        if properties.isEmojiPresentation { return true }
        if value == 0xFE0F { return true }  // variation selector asking for emoji presentation
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
