import CNcurses
import TerminalUI

/// A foreground and background as ncurses colour numbers (-1 is the terminal's default).
struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
}

extension NcursesBackend {
    /// The colour pair for a style's colours, allocated on first use (`alloc_pair`).
    ///
    /// RGB reaches the terminal as directly as its terminfo entry allows: as 0xRRGGBB on
    /// direct-colour entries, else as the nearest entry of the 256-colour cube and grey ramp, else
    /// the nearest of the 16 or 8 ANSI colours. Palette entries are never redefined
    /// (`init_extended_color`), because that changes colours the user chose, in other programs too.
    func pair(for style: Style) -> Int32 {
        guard capabilities.colourDepth > .mono else { return 0 }
        let key = PairKey(foreground: colourNumber(style.foreground), background: colourNumber(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        pairsInUse.insert(key)
        return max(alloc_pair(key.foreground, key.background), 0)
    }

    private func colourNumber(_ colour: Colour?) -> Int32 {
        guard let colour else { return -1 }
        switch capabilities.colourDepth {
        case .trueColour where directColour:
            // Direct-colour entries send numbers below 8 as the ANSI colours; nudge the seven
            // near-black blues that would collide (pure black stays ANSI black).
            return Int32(colour.rgb == 0 || colour.rgb >= 8 ? colour.rgb : 8)
        case .trueColour, .palette256:
            return Int32(colour.palette256Index)
        case .ansi16:
            return Int32(colour.ansiIndex(count: 16))
        case .ansi8, .mono:
            return Int32(colour.ansiIndex(count: 8))
        }
    }
}
