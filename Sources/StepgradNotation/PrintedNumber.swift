/// One number as printed: its text in each notation, the value that text means, and the place of
/// its last digit, so that a line can be checked the way a reader checks it.
public struct PrintedNumber: Hashable, Sendable {
    /// For files and programs: `-3.7e-5`, `0.2984`; `NaN`, `Infinity`.
    public let ascii: String
    /// The value of the text (the Double nearest the decimal printed); the number itself when not
    /// finite. Read once when printed: a line is worked from its numbers' values many times over
    /// while its digits are chosen, and reading the text back is dear.
    public let value: Double
    /// The place value of the last digit the rounding kept, trailing zeros included (0.0001 for 0.5
    /// rounded to four places): the text claims the number to within half of it.
    public var unit: Double
    /// The place value of the last digit shown (0.1 for that 0.5): what a reader can hold it to.
    public var shownUnit: Double
    /// The mantissa and power of ten of a number written `3.7·10⁻⁵`, which binds like a product.
    private var scientific: (mantissa: String, power: Int)?
    private var nonFinite: Double?

    public var isScientific: Bool { scientific != nil }
    public var isNegative: Bool { ascii.hasPrefix("-") }

    /// `−3.7·10⁻⁵`, `0.2984`, `∞`.
    public var unicode: String {
        if let nonFinite { return nonFinite.isNaN ? "NaN" : nonFinite < 0 ? "−∞" : "∞" }
        guard let scientific else { return ascii.unicodeMinus }
        return scientific.mantissa.unicodeMinus + "·10" + Self.superscript(String(scientific.power))
    }

    /// `-3.7\times10^{-5}`, `\infty`.
    public var latex: String {
        if let nonFinite { return nonFinite.isNaN ? "\\mathrm{NaN}" : nonFinite < 0 ? "-\\infty" : "\\infty" }
        guard let scientific else { return ascii }
        return scientific.mantissa + "\\times10^{\(scientific.power)}"
    }

    public static func == (a: PrintedNumber, b: PrintedNumber) -> Bool { a.ascii == b.ascii && a.unit == b.unit }
    public func hash(into hasher: inout Hasher) { hasher.combine(ascii); hasher.combine(unit) }

    /// A decimal rounded to `unit`, laid out as a person writes it: positional between 10⁻⁴ and 10⁶,
    /// else scientific (`3.7·10⁻⁵`), never `e−5` in Unicode or LaTeX.
    init(_ decimal: DecimalDigits, unit: Double) {
        let lastPlace = decimal.exponent - max(decimal.digits.count, 1) + 1
        if !decimal.isZero && (decimal.exponent >= 6 || decimal.exponent <= -5) {
            scientific = (decimal.mantissa, decimal.exponent)
            ascii = decimal.mantissa + "e" + String(decimal.exponent)
            shownUnit = Self.power(lastPlace)
        } else {
            ascii = decimal.positional
            shownUnit = Self.power(min(lastPlace, 0))
        }
        self.unit = min(unit, shownUnit)
        value = Self.value(of: decimal) ?? Double(ascii) ?? .nan
    }

    /// The Double nearest a decimal of at most 15 digits and a power of ten within ±22, as reading
    /// its text gives it, without the text: both the digits and the power are exact in a Double, so
    /// one correctly rounded multiplication or division gives the nearest. `nil` for other decimals.
    private static func value(of decimal: DecimalDigits) -> Double? {
        guard decimal.digits.count <= 15 else { return nil }
        var whole = 0
        for digit in decimal.digits { whole = whole &* 10 &+ Int(digit) }
        // The value is whole·10^shift.
        let shift = decimal.exponent - decimal.digits.count + 1
        guard abs(shift) <= 22 else { return nil }
        let magnitude = shift >= 0 ? Double(whole) * power(shift) : Double(whole) / power(-shift)
        return decimal.negative ? -magnitude : magnitude
    }

    /// NaN and the infinities, shown unmistakably.
    init(nonFinite v: Double) {
        nonFinite = v
        ascii = v.isNaN ? "NaN" : v < 0 ? "-Infinity" : "Infinity"
        value = v
        unit = .nan
        shownUnit = .nan
    }

    /// 10ⁿ, exactly as the decimal reads (the Double nearest it).
    static func power(_ n: Int) -> Double {
        n >= -powerLimit && n <= powerLimit ? powers[n + powerLimit] : Double("1e\(n)")!
    }
    /// Every power of ten a Double comes near (10⁻³²⁴ reads as 0, 10³⁰⁹ as ∞), read once.
    private static let powerLimit = 400
    private static let powers: [Double] = (-powerLimit...powerLimit).map { Double("1e\($0)")! }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    private static func superscript(_ s: String) -> String { String(s.map { superscripts[$0] ?? $0 }) }
}

extension String {
    /// The minus sign of print, not the hyphen of files (only ever leading here).
    var unicodeMinus: String { hasPrefix("-") ? "−" + dropFirst() : self }
}
