import Foundation

/// The matrix equations of a worked solution in LaTeX or Markdown (`z_{1} = W_{1} x + b_{1} =
/// \begin{pmatrix}…\end{pmatrix} \cdot … = \begin{pmatrix}…\end{pmatrix}`), found in its printed
/// text and worked as a reader works them: every side with numbers, evaluated matrix by matrix
/// from the digits printed, against the result printed at the end. Knows nothing of how they
/// were written but the notation of matrices a reader knows.
struct PrintedDisplay {
    var text: String
    /// The sides of the equation that hold numbers; the last is the result.
    var sides: [String]
    var marked: Bool

    /// Every statement of a display math block that holds a matrix (the rows of `aligned` that
    /// continue it joined back on, statements apart at `\qquad` or a row of their own), except the
    /// element lines. A statement listing a value (`x = …`) has one side with numbers, and nothing to work.
    static func all(_ output: String, markdown: Bool) -> [PrintedDisplay] {
        var blocks: [[String]] = [], current: [String]?
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let opens = markdown ? line == "```math" : (line == "$$" || line == "\\sbox0{$\\displaystyle")
            let closes = markdown ? line == "```" : (line == "$$" || line.hasPrefix("$}"))
            if current != nil && closes {
                blocks.append(current!)
                current = nil
            } else if current == nil && opens {
                current = []
            } else if current != nil {
                current!.append(line)
            }
        }
        var statements: [String] = []
        for block in blocks where block.contains(where: { $0.contains("\\begin{pmatrix}") }) {
            guard !block.contains(where: { $0.contains("\\left[") || $0.hasPrefix("\\mathcal{L} ") }) else { continue }
            for var row in block where row != "\\begin{aligned}" && row != "\\end{aligned}" {
                if row.hasSuffix(" \\\\") { row.removeLast(3) }
                if row.hasPrefix("& ") && !statements.isEmpty {
                    statements[statements.count - 1] += " " + row.dropFirst(2)
                } else {
                    statements += row.components(separatedBy: "\\qquad")
                }
            }
        }
        return statements.filter { $0.contains("\\begin{pmatrix}") }.map { statement in
            PrintedDisplay(statement.replacingOccurrences(of: "&", with: " ").replacingOccurrences(of: "\\quad \\quad", with: " "))
        }
    }

    init(_ text: String) {
        self.text = text
        var body = text.trimmingCharacters(in: .whitespaces)
        marked = body.hasSuffix("\\quad\\dagger")
        if marked { body.removeLast("\\quad\\dagger".count) }
        sides = Self.splitAtEquals(body).filter { $0.contains("\\begin{pmatrix}") }
    }

    /// ` = ` outside matrices (whose cells are separated by `&`, never `=`).
    private static func splitAtEquals(_ text: String) -> [String] {
        text.components(separatedBy: " = ").map { $0.replacingOccurrences(of: "\\quad", with: " ") }
    }

    /// The sides that do not give the printed result, each element allowed half a unit of the
    /// printed element's last place (and a hair for functions worked in Double).
    func errors(leakySlope: Double) throws -> (off: [String], borderline: Bool) {
        guard sides.count > 1, !text.contains("NaN"), !text.contains("infty") else { return ([], false) }
        var result = MatrixArithmetic(sides[sides.count - 1], leakySlope: leakySlope)
        let printed = try result.evaluate()
        var off: [String] = [], borderline = false
        for side in sides.dropLast() {
            var arithmetic = MatrixArithmetic(side, leakySlope: leakySlope)
            let worked = try arithmetic.evaluate()
            guard worked.rows == printed.rows, worked.columns == printed.columns else {
                off.append("\(side): \(worked.rows)×\(worked.columns), printed \(printed.rows)×\(printed.columns)")
                continue
            }
            for (index, cell) in printed.cells.enumerated() where !cell.value.isNaN {
                let value = worked.cells[index].value
                guard !value.isNaN else { off.append("element \(index) of \(side) cannot be worked"); continue }
                let allowed = cell.unit / ScaledDecimal(2), hair = allowed * ScaledDecimal(string: "0.000001")!
                let error = (value - cell.value).magnitude
                if error > allowed + hair { off.append("element \(index): \(value), printed \(cell.value) in \(text)") }
                if (error - allowed).magnitude <= hair { borderline = true }
            }
        }
        return (off, borderline)
    }
}

