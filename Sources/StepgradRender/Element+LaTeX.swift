import StepgradEngine
import StepgradNotation

extension Element {
    /// The element's equation as rows of an `aligned` block, aligned on the first `=`: one row when
    /// it fits `width`, else broken before an `=`, and a step too long for a row broken before the
    /// + and − of its sum (inside a trailing bracket if need be). Widths are measured on the Unicode
    /// rendering, which sets about as wide as the typeset math.
    func latexRows(style: NumberStyle, outputLayer: Int, batch: Int, width: Int) -> [String] {
        let separator = " = "
        let unicode = equation(.unicode, style: style, outputLayer: outputLayer, batch: batch)
            .components(separatedBy: separator)
        let latex = equation(.latex, style: style, outputLayer: outputLayer, batch: batch)
            .components(separatedBy: separator)
        guard unicode.count == latex.count, latex.count > 1 else { return [latex.joined(separator: separator)] }

        let indent = unicode[0].count + separator.count
        var rows: [(text: String, width: Int)] = []
        for (u, t) in zip(unicode.dropFirst(), latex.dropFirst()) {
            if let last = rows.last, last.width + separator.count + u.count <= width {
                rows[rows.count - 1] = (last.text + separator + t, last.width + separator.count + u.count)
                continue
            }
            for (index, piece) in LaTeXBreaking.rows(u, t, width: width - indent).enumerated() {
                rows.append(((index == 0 ? "&= " : "&\\quad ") + piece.latex, indent + piece.unicode.count))
            }
        }
        rows[0].text = latex[0] + " " + rows[0].text
        return rows.map(\.text)
    }
}

/// Breaking one step of arithmetic over rows, keeping the Unicode text (to measure) and the
/// LaTeX (to print) in step: both are renderings of the same expression.
enum LaTeXBreaking {
    /// `a + b − (c + d)` → rows of whole terms, continuation rows starting with their sign;
    /// `k·(a + b + c)` → the bracket opened on the first row and closed on the last.
    static func rows(_ u: String, _ t: String, width: Int) -> [(unicode: String, latex: String)] {
        guard u.count > width else { return [(u, t)] }
        let uTerms = topLevelTerms(u, minus: " − "), tTerms = topLevelTerms(t, minus: " - ")
        if uTerms.count == tTerms.count, uTerms.count > 1 {
            var rows: [(unicode: String, latex: String)] = []
            for (uTerm, tTerm) in zip(uTerms, tTerms) {
                if let last = rows.last, last.unicode.count + uTerm.count <= width {
                    rows[rows.count - 1] = (last.unicode + uTerm, last.latex + tTerm)
                } else {
                    rows.append((uTerm.trimmingLeadingSpace, tTerm.trimmingLeadingSpace))
                }
            }
            return rows
        }
        guard let (uHead, uInner) = trailingGroup(u, open: "(", close: ")"),
              let (tHead, tInner) = trailingGroup(t, open: "\\left(", close: "\\right)") else { return [(u, t)] }
        let inner = rows(uInner, tInner, width: width - uHead.count - 1)
        guard inner.count > 1 else { return [(u, t)] }
        // \left and \right must pair within a row of `aligned`: open rows end in an invisible \right.
        return inner.enumerated().map { index, row in
            let first = index == 0, last = index == inner.count - 1
            return ((first ? uHead + "(" : "") + row.unicode + (last ? ")" : ""),
                    (first ? tHead + "\\left(" : "\\left. ") + row.latex + (last ? "\\right)" : "\\right."))
        }
    }

    /// `a + b − (c + d)` as `["a", " + b", " − (c + d)"]`: split before the signs outside brackets.
    static func topLevelTerms(_ text: String, minus: String) -> [String] {
        var terms = [""], depth = 0
        var rest = Substring(text)
        while let character = rest.first {
            if depth == 0, rest.hasPrefix(" + ") || rest.hasPrefix(minus), !terms[terms.count - 1].isEmpty {
                terms.append("")
            }
            switch character {
            case "(", "{": depth += 1
            case ")", "}": depth -= 1
            default: break
            }
            terms[terms.count - 1].append(character)
            rest = rest.dropFirst()
        }
        return terms
    }

    /// `k·(inner)` → (`k·`, `inner`) when the text ends with a bracket opened at `head`'s end.
    static func trailingGroup(_ text: String, open: String, close: String) -> (head: String, inner: String)? {
        guard text.hasSuffix(close) else { return nil }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            let before = text[..<index]
            if before.hasSuffix(close) {
                depth += 1
                index = text.index(index, offsetBy: -close.count)
            } else if before.hasSuffix(open) {
                depth -= 1
                index = text.index(index, offsetBy: -open.count)
                if depth == 0 {
                    let innerStart = text.index(index, offsetBy: open.count)
                    let innerEnd = text.index(text.endIndex, offsetBy: -close.count)
                    return (String(text[..<index]), String(text[innerStart..<innerEnd]))
                }
            } else {
                index = text.index(before: index)
            }
        }
        return nil
    }
}

extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
