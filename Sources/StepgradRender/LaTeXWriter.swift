import StepgradEngine
import StepgradNotation

/// A worked solution in the style of a hand-written homework: the formula, the matrices multiplied
/// out in `pmatrix`, then every element, each block a `$$…$$` display. `standalone` wraps it in a
/// document that compiles with plain pdflatex (amsmath, graphicx and the base fonts only).
struct LaTeXWriter {
    var style: NumberStyle
    var standalone: Bool
    var width = 80
    var extent = Extent()

    func write(_ solution: Solution, passes: some Sequence<Solution.Pass>, to out: (String) -> Void) {
        let scenario = solution.scenario
        var passes = passes.makeIterator(), columns = 0
        // The widest matrix is the same in every pass: the first tells whether pmatrix needs more columns.
        let first = passes.next().map { lines(of: $0, in: solution, columns: &columns) } ?? []
        var head: [String] = []
        if !standalone {
            head.append("% Needs amsmath (pmatrix, aligned) and graphicx (\\resizebox, for matrices wider than a line).")
        }
        if columns > 10 { head.append("\\setcounter{MaxMatrixCols}{\(columns)}") }
        if !standalone { head += ["\\section*{\(scenario.title.latexText)}", ""] }
        head += ["\\begin{itemize}"]
        let summary = ScenarioSummary(scenario)
        head += summary.facts.map { "  \\item \\textbf{\($0.label):} \($0.value.latexText)" }
        head += ["\\end{itemize}", summary.layoutNote.latexText]
        if standalone { out(documentOpening(title: scenario.title)) }
        out((head + first).joined(separator: "\n"))
        while let pass = passes.next() { out("\n" + lines(of: pass, in: solution, columns: &columns).joined(separator: "\n")) }
        out("\n")
        if standalone { out("\n\\end{document}\n") }
    }

    private func lines(of pass: Solution.Pass, in solution: Solution, columns: inout Int) -> [String] {
        let math = LaTeXMath(style: style, width: width)
        var out = ["", "\\subsection*{Iteration \(pass.number)}", ""]
        if let note = solution.overflowNote(pass) { out += ["\\noindent\\textit{Note:} \(note.latexText)", ""] }
        columns = max(columns, LaTeXMath.matrixColumns([solution.given(pass, style: style, extent: extent)]))
        out += ["Given:", display(math.given(pass, of: solution, extent: extent))]
        for phase in Phase.allCases {
            out += ["", "\\subsubsection*{\(phase.rawValue.capitalized)}"]
            for op in pass.operations(in: phase) {
                out.append("")
                let lines = op.writtenLines(style: style, extent: extent)
                let shown = op.display(style: style, lines: lines, extent: extent)
                columns = max(columns, LaTeXMath.matrixColumns(shown.map { [$0] } ?? []))
                out += math.blocks(for: op, lines: lines, display: shown).map(display)
                if lines.count < op.elementCount {
                    out += ["\\noindent\\textit{\(Extent.omitted(op.elementCount - lines.count, of: op).latexText)}\n"]
                }
                out += op.notes(style: style, lines: lines, display: shown).map { "\\noindent\\textit{Note:} \($0.latexText)\n" }
            }
        }
        if let check = pass.gradientCheck { out += [""] + gradientCheck(check) }
        return out
    }

    /// A `$$…$$` display; one whose matrix rows would overrun the line (they cannot break) is
    /// scaled down to the line width instead, with graphicx.
    private func display(_ block: LaTeXMath.Block) -> String {
        guard block.overflow > 1 else { return "$$\n" + block.latex + "\n$$" }
        return """
            \\begin{center}
            \\sbox0{$\\displaystyle
            \(block.latex)
            $}\\ifdim\\wd0>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox0}\\else\\usebox0\\fi
            \\end{center}
            """
    }

    private func gradientCheck(_ results: [GradientCheck.Result]) -> [String] {
        ["\\subsubsection*{Gradient check}",
         GradientCheck.Result.explanation.latexText, "",
         "\\begin{center}", "\\begin{tabular}{lrl}", "parameter & max relative error & \\\\ \\hline"]
        + results.map { result in
            let verdict = result.agrees ? "agrees" : "\\textbf{disagrees}"
            let name = Quantity(name: result.parameter)?.latex() ?? result.parameter.latexText
            return "$\(name)$ & $\(NumberStyle(decimals: 3).latex(result.maxRelativeError))$ & \(verdict) \\\\"
        }
        + ["\\end{tabular}", "\\end{center}"]
    }

    /// A document that compiles with pdflatex, up to where the solution starts.
    private func documentOpening(title: String) -> String {
        """
        \\documentclass[11pt]{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage[margin=2.5cm]{geometry}
        \\usepackage{amsmath}
        \\usepackage{amssymb}
        \\usepackage{graphicx}
        \\setlength{\\parindent}{0pt}
        \\title{\(title.latexText)}
        \\author{}
        \\date{Worked solution written by stepgrad}

        \\begin{document}
        \\maketitle


        """
    }
}
