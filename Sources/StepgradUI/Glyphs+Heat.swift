import TerminalUI

extension Glyphs {
    /// Two characters giving sign and magnitude without colour: `+▓`, `−░`; two blanks for zero,
    /// `±∞` (ASCII `±!`) for infinities and `??` for NaN, so none can pass for an ordinary value.
    public func heatMarker(_ level: HeatLevel) -> String {
        switch level {
        case .zero: "  "
        case .positive(let t): String([plus, shade(t)])
        case .negative(let t): String([minus, shade(t)])
        case .positiveInfinity: String([plus, infinity])
        case .negativeInfinity: String([minus, infinity])
        case .nan: "??"
        }
    }
}
