import StepgradEngine

extension Element {
    /// The element's equation as rows of an `aligned` block, aligned on the first `=`: one row when
    /// it fits `width`, else broken before an `=`, and a sum too long for a row broken before its
    /// + and −. Widths are measured on the Unicode rendering, which sets like the typeset math.
    func latexRows(style: NumberStyle, outputLayer: Int, batch: Int, width: Int) -> [String] {
        let separator = " = "
        let unicode = equation(.unicode, style: style, outputLayer: outputLayer, batch: batch)
            .components(separatedBy: separator)
        let latex = equation(.latex, style: style, outputLayer: outputLayer, batch: batch)
            .components(separatedBy: separator)
        guard unicode.count == latex.count, latex.count > 1 else { return [latex.joined(separator: separator)] }

        let label = latex[0], labelWidth = unicode[0].count
        var rows: [(text: String, width: Int)] = []
        for (u, t) in zip(unicode.dropFirst(), latex.dropFirst()) {
            let uTerms = Self.topLevelTerms(u, minus: " − "), tTerms = Self.topLevelTerms(t, minus: " - ")
            if let last = rows.last, last.width + separator.count + u.count <= width {
                rows[rows.count - 1] = (last.text + " = " + t, last.width + separator.count + u.count)
            } else if labelWidth + separator.count + u.count <= width || uTerms.count != tTerms.count || uTerms.count < 2 {
                rows.append(("&= " + t, labelWidth + separator.count + u.count))
            } else {
                // A long sum: its terms packed into rows, continuations indented past the `=`.
                for (index, (uTerm, tTerm)) in zip(uTerms, tTerms).enumerated() {
                    if index > 0, let last = rows.last, last.width + uTerm.count <= width {
                        rows[rows.count - 1] = (last.text + tTerm, last.width + uTerm.count)
                    } else {
                        let lead = index == 0 ? "&= " : "&\\quad "
                        rows.append((lead + tTerm.trimmingLeadingSpace, labelWidth + separator.count + uTerm.count))
                    }
                }
            }
        }
        rows[0].text = label + " " + rows[0].text
        return rows.map(\.text)
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
}

extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