/// A printed matrix expression worked in decimal: pmatrix literals, `+`, `-`, `\cdot` (the matrix
/// product, or a number times a matrix), `\odot`, `\frac{1}{B}` before a bracket, `/ n` after one,
/// `\sum_{s}` (over the columns, one per sample), `1 -` a matrix, and the activations and their
/// derivatives applied elementwise (softmax per column).
struct MatrixArithmetic {
    struct Cell {
        var value: ScaledDecimal
        /// The place of the last digit printed; 0 for a number that is not printed.
        var unit: ScaledDecimal
    }

    struct Value {
        var rows: Int
        var columns: Int
        var cells: [Cell]
        var isScalar: Bool { rows == 0 }

        static func scalar(_ v: ScaledDecimal) -> Value { Value(rows: 0, columns: 0, cells: [Cell(value: v, unit: ScaledDecimal(0))]) }
        subscript(r: Int, c: Int) -> ScaledDecimal { isScalar ? cells[0].value : cells[r * columns + c].value }

        func map(_ f: (ScaledDecimal) -> ScaledDecimal) -> Value {
            Value(rows: rows, columns: columns, cells: cells.map { Cell(value: f($0.value), unit: ScaledDecimal(0)) })
        }
    }

    private var tokens: [String]
    private var position = 0
    let leakySlope: Double

    init(_ text: String, leakySlope: Double) {
        self.leakySlope = leakySlope
        tokens = text.split(separator: " ").map(String.init).filter { !$0.isEmpty }
    }

    mutating func evaluate() throws -> Value {
        let value = try sum()
        guard position == tokens.count else { throw fail("unread") }
        return value
    }

    private func fail(_ what: String) -> PrintedArithmetic.Failure {
        PrintedArithmetic.Failure(description: "\(what) at token \(position) in \(tokens.joined(separator: " "))")
    }

