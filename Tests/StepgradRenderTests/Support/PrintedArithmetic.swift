import Foundation

/// Works a printed line by hand: reads the text of `explain` (Unicode or LaTeX), knowing nothing of
/// how it was written, and evaluates each step from its numbers exactly as printed, in decimal
/// arithmetic with powers of ten of any size (functions in Double, as a calculator would, with
/// their power of ten kept apart where a Double could not hold it).
struct PrintedArithmetic {
    enum Notation { case unicode, latex }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A printed number: its value and the place value of its last digit.
    struct Number {
        var value: ScaledDecimal
        var unit: ScaledDecimal
    }

    let notation: Notation
    private var characters: [Character] = []
    private var position = 0

    init(_ notation: Notation) { self.notation = notation }

    // MARK: The result

    /// `−0.2984`, `3.7·10⁻⁵`, `-3.7\times10^{-5}`, `12346`, `0`.
    func number(_ text: String) throws -> Number {
        var text = text.trimmingCharacters(in: .whitespaces)
        var exponent = 0
        let powerMark = notation == .latex ? "\\times10^{" : "·10"
        if let range = text.range(of: powerMark) {
            var power = String(text[range.upperBound...])
            if notation == .latex {
                guard power.hasSuffix("}") else { throw Failure(description: "bad power in \(text)") }
                power.removeLast()
            } else {
                power = String(power.map { Self.superscripts[$0] ?? "?" })
            }
            guard let e = Int(power.replacingOccurrences(of: "−", with: "-")) else { throw Failure(description: "bad power in \(text)") }
            exponent = e
            text = String(text[..<range.lowerBound])
        }
        let mantissa = text.replacingOccurrences(of: "−", with: "-")
        guard mantissa.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = ScaledDecimal(string: mantissa) else {
            throw Failure(description: "not a number: \(text)")
        }
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return Number(value: value * Self.power(exponent), unit: Self.power(exponent - decimals))
    }

    static func power(_ n: Int) -> ScaledDecimal { .tenTo(n) }

    static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
    ]

    // MARK: Steps

    mutating func evaluate(_ text: String) throws -> ScaledDecimal {
        characters = Array(text)
        position = 0
        let value = try expression()
        skipSpaces()
        guard position == characters.count else {
            throw Failure(description: "unread text at \(position) in \(text)")
        }
        return value
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " { position += 1 }
    }

    private mutating func take(_ s: String) -> Bool {
        skipSpaces()
        let c = Array(s)
        guard position + c.count <= characters.count, Array(characters[position..<position + c.count]) == c else { return false }
        position += c.count
        return true
    }

    private func fail(_ what: String) -> Failure {
        Failure(description: "\(what) at \(position) in \(String(characters))")
    }

    private var minusSign: String { notation == .latex ? "-" : "−" }

    private mutating func expression() throws -> ScaledDecimal {
        var value = try term()
        while true {
            if take("+") { value += try term() } else if take(minusSign) { value -= try term() } else { return value }
        }
    }

    private mutating func term() throws -> ScaledDecimal {
        var value = try unary()
        while true {
            if notation == .latex ? take("\\cdot") || take("\\times") : take("·") {
                value *= try unary()
            } else if notation == .unicode && take("/") {
                value /= try unary()
            } else {
                return value
            }
        }
    }

    private mutating func unary() throws -> ScaledDecimal {
        if take(minusSign) { return -(try unary()) }
        return try power()
    }

    private mutating func power() throws -> ScaledDecimal {
        let base = try primary()
        if notation == .latex {
            guard take("^{") else { return base }
            let exponent = try expression()
            guard take("}") else { throw fail("unclosed power") }
            return Self.raise(base, exponent)
        }
        if take("^") { return Self.raise(base, try primary()) }
        var digits = ""
        while position < characters.count, let d = Self.superscripts[characters[position]] { digits.append(d); position += 1 }
        guard !digits.isEmpty else { return base }
        guard let n = Int(digits) else { throw fail("bad superscript") }
        return Self.raise(base, ScaledDecimal(Decimal(n)))
    }

    /// Whole powers exactly (squares, powers of ten); others as a calculator would, through
    /// log₁₀: bˣ = 10^(x·log₁₀ b), its whole part kept as the power of ten.
    private static func raise(_ base: ScaledDecimal, _ exponent: ScaledDecimal) -> ScaledDecimal {
        let x = exponent.double
        if x == x.rounded(), abs(x) <= 400 {
            let n = Int(x)
            if base == ScaledDecimal(10) { return power(n) }
            var result = ScaledDecimal(1)
            for _ in 0..<abs(n) { result *= base }
            return n < 0 ? ScaledDecimal(1) / result : result
        }
        guard base > ScaledDecimal(0) else { return .nan }
        let t = x * base.log10Magnitude, whole = t.rounded(.down)
        return ScaledDecimal(pow(10, t - whole)) * power(Int(whole))
    }

    static func double(_ d: ScaledDecimal) -> Double { d.double }

    private static func decimal(_ v: Double) -> ScaledDecimal { ScaledDecimal(v) }

    private mutating func primary() throws -> ScaledDecimal {
        skipSpaces()
        if notation == .latex {
            if take("\\left(") { return try closed(by: "\\right)") }
            if take("\\frac{") {
                let numerator = try closed(by: "}")
                guard take("{") else { throw fail("\\frac without denominator") }
                return numerator / (try closed(by: "}"))
            }
            if take("\\sqrt{") { return Self.decimal(Self.double(try closed(by: "}")).squareRoot()) }
            if take("{") { return try closed(by: "}") }
            for (name, f) in Self.functions where take("\\" + name + "\\left(") { return try call(name, f, closing: "\\right)") }
        } else {
            if take("(") { return try closed(by: ")") }
            if take("√") { return Self.decimal(Self.double(try primary()).squareRoot()) }
            for (name, f) in Self.functions where take((name == "sigma" ? "σ" : name) + "(") { return try call(name, f, closing: ")") }
        }
        if take("e") { return Self.decimal(M_E) }
        var text = ""
        while position < characters.count, characters[position].isASCII, characters[position].isNumber || characters[position] == "." {
            text.append(characters[position])
            position += 1
        }
        guard let value = ScaledDecimal(string: text), !text.isEmpty else { throw fail("expected a number") }
        return value
    }

    private mutating func closed(by close: String) throws -> ScaledDecimal {
        let value = try expression()
        guard take(close) else { throw fail("expected \(close)") }
        return value
    }

    private static let functions: [(String, @Sendable ([Double]) -> Double)] = [
        ("ln", { log($0[0]) }), ("max", { $0.max()! }), ("tanh", { tanh($0[0]) }), ("sigma", { 1 / (1 + exp(-$0[0])) }),
    ]

    private mutating func call(_ name: String, _ f: @Sendable ([Double]) -> Double, closing: String) throws -> ScaledDecimal {
        var arguments = [try expression()]
        while take(",") { arguments.append(try expression()) }
        guard take(closing) else { throw fail("expected \(closing)") }
        // max compares exactly; the others are transcendental. ln takes x − 1, worked exactly, to
        // log1p: ln(1.000000000000000004248) is 4.248·10⁻¹⁸, not the ln 1 of the nearest Double.
        if arguments.count > 1 { return arguments.max()! }
        if name == "ln" {
            let x = arguments[0], t = x - ScaledDecimal(1)
            guard x > ScaledDecimal(0) else { return .nan }
            return Self.decimal(t.magnitude < ScaledDecimal(1) ? log1p(t.double) : x.log10Magnitude * M_LN10)
        }
        return Self.decimal(f(arguments.map(Self.double)))
    }
}
