/// A 24-bit sRGB colour. Views always speak RGB; the terminal backend quantises to whatever the
/// terminal can show (see `Colour+Quantisation.swift`), so a theme is written once for every depth.
public struct Colour: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `0xRRGGBB`, the form direct-colour terminfo entries take as a colour number.
    public var rgb: Int { Int(red) << 16 | Int(green) << 8 | Int(blue) }

    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The colour a fraction `t` of the way from `self` to `other` (clamped to 0…1), per channel, rounded.
    public func mixed(with other: Colour, _ t: Double) -> Colour {
        let t = min(max(t, 0), 1)
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return Colour(channel(red, other.red), channel(green, other.green), channel(blue, other.blue))
    }

    /// Black or white, whichever reads better on this colour as a background
    /// (ITU-R BT.601 luma against the middle of the range).
    public var contrastingText: Colour {
        let luma = 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)
        return luma > 140 ? .black : .white
    }

    public static let black = Colour(0, 0, 0)
    public static let white = Colour(255, 255, 255)

    /// The sixteen ANSI colours as xterm shows them by default. Terminals let users change these,
    /// so they are only targets for 8/16-colour terminals, never for 256-colour or direct output.
    public static let ansi: [Colour] = [
        Colour(0, 0, 0), Colour(205, 0, 0), Colour(0, 205, 0), Colour(205, 205, 0),
        Colour(0, 0, 238), Colour(205, 0, 205), Colour(0, 205, 205), Colour(229, 229, 229),
        Colour(127, 127, 127), Colour(255, 0, 0), Colour(0, 255, 0), Colour(255, 255, 0),
        Colour(92, 92, 255), Colour(255, 0, 255), Colour(0, 255, 255), Colour(255, 255, 255),
    ]

    /// Names for the ANSI indices, so themes for 8/16 colours read as words.
    public enum ANSI: Int, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

        public var colour: Colour { Colour.ansi[rawValue] }
    }
}
