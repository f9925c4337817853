/// How many colours the terminal will actually show, from least to most.
public enum ColourDepth: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// No colour at all: attributes and characters carry everything (also when `NO_COLOR` is set).
    case mono
    case ansi8
    case ansi16
    case palette256
    case trueColour

    public static func < (a: ColourDepth, b: ColourDepth) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .mono: "mono"
        case .ansi8: "8 colours"
        case .ansi16: "16 colours"
        case .palette256: "256 colours"
        case .trueColour: "24-bit colour"
        }
    }

    /// Whether a heatmap's magnitude can be read from colour alone. Below 256 colours there are too
    /// few shades, so views add sign and shade characters (`Glyphs.heatMarker`).
    public var showsMagnitudeInColour: Bool { self >= .palette256 }

    /// The depth the environment asks for: `NO_COLOR` (any non-empty value, see no-color.org) forces
    /// mono; `COLORTERM=truecolor|24bit` announces 24-bit colour; otherwise the terminfo colour count
    /// decides (≥256, ≥16, ≥8, else mono).
    public static func requested(environment: [String: String], terminfoColours: Int) -> ColourDepth {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return .mono }
        if let claim = environment["COLORTERM"]?.lowercased(), claim == "truecolor" || claim == "24bit" {
            return .trueColour
        }
        return fromCount(terminfoColours)
    }

    /// The depth the terminal's terminfo entry lets ncurses drive: 24-bit only for direct-colour
    /// entries (`RGB` flag, e.g. TERM=xterm-direct), else by colour count.
    public static func drivable(terminfoColours: Int, directColour: Bool) -> ColourDepth {
        directColour ? .trueColour : fromCount(terminfoColours)
    }

    /// What will be shown: what the environment asks for, but no more than terminfo can drive.
    /// (We never redefine palette entries to fake 24-bit colour: that would change the user's
    /// palette, visibly in other programs and after we exit.)
    public static func detect(environment: [String: String], terminfoColours: Int, directColour: Bool) -> ColourDepth {
        let requested = requested(environment: environment, terminfoColours: terminfoColours)
        // A direct-colour entry is itself a request for 24-bit colour: COLORTERM rarely survives SSH.
        let wanted = directColour && requested > .mono ? .trueColour : requested
        return min(wanted, drivable(terminfoColours: terminfoColours, directColour: directColour))
    }

    private static func fromCount(_ colours: Int) -> ColourDepth {
        switch colours {
        case 256...: .palette256
        case 16...: .ansi16
        case 8...: .ansi8
        default: .mono
        }
    }
}
