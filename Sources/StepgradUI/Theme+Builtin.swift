import TerminalUI

/// The four built-in themes. Dark leaves the background to the terminal; light sets it (white) and
/// high contrast too (pure black), so that their contrast holds on any terminal (a light theme's
/// grey frames would all but vanish on a dark one); mono uses attributes only.
/// Heatmap hues are blue for positive and orange for negative, a pair that stays distinct for the
/// common forms of colour blindness; NaN is magenta, used for nothing else.
extension Theme {
    public static let dark = Theme(
        name: "dark",
        heatmap: HeatmapPalette(hues: .init(neutral: Colour(44, 44, 44), positive: Colour(49, 130, 229),
                                            negative: Colour(236, 112, 20), nan: Colour(215, 0, 215))),
        terminal: (Colour(229, 229, 229), Colour(16, 16, 16))
    ) { role in
        switch role {
        case .text: .plain
        case .dim: Style(foreground: Colour(138, 138, 138))
        case .title: Style(attributes: .bold)
        case .accent: Style(foreground: Colour(102, 217, 239), attributes: .bold)
        case .border: Style(foreground: Colour(98, 98, 98))
        case .focus: Style(foreground: Colour(102, 217, 239), attributes: .bold)
        case .highlight: Style(foreground: .black, background: Colour(255, 215, 0), attributes: .bold)
        case .readOperand: Style(foreground: Colour(255, 215, 95), attributes: [.bold, .underline])
        case .changed: Style(foreground: Colour(135, 215, 95), attributes: .bold)
        case .positive: Style(foreground: Colour(95, 175, 255))
        case .negative: Style(foreground: Colour(255, 145, 40))
        case .nan: Style(foreground: Colour(255, 95, 255), attributes: .bold)
        case .error: Style(foreground: Colour(255, 95, 95), attributes: .bold)
        case .warning: Style(foreground: Colour(255, 215, 95))
        case .success: Style(foreground: Colour(135, 215, 95))
        case .statusBar: Style(foreground: Colour(228, 228, 228), background: Colour(48, 48, 48))
        case .key: Style(foreground: Colour(102, 217, 239), attributes: .bold)
        }
    }

    public static let light = Theme(
        name: "light",
        heatmap: HeatmapPalette(hues: .init(neutral: Colour(238, 238, 238), positive: Colour(33, 102, 172),
                                            negative: Colour(179, 88, 6), nan: Colour(175, 0, 175))),
        terminal: (.black, .white)
    ) { role in
        let page = Colour.white
        return switch role {
        case .text: Style(foreground: .black, background: page)
        case .dim: Style(foreground: Colour(108, 108, 108), background: page)
        case .title: Style(foreground: .black, background: page, attributes: .bold)
        case .accent: Style(foreground: Colour(0, 95, 175), background: page, attributes: .bold)
        case .border: Style(foreground: Colour(128, 128, 128), background: page)
        case .focus: Style(foreground: Colour(0, 95, 175), background: page, attributes: .bold)
        case .highlight: Style(foreground: .black, background: Colour(255, 215, 0), attributes: .bold)
        case .readOperand: Style(foreground: Colour(135, 0, 135), background: page, attributes: [.bold, .underline])
        case .changed: Style(foreground: Colour(0, 135, 0), background: page, attributes: .bold)
        case .positive: Style(foreground: Colour(0, 95, 175), background: page)
        case .negative: Style(foreground: Colour(175, 85, 0), background: page)
        case .nan: Style(foreground: Colour(175, 0, 175), background: page, attributes: .bold)
        case .error: Style(foreground: Colour(215, 0, 0), background: page, attributes: .bold)
        case .warning: Style(foreground: Colour(175, 95, 0), background: page)
        case .success: Style(foreground: Colour(0, 135, 0), background: page)
        case .statusBar: Style(foreground: .black, background: Colour(218, 218, 218))
        case .key: Style(foreground: Colour(0, 95, 175), background: page, attributes: .bold)
        }
    }

    public static let highContrast = Theme(
        name: "high-contrast",
        heatmap: HeatmapPalette(hues: .init(neutral: Colour(64, 64, 64), positive: Colour(0, 160, 255),
                                            negative: Colour(255, 140, 0), nan: Colour(255, 0, 255))),
        terminal: (.white, .black)
    ) { role in
        let black = Colour.black
        return switch role {
        case .text: Style(foreground: .white, background: black)
        case .dim: Style(foreground: Colour(200, 200, 200), background: black)
        case .title: Style(foreground: .white, background: black, attributes: .bold)
        case .accent: Style(foreground: Colour(0, 255, 255), background: black, attributes: .bold)
        case .border: Style(foreground: .white, background: black)
        case .focus: Style(foreground: Colour(255, 255, 0), background: black, attributes: .bold)
        case .highlight: Style(foreground: black, background: Colour(255, 255, 0), attributes: .bold)
        case .readOperand: Style(foreground: black, background: Colour(0, 255, 255), attributes: [.bold, .underline])
        case .changed: Style(foreground: Colour(0, 255, 0), background: black, attributes: [.bold, .underline])
        case .positive: Style(foreground: Colour(0, 200, 255), background: black)
        case .negative: Style(foreground: Colour(255, 165, 0), background: black)
        case .nan: Style(foreground: Colour(255, 0, 255), background: black, attributes: .bold)
        case .error: Style(foreground: Colour(255, 80, 80), background: black, attributes: .bold)
        case .warning: Style(foreground: Colour(255, 255, 0), background: black)
        case .success: Style(foreground: Colour(0, 255, 0), background: black)
        case .statusBar: Style(foreground: black, background: .white, attributes: .bold)
        case .key: Style(foreground: Colour(255, 255, 0), background: black, attributes: .bold)
        }
    }

    /// For NO_COLOR and colourless terminals: attributes only. Signs come from the text itself and
    /// heatmap magnitude from `Glyphs.heatMarker`.
    public static let mono = Theme(name: "mono", heatmap: .monochrome, terminal: (Colour(229, 229, 229), Colour(16, 16, 16))) { role in
        switch role {
        case .text, .border, .positive, .negative, .success: .plain
        case .dim: Style(attributes: .dim)
        case .title, .accent, .focus, .warning, .key: Style(attributes: .bold)
        case .highlight: Style(attributes: [.reverse, .bold])
        case .readOperand: Style(attributes: .underline)
        case .changed: Style(attributes: [.bold, .underline])
        case .nan: Style(attributes: .reverse)
        case .error: Style(attributes: [.reverse, .underline])
        case .statusBar: Style(attributes: .reverse)
        }
    }
}
