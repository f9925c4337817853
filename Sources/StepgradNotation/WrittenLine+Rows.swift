import StepgradEngine

extension WrittenLine {
    /// The line as rows of an `aligned` block, aligned on the first `=`: one row when it fits
    /// `width`, else broken before an `=`, and a step too long for a row broken between the terms
    /// of its sum (inside a trailing bracket if need be). Widths are measured on the Unicode
    /// rendering, which sets about as wide as the typeset math.
    public func latexRows(width: Int) -> [String] {
        let pieces = visibleSteps.map { ($0.step, Row($0.unicode, ExpressionRows.latex.render($0.step))) }
            + [(nil, Row(result.unicode, result.latex))]
        let indent = label.count + 3
        var rows: [Row] = []
        for (step, whole) in pieces {
            if let last = rows.last, last.unicode.count + 3 + whole.unicode.count <= width {
                rows[rows.count - 1] = Row(last.unicode + " = " + whole.unicode, last.latex + " = " + whole.latex)
                continue
            }
            let broken = step.map { ExpressionRows.rows($0, width: width - indent) } ?? [whole]
            for (index, row) in broken.enumerated() {
                rows.append(Row(String(repeating: " ", count: indent) + row.unicode, (index == 0 ? "&= " : "&\\quad ") + row.latex))
            }
        }
        rows[0].latex = latexLabel + " " + rows[0].latex
        rows[rows.count - 1].latex += flag(.latex)
        return rows.map(\.latex)
    }
}

/// A piece of a line in both notations: Unicode to measure, LaTeX to print.
struct Row: Hashable {
    var unicode: String
    var latex: String
    init(_ unicode: String, _ latex: String) {
        self.unicode = unicode
        self.latex = latex
    }
}

/// Breaking one step over rows on its tree: between the terms of a sum, or inside the bracket
/// that ends it (`k·(a + b + c)`, `−(a + b)`).
enum ExpressionRows {
    static let unicode = ExpressionWriter(notation: .unicode, style: .exact)
    static let latex = ExpressionWriter(notation: .latex, style: .exact)

    static func rows(_ e: Expression, width: Int) -> [Row] {
        let whole = Row(unicode.render(e), latex.render(e))
        guard whole.unicode.count > width else { return [whole] }
        if let terms = terms(of: e) {
            var rows: [Row] = []
            for term in terms {
                if let last = rows.last, last.unicode.count + term.unicode.count <= width {
                    rows[rows.count - 1] = Row(last.unicode + term.unicode, last.latex + term.latex)
                } else {
                    rows.append(Row(term.unicode.trimmingLeadingSpace, term.latex.trimmingLeadingSpace))
                }
            }
            return rows
        }
        guard let (head, inner) = bracketed(e) else { return [whole] }
        let innerRows = rows(inner, width: width - head.unicode.count - 1)
        guard innerRows.count > 1 else { return [whole] }
        // \left and \right must pair within a row of `aligned`: open rows end in an invisible \right.
        return innerRows.enumerated().map { index, row in
            let first = index == 0, last = index == innerRows.count - 1
            return Row((first ? head.unicode + "(" : "") + row.unicode + (last ? ")" : ""),
                       (first ? head.latex + "\\left(" : "\\left. ") + row.latex + (last ? "\\right)" : "\\right."))
        }
    }

    /// `a + b − (c + d)` as `a`, ` + b`, ` − (c + d)`.
    private static func terms(of e: Expression) -> [Row]? {
        func term(_ e: Expression, above level: Int, sign: (String, String)? = nil) -> Row {
            Row((sign?.0 ?? "") + unicode.operand(e, above: level), (sign?.1 ?? "") + latex.operand(e, above: level))
        }
        switch e {
        case .sum(let terms) where terms.count > 1:
            return [term(terms[0], above: 0)] + terms.dropFirst().map { term($0, above: 1, sign: (" + ", " + ")) }
        case .difference(let a, let b):
            return [term(a, above: 0), term(b, above: 1, sign: (" − ", " - "))]
        default:
            return nil
        }
    }

    /// `k·(inner)` or `−(inner)`: what comes before the bracket, and what is inside it.
    private static func bracketed(_ e: Expression) -> (head: Row, inner: Expression)? {
        switch e {
        case .negation(let inner) where unicode.needsBrackets(inner, above: 2):
            return (Row("−", "-"), inner)
        case .product(let factors) where factors.count > 1 && unicode.needsBrackets(factors[factors.count - 1], above: 2):
            let inner = factors[factors.count - 1], head = factors.dropLast()
            return (Row(head.map { unicode.operand($0, above: 2) }.joined(separator: "·") + "·",
                        head.map { latex.operand($0, above: 2) }.joined(separator: " \\cdot ") + " \\cdot "), inner)
        default:
            return nil
        }
    }
}

extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
