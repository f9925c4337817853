import Foundation
import TerminalUI

/// What the eye makes of a colour: WCAG 2 contrast between text and its background, and the
/// OKLab space (Björn Ottosson, 2020), where straight lines are even ramps of lightness and hue.
extension Colour {
    /// WCAG 2 relative luminance, 0 for black to 1 for white.
    var relativeLuminance: Double {
        let (r, g, b) = linear
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// The WCAG 2 contrast ratio with `other`, from 1 (none) to 21 (black on white).
    func contrast(with other: Colour) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Black or white, whichever has the higher contrast on this colour as a background: at least
    /// 4.58:1 on any colour, which is what the WCAG's 4.5:1 for text asks.
    var legibleText: Colour {
        contrast(with: .black) >= contrast(with: .white) ? .black : .white
    }

    /// The colour in OKLab: lightness L in 0…1, then a (green–red) and b (blue–yellow).
    var oklab: (L: Double, a: Double, b: Double) {
        let (r, g, b) = linear
        let l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
    }

    /// The sRGB colour nearest to an OKLab point (channels clamped).
    init(oklab L: Double, _ a: Double, _ b: Double) {
        let l = pow(L + 0.3963377774 * a + 0.2158037573 * b, 3)
        let m = pow(L - 0.1055613458 * a - 0.0638541728 * b, 3)
        let s = pow(L - 0.0894841775 * a - 1.2914855480 * b, 3)
        func encode(_ v: Double) -> UInt8 {
            let v = min(max(v, 0), 1)
            let e = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
            return UInt8((e * 255).rounded())
        }
        self.init(encode(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
                  encode(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
                  encode(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s))
    }

    /// The colour a fraction `t` of the way from `self` to `other` in OKLab.
    func blended(with other: Colour, _ t: Double) -> Colour {
        // The ends exactly: a round trip through OKLab can be a unit off.
        if t <= 0 { return self }
        if t >= 1 { return other }
        let (p, q) = (oklab, other.oklab)
        return Colour(oklab: p.L + (q.L - p.L) * t, p.a + (q.a - p.a) * t, p.b + (q.b - p.b) * t)
    }

    private var linear: (Double, Double, Double) {
        func decode(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return (decode(red), decode(green), decode(blue))
    }
}
