/// One number as printed: its text in each notation, the value that text means, and the place of
/// its last digit, so that a line can be checked the way a reader checks it.
public struct PrintedNumber: Hashable, Sendable {
    /// `−3.7·10⁻⁵`, `0.2984`, `∞`.
    public var unicode: String
    /// `-3.7\times10^{-5}`.
    public var latex: String
    /// For files and programs: `-3.7e-5`.
    public var ascii: String
    /// The value of the text (the Double nearest the decimal printed); the number itself when not finite.
    public var value: Double
    /// The place value of the last digit the rounding kept, trailing zeros included (0.0001 for 0.5
    /// rounded to four places): the text claims the number to within half of it.
    public var unit: Double
    /// The place value of the last digit shown (0.1 for that 0.5): what a reader can hold it to.
    public var shownUnit: Double
    /// Written as a mantissa times a power of ten, which binds like a product.
    public var isScientific: Bool

    public var isNegative: Bool { value < 0 }

    /// A decimal rounded to `unit`, laid out as a person writes it: positional between 10⁻⁴ and 10⁶,
    /// else scientific (`3.7·10⁻⁵`), never `e−5` in Unicode or LaTeX.
    init(_ decimal: DecimalDigits, unit: Double) {
        let scientific = !decimal.isZero && (decimal.exponent >= 6 || decimal.exponent <= -5)
        let lastPlace = decimal.exponent - max(decimal.digits.count, 1) + 1
        if scientific {
            let mantissa = decimal.mantissa, power = String(decimal.exponent)
            ascii = mantissa + "e" + power
            unicode = mantissa.unicodeMinus + "·10" + Self.superscript(power)
            latex = mantissa + "\\times10^{" + power + "}"
            shownUnit = Self.power(lastPlace)
        } else {
            ascii = decimal.positional
            unicode = ascii.unicodeMinus
            latex = ascii
            shownUnit = Self.power(min(lastPlace, 0))
        }
        value = Double(ascii) ?? .nan
        self.unit = min(unit, shownUnit)
        isScientific = scientific
    }

    /// NaN and the infinities, shown unmistakably.
    init(nonFinite v: Double) {
        value = v
        unit = .nan
        shownUnit = .nan
        isScientific = false
        if v.isNaN {
            (unicode, latex, ascii) = ("NaN", "\\mathrm{NaN}", "NaN")
        } else {
            (unicode, latex, ascii) = v < 0 ? ("−∞", "-\\infty", "-Infinity") : ("∞", "\\infty", "Infinity")
        }
    }

    /// 10ⁿ, exactly as the decimal reads.
    static func power(_ n: Int) -> Double { Double("1e\(n)")! }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    private static func superscript(_ s: String) -> String { String(s.map { superscripts[$0] ?? $0 }) }
}

extension String {
    /// The minus sign of print, not the hyphen of files.
    var unicodeMinus: String { String(map { $0 == "-" ? "−" : $0 }) }
}
