import StepgradEngine
import StepgradNotation

extension CheckReport {
    /// The report for a terminal: one line per quantity; for a wrong one, the diagnosis first, then
    /// each wrong element it does not explain, with the student's number next to the expected value
    /// and its arithmetic. `style` sets the decimals of expected values.
    public func text(style: NumberStyle = NumberStyle(), maxElements: Int = 4) -> String {
        var lines: [String] = []
        let source = answersPath.map { " (\($0))" } ?? ""
        lines.append("Checking answers\(source) against “\(title)”")
        lines.append("")
        let width = max(4, results.map(\.quantity.name.count).max() ?? 0)
        for result in results {
            let name = result.quantity.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("\(mark(result.verdict)) \(name)  \(headline(result))")
            guard result.verdict == .wrong else { continue }
            let wrong = result.wrongElements
            for finding in result.findings {
                lines += wrapped("→ " + finding.explanation(of: result.quantity, context: context, style: style), indent: 4)
                guard finding.step == result.quantity else { continue }
                let cells = Set(wrong.filter { finding.explains($0.cell) }.prefix(maxElements).map(\.cell))
                for element in finding.arithmetic where cells.contains(element.cell) {
                    lines.append("      " + element.equation(style: style, outputLayer: context.outputLayer, batch: context.batch))
                }
            }
            let unexplained = wrong.filter { element in !result.findings.contains { $0.explains(element.cell) } }
            for element in unexplained.prefix(maxElements) { lines += detail(element, of: result.quantity, style: style) }
            if unexplained.count > maxElements { lines.append("      … and \(unexplained.count - maxElements) more elements wrong") }
            if result.findings.isEmpty {
                lines.append("    → No common mistake explains it; compare the arithmetic above with yours.")
            }
        }
        lines.append("")
        let count = { (v: Verdict) in results.filter { $0.verdict == v }.count }
        lines.append("\(results.count) given: \(count(.correct)) correct, \(count(.carriedForward)) carried forward, \(count(.wrong)) wrong.")
        if !notGiven.isEmpty { lines.append("Not given: " + notGiven.map(\.name).joined(separator: ", ") + ".") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func mark(_ verdict: Verdict) -> String {
        switch verdict {
        case .correct: "✓"
        case .carriedForward: "↪"
        case .wrong: "✗"
        case .missing: "·"
        }
    }

    private func headline(_ result: QuantityResult) -> String {
        switch result.verdict {
        case .correct: return "correct"
        case .carriedForward:
            let from = result.carriedFrom.map { $0.symbol(outputLayer: context.outputLayer) }.joined(separator: ", ")
            return "carried forward: right given your " + (from.isEmpty ? "earlier answers" : from)
        case .missing: return "not given"
        case .wrong:
            let n = result.elements.count, wrong = result.wrongElements.count
            let followed = result.elements.filter { $0.verdict == .carriedForward }.count
            var text: String
            if result.writtenTransposed && !result.quantity.isPerSample {
                text = wrong == 0 ? "wrong: written transposed; the values are right"
                    : "wrong: written transposed, and \(wrong) of \(n) elements wrong even transposed back"
            } else {
                text = n == 1 ? "wrong" : "wrong: \(wrong) of \(n) elements"
            }
            if followed > 0 { text += ", \(followed) carried forward from your earlier answers" }
            return text
        }
    }

    /// The student's number, then the exact value with its arithmetic, then the value from the
    /// student's own earlier answers when that differs.
    private func detail(_ element: ElementResult, of q: Quantity, style: NumberStyle) -> [String] {
        let written = NumberStyle(decimals: element.decimals).format(element.written)
        let equation = { (e: Element) in e.equation(style: style, outputLayer: self.context.outputLayer, batch: self.context.batch) }
        var lines = ["    \(label(q, element.cell, context)): you wrote \(written)"]
        lines.append("        expected          " + equation(element.expectedElement))
        if let followed = element.carriedForward {
            lines.append("        from your answers " + equation(followed))
        }
        return lines
    }

    private func wrapped(_ text: String, indent: Int, width: Int = 100) -> [String] {
        var lines: [String] = [], line = ""
        let pad = String(repeating: " ", count: indent)
        for word in text.split(separator: " ") {
            if !line.isEmpty && pad.count + line.count + 1 + word.count > width {
                lines.append(pad + line)
                line = "  " + word
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(pad + line) }
        return lines
    }
}
