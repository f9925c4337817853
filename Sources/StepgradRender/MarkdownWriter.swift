import StepgradEngine
import StepgradNotation

/// An answer key for GitHub. Math goes in ```math blocks rather than `$$…$$`: GitHub renders both
/// with MathJax, but inside `$$` its Markdown pass still eats backslashes and braces (`\\` row ends,
/// `\{`), while a ```math block reaches MathJax verbatim.
struct MarkdownWriter {
    var style: NumberStyle
    var width = 80
    var extent = Extent()

    func write(_ solution: Solution, passes: some Sequence<Solution.Pass>, to out: (String) -> Void) {
        let scenario = solution.scenario
        var head = ["# \(scenario.title)", ""]
        let summary = ScenarioSummary(scenario)
        head += summary.facts.map { "- **\($0.label):** \($0.value)" }
        head += ["", summary.layoutNote]
        out(head.joined(separator: "\n"))
        passes.forEachInOrder(transformedBy: { "\n" + lines(of: $0, in: solution).joined(separator: "\n") }, out)
        out("\n")
    }

    private func lines(of pass: Solution.Pass, in solution: Solution) -> [String] {
        let math = LaTeXMath(style: style, width: width)
        var out = ["", "## Iteration \(pass.number)"]
        if let note = solution.overflowNote(pass) { out += ["", "> **Note:** \(note)"] }
        out += ["", "Given:", ""] + fenced(math.given(pass, of: solution, extent: extent).latex)
        for phase in Phase.allCases {
            out += ["", "### \(phase.rawValue.capitalized)"]
            for op in pass.operations(in: phase) {
                out += ["", "#### \(op.quantity.symbol(outputLayer: op.context.outputLayer))"]
                let lines = op.writtenLines(style: style, extent: extent)
                let display = op.display(style: style, lines: lines, extent: extent)
                for block in math.blocks(for: op, lines: lines, display: display) { out += [""] + fenced(block.latex) }
                if lines.count < op.elementCount { out += ["", "> " + Extent.omitted(op.elementCount - lines.count, of: op)] }
                for note in op.notes(style: style, lines: lines, display: display) { out += ["", "> **Note:** \(note)"] }
            }
        }
        if let check = pass.gradientCheck { out += [""] + gradientCheck(check) }
        return out
    }

    private func fenced(_ latex: String) -> [String] { ["```math", latex, "```"] }

    private func gradientCheck(_ results: [GradientCheck.Result]) -> [String] {
        ["### Gradient check", "",
         GradientCheck.Result.explanation, "",
         "| parameter | max relative error | verdict |", "| --- | ---: | --- |"]
        + results.map { result in
            let verdict = result.agrees ? "agrees" : "**disagrees**"
            let name = Quantity(name: result.parameter)?.symbol() ?? result.parameter
            return "| \(name) | \(NumberStyle(decimals: 3).format(result.maxRelativeError)) | \(verdict) |"
        }
    }
}
