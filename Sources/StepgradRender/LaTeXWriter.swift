import StepgradEngine
import StepgradNotation

/// A worked solution in the style of a hand-written homework: the formula, the matrices multiplied
/// out in `pmatrix`, then every element, each block a `$$…$$` display. `standalone` wraps it in a
/// document that compiles with plain pdflatex (amsmath, graphicx and the base fonts only).
struct LaTeXWriter {
    var style: NumberStyle
    var standalone: Bool
    var width = 80

    func write(_ solution: Solution) -> String {
        let math = LaTeXMath(style: style, width: width)
        let scenario = solution.scenario
        var out: [String] = [], columns = 0
        if !standalone { out += ["\\section*{\(scenario.title.latexText)}", ""] }
        out += ["\\begin{itemize}"]
        let summary = ScenarioSummary(scenario)
        out += summary.facts.map { "  \\item \\textbf{\($0.label):} \($0.value.latexText)" }
        out += ["\\end{itemize}", summary.layoutNote.latexText]
        for pass in solution.passes {
            out += ["", "\\subsection*{Iteration \(pass.number)}", ""]
            if let note = solution.overflowNote(pass) { out += ["\\noindent\\textit{Note:} \(note.latexText)", ""] }
            columns = max(columns, LaTeXMath.matrixColumns([solution.given(pass, style: style)]))
            out += ["Given:", display(math.given(pass, of: solution))]
            for phase in Phase.allCases {
                out += ["", "\\subsubsection*{\(phase.rawValue.capitalized)}"]
                for op in pass.operations(in: phase) {
                    out.append("")
                    let lines = op.writtenLines(style: style), shown = op.display(style: style, lines: lines)
                    columns = max(columns, LaTeXMath.matrixColumns(shown.map { [$0] } ?? []))
                    out += math.blocks(for: op, lines: lines, display: shown).map(display)
                    out += op.notes(style: style, lines: lines, display: shown).map { "\\noindent\\textit{Note:} \($0.latexText)\n" }
                }
            }
            if let check = pass.gradientCheck { out += [""] + gradientCheck(check) }
        }
        var preamble: [String] = []
        if !standalone {
            preamble.append("% Needs amsmath (pmatrix, aligned) and graphicx (\\resizebox, for matrices wider than a line).")
        }
        if columns > 10 { preamble.append("\\setcounter{MaxMatrixCols}{\(columns)}") }
        let body = (preamble + out).joined(separator: "\n") + "\n"
        return standalone ? document(title: scenario.title, body: body) : body
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

    private func document(title: String, body: String) -> String {
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

        \(body)
        \\end{document}

        """
    }
}
