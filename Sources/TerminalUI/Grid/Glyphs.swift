/// The characters of a box: corners, edges and the joints where lines meet.
public struct BoxGlyphs: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight: Character
    public var horizontal, vertical: Character
    public var teeDown, teeUp, teeRight, teeLeft, cross: Character

    public static let light = BoxGlyphs(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                        horizontal: "─", vertical: "│",
                                        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼")
    public static let rounded = BoxGlyphs(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
                                          horizontal: "─", vertical: "│",
                                          teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼")
    public static let heavy = BoxGlyphs(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                                        horizontal: "━", vertical: "┃",
                                        teeDown: "┳", teeUp: "┻", teeRight: "┣", teeLeft: "┫", cross: "╋")
    public static let ascii = BoxGlyphs(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                                        horizontal: "-", vertical: "|",
                                        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+")
    /// ASCII stand-in for `heavy`, to mark the focused panel.
    public static let asciiHeavy = BoxGlyphs(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#",
                                             horizontal: "=", vertical: "#",
                                             teeDown: "#", teeUp: "#", teeRight: "#", teeLeft: "#", cross: "#")
}

/// Every non-ASCII character the views draw, with ASCII stand-ins for terminals whose locale is not
/// UTF-8. Views take their glyphs from here, never from literals, so both sets stay complete.
public struct Glyphs: Hashable, Sendable {
    public var box: BoxGlyphs
    /// For the panel that has focus.
    public var focusBox: BoxGlyphs
    /// Four shades, lightest first: heatmap magnitude where colour cannot show it.
    public var shades: [Character]
    public var plus: Character
    public var minus: Character
    public var infinity: Character
    public var ellipsis: Character
    public var times: Character
    public var arrowLeft, arrowRight, arrowUp, arrowDown: Character
    /// Marks the selected entry of a list.
    public var pointer: Character

    public static let unicode = Glyphs(box: .light, focusBox: .heavy, shades: ["░", "▒", "▓", "█"],
                                       plus: "+", minus: "−", infinity: "∞", ellipsis: "…", times: "×",
                                       arrowLeft: "←", arrowRight: "→", arrowUp: "↑", arrowDown: "↓", pointer: "▶")
    public static let ascii = Glyphs(box: .ascii, focusBox: .asciiHeavy, shades: [".", ":", "*", "#"],
                                     plus: "+", minus: "-", infinity: "!", ellipsis: "~", times: "x",
                                     arrowLeft: "<", arrowRight: ">", arrowUp: "^", arrowDown: "v", pointer: ">")

    public static func forLocale(unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }

    /// The shade for an intensity in (0, 1]: quarters, lightest first.
    public func shade(_ intensity: Double) -> Character {
        let quarter = Int((min(max(intensity, 0), 1) * 4).rounded(.up)) - 1
        return shades[min(max(quarter, 0), shades.count - 1)]
    }
}
