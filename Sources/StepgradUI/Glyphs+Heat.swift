import TerminalUI

extension Glyphs {
    /// Two characters giving sign and magnitude without colour: `+▓`, `−░`; ` 0` for zero (a value,
    /// not a hole in its matrix), `±∞` (ASCII `±!`) for infinities and `??` for NaN, so none can
    /// pass for an ordinary value.
    public func heatMarker(_ level: HeatLevel) -> String {
        switch level {
        case .zero: " 0"
        case .positive(let t): String([plus, shade(t)])
        case .negative(let t): String([minus, shade(t)])
        case .positiveInfinity: String([plus, infinity])
        case .negativeInfinity: String([minus, infinity])
        case .nan: "??"
        }
    }
}
