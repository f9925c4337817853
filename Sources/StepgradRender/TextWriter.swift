import StepgradEngine
import StepgradNotation

/// The terminal solution: a heading per phase, then for each operation its formula, its matrix
/// equation with the numbers set side by side, every element's arithmetic, and the notes.
struct TextWriter {
    var style: NumberStyle
    var ascii: Bool
    var width: Int
    var extent = Extent()

    private let indent = "    "

    /// `passes` written to `out` one at a time, after the solution's heading.
    func write(_ solution: Solution, passes: some Sequence<Solution.Pass>, to out: (String) -> Void) {
        let scenario = solution.scenario
        var head: [String] = [scenario.title, rule(scenario.title, heavy: true)]
        let summary = ScenarioSummary(scenario)
        let labelWidth = summary.facts.map(\.label.count).max() ?? 0
        head += summary.facts.map { $0.label.padding(to: labelWidth) + "  " + $0.value }
        head += wrapped(summary.layoutNote, first: "", rest: "")
        out(head.joined(separator: "\n"))
        passes.forEachInOrder(transformedBy: { "\n" + lines(of: $0, in: solution).joined(separator: "\n") }, out)
        out("\n")
    }

    private func lines(of pass: Solution.Pass, in solution: Solution) -> [String] {
        let heading = "ITERATION \(pass.number)"
        var out = ["", heading, rule(heading, heavy: true)]
        if let note = solution.overflowNote(pass) { out += [""] + wrapped(note, first: "Note: ", rest: "      ") }
        out += ["", "Given:", ""]
        out += solution.given(pass, style: style, extent: extent).text(style: style, ascii: ascii, width: width - indent.count)
            .map(indented)
        for phase in Phase.allCases {
            out += ["", phase.title, rule(phase.title, heavy: false)]
            for op in pass.operations(in: phase) { out += ["", op.formula.unicode] + body(of: op) }
        }
        if let check = pass.gradientCheck { out += ["", ""] + gradientCheck(check) }
        return out
    }

    private func body(of op: Operation) -> [String] {
        var lines: [String] = []
        let written = op.writtenLines(style: style, extent: extent), display = op.display(style: style, lines: written, extent: extent)
        if let display {
            lines += [""] + display.text(style: style, ascii: ascii, width: width - indent.count).map(indented)
        }
        lines += [""] + written.map { indented($0.equation(.unicode)) }
        if written.count < op.elementCount {
            lines += wrapped(Extent.omitted(op.elementCount - written.count, of: op), first: indent, rest: indent)
        }
        lines += op.notes(style: style, lines: written, display: display).flatMap { wrapped($0, first: indent + "Note: ", rest: indent + "      ") }
        return lines
    }

    private func gradientCheck(_ results: [GradientCheck.Result]) -> [String] {
        let heading = "GRADIENT CHECK"
        var lines = [heading, rule(heading, heavy: false), GradientCheck.Result.explanation, ""]
        let names = results.map { Quantity(name: $0.parameter)?.symbol() ?? $0.parameter }
        let nameWidth = max(names.map(\.count).max() ?? 0, "parameter".count)
        let errors = results.map { NumberStyle(decimals: 3).format($0.maxRelativeError) }
        let errorWidth = max(errors.map(\.count).max() ?? 0, "max relative error".count)
        lines.append(indented("parameter".padding(to: nameWidth) + "  " + "max relative error".padding(to: errorWidth)))
        for (index, result) in results.enumerated() {
            let verdict = result.agrees ? "agrees" : "DISAGREES"
            lines.append(indented(names[index].padding(to: nameWidth) + "  " + errors[index].padding(to: errorWidth)
                                  + "  " + verdict))
        }
        return lines
    }

    private func rule(_ heading: String, heavy: Bool) -> String {
        String(repeating: ascii ? (heavy ? "=" : "-") : (heavy ? "━" : "─"), count: heading.count)
    }

    private func indented(_ line: String) -> String { line.isEmpty ? line : indent + line }

    /// Prose broken between words to the width, continuation lines starting with `rest`.
    private func wrapped(_ text: String, first: String, rest: String) -> [String] {
        var lines = [first]
        for word in text.split(separator: " ") {
            let last = lines[lines.count - 1]
            let fresh = last == first || last == rest
            if !fresh && last.count + 1 + word.count > width {
                lines.append(rest + word)
            } else {
                lines[lines.count - 1] += (fresh ? "" : " ") + word
            }
        }
        return lines
    }
}