    private var next: String? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ token: String) -> Bool {
        guard next == token else { return false }
        position += 1
        return true
    }

    private mutating func sum() throws -> Value {
        var value = try product()
        while true {
            if take("+") { value = try Self.combine(value, try product(), +) }
            else if take("-") { value = try Self.combine(value, try product(), -) }
            else { return value }
        }
    }

    private mutating func product() throws -> Value {
        var value = try primary()
        while true {
            if take("\\cdot") {
                let right = try primary()
                value = value.isScalar || right.isScalar ? try Self.combine(value, right, *) : try Self.multiply(value, right)
            } else if take("\\odot") {
                value = try Self.combine(value, try primary(), *)
            } else if take("/") {
                guard let n = next.flatMap({ ScaledDecimal(string: $0) }) else { throw fail("expected a divisor") }
                position += 1
                value = value.map { $0 / n }
            } else if let next, next.hasPrefix("\\left(") || next == "\\bigl(" || next.hasPrefix("\\begin{pmatrix}") || next.hasPrefix("\\operatorname") {
                // `\frac{1}{4} \left(…\right)`: a number before a bracket multiplies it.
                guard value.isScalar else { return value }
                value = try Self.combine(value, try primary(), *)
            } else {
                return value
            }
        }
    }

    private mutating func primary() throws -> Value {
        guard let token = next else { throw fail("expected a value") }
        position += 1
        if token == "\\begin{pmatrix}" { return try matrix() }
        if token == "\\left(1" && take("-") {
            // `\left(1 - a\right)`, elementwise.
            let inner = try sum()
            guard take("\\right)") else { throw fail("expected \\right)") }
            return inner.map { ScaledDecimal(1) - $0 }
        }
        if token == "\\left(" || token == "\\bigl(" {
            let inner = try sum()
            guard take(token == "\\left(" ? "\\right)" : "\\bigr)") else { throw fail("expected a closing bracket") }
            return inner
        }
        if token.hasPrefix("\\frac{1}{"), token.hasSuffix("}"), let n = ScaledDecimal(string: String(token.dropFirst(9).dropLast())) {
            return .scalar(ScaledDecimal(1) / n)
        }
        if token == "\\sum_{s}" {
            let inner = try primary()
            return Value(rows: inner.rows, columns: 1, cells: (0..<inner.rows).map { r in
                Cell(value: (0..<inner.columns).reduce(ScaledDecimal(0)) { $0 + inner[r, $1] }, unit: ScaledDecimal(0))
            })
        }
        if token.hasPrefix("\\operatorname{") {
            let name = String(token.dropFirst(14).prefix { $0 != "}" })
            let derivative = token.contains("}'")
            guard token.hasSuffix("\\left(") || take("\\left(") else { throw fail("expected a bracket after \(name)") }
            let inner = try sum()
            guard take("\\right)") else { throw fail("expected \\right)") }
            return try apply(name, derivative: derivative, inner)
        }
        if let v = ScaledDecimal(string: token) { return .scalar(v) }
        throw fail("unexpected \(token)")
    }

    /// `a & b \\ c & d \end{pmatrix}`, the numbers as printed.
    private mutating func matrix() throws -> Value {
        var rows: [[PrintedArithmetic.Number]] = [[]]
        let numbers = PrintedArithmetic(.latex)
        while let token = next, token != "\\end{pmatrix}" {
            position += 1
            if token == "\\\\" { rows.append([]); continue }
            rows[rows.count - 1].append(try numbers.number(token))
        }
        guard take("\\end{pmatrix}") else { throw fail("unclosed pmatrix") }
        let columns = rows[0].count
        guard rows.allSatisfy({ $0.count == columns }) else { throw fail("ragged matrix") }
        return Value(rows: rows.count, columns: columns, cells: rows.flatMap { $0.map { Cell(value: $0.value, unit: $0.unit) } })
    }

    private func apply(_ name: String, derivative: Bool, _ z: Value) throws -> Value {
        func elementwise(_ f: @escaping (Double) -> Double) -> Value { z.map { ScaledDecimal(f($0.double)) } }
        switch (name, derivative) {
        case ("identity", false): return z
        case ("identity", true): return z.map { _ in ScaledDecimal(1) }
        case ("relu", false): return z.map { $0 > ScaledDecimal(0) ? $0 : ScaledDecimal(0) }
        case ("relu", true): return z.map { ScaledDecimal($0 > ScaledDecimal(0) ? 1 : 0) }
        case ("leaky-relu", false): return z.map { $0 > ScaledDecimal(0) ? $0 : $0 * ScaledDecimal(leakySlope) }
        case ("leaky-relu", true): return z.map { $0 > ScaledDecimal(0) ? ScaledDecimal(1) : ScaledDecimal(leakySlope) }
        case ("sigmoid", false): return elementwise { 1 / (1 + exp(-$0)) }
        case ("tanh", false): return elementwise { tanh($0) }
        case ("softmax", false):
            var out = z
            for c in 0..<z.columns {
                let column = (0..<z.rows).map { z[$0, c].double }, top = column.max() ?? 0
                let total = column.map { exp($0 - top) }.reduce(0, +)
                for r in 0..<z.rows { out.cells[r * z.columns + c] = Cell(value: ScaledDecimal(exp(column[r] - top) / total), unit: ScaledDecimal(0)) }
            }
            return out
        default: throw fail("unknown function \(name)\(derivative ? "′" : "")")
        }
    }

    /// Elementwise; a number applies to every element, and a column (a bias) to every column, one per sample.
    private static func combine(_ a: Value, _ b: Value, _ op: (ScaledDecimal, ScaledDecimal) -> ScaledDecimal) throws -> Value {
        if a.isScalar && b.isScalar { return .scalar(op(a.cells[0].value, b.cells[0].value)) }
        let shape = a.isScalar || (a.columns == 1 && !b.isScalar) ? b : a
        func fits(_ v: Value) -> Bool { v.isScalar || (v.rows == shape.rows && (v.columns == shape.columns || v.columns == 1)) }
        guard fits(a), fits(b) else {
            throw PrintedArithmetic.Failure(description: "shapes \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns)")
        }
        func at(_ v: Value, _ r: Int, _ c: Int) -> ScaledDecimal { v[r, v.columns == 1 ? 0 : c] }
        return Value(rows: shape.rows, columns: shape.columns, cells: (0..<shape.cells.count).map { i in
            let r = i / shape.columns, c = i % shape.columns
            return Cell(value: op(at(a, r, c), at(b, r, c)), unit: ScaledDecimal(0))
        })
    }

    private static func multiply(_ a: Value, _ b: Value) throws -> Value {
        guard a.columns == b.rows else {
            throw PrintedArithmetic.Failure(description: "product of \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns)")
        }
        return Value(rows: a.rows, columns: b.columns, cells: (0..<a.rows * b.columns).map { i in
            let r = i / b.columns, c = i % b.columns
            return Cell(value: (0..<a.columns).reduce(ScaledDecimal(0)) { $0 + a[r, $1] * b[$1, c] }, unit: ScaledDecimal(0))
        })
    }
}
