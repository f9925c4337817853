import Foundation
import StepgradEngine
@testable import StepgradRender
import StepgradScenario
import Testing

@Suite struct LaTeXRendererTests {
    @Test func homeworkReadsLikeTheHandWrittenSolution() {
        let latex = SolutionRenderer(format: .latex).render(Exercises.homework2, iterations: 1)
        #expect(!latex.contains("\\documentclass"))
        #expect(latex.contains("""
            $$
            z_{1} = W_{1}^{T} x + b_{1} = \\begin{pmatrix} 0.3 & -0.6 & -1 \\\\ 0.1 & -0.5 & -0.5 \\\\ -2 & 2 & 0.1 \\end{pmatrix} \
            \\cdot \\begin{pmatrix} 1 \\\\ 3 \\\\ 0 \\end{pmatrix} + \\begin{pmatrix} 0.1 \\\\ 0.1 \\\\ 0.1 \\end{pmatrix} \
            = \\begin{pmatrix} -1.4 \\\\ -1.3 \\\\ 4.1 \\end{pmatrix}
            $$
            """))
        let lines = [
            "\\left[z_{1}\\right]_{0} &= 0.3 \\cdot 1 + \\left(-0.6\\right) \\cdot 3 + \\left(-1\\right) \\cdot 0 + 0.1 = -1.4 \\\\",
            "\\left[\\hat{y}\\right]_{1} &= \\frac{e^{-1.3}}{e^{-1.4} + e^{-1.3} + e^{4.1}} = \\frac{0.2725}{60.859} = 0.004478 \\\\",
            "\\left[\\frac{\\partial \\mathcal{L}}{\\partial z_{1}}\\right]_{1} &= 0.004478 - 1 = -0.9955 \\\\",
            "\\left[W_{1}'\\right]_{1,1} &= -0.5 - 0.1 \\cdot \\left(-2.987\\right) = -0.2013 \\\\",
        ]
        for line in lines { #expect(latex.contains(line + "\n"), "missing: \(line)") }
        #expect(latex.components(separatedBy: "$$").count % 2 == 1, "unbalanced $$")
        #expect(latex.contains("\\subsubsection*{Forward}") && latex.contains("\\subsubsection*{Update}"))
    }

    @Test func longSumsBreakBeforeTheirSigns() throws {
        let latex = SolutionRenderer(format: .latex).render(Exercises.wideInput, iterations: 1)
        // z = Σₖ 0.25k·(k + 0.5) + 0.125 = 0.25·(650 + 39) + 0.125 = 172.375, written to four figures:
        // thirteen terms, continued on rows of their own.
        let rows = try #require(element("\\left[z_{1}\\right]_{0} &= ", in: latex))
        #expect(rows.count >= 2)
        #expect(rows[0].hasPrefix("\\left[z_{1}\\right]_{0} &= 0.25 \\cdot 1.5 + \\left(-0.5\\right) \\cdot \\left(-2.5\\right) + "))
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("&\\quad + ") || $0.hasPrefix("&= ") })
        #expect(rows.last?.hasSuffix(" = 172.4") == true)
    }

    @Test func longBracketsBreakInsideWithInvisibleDelimiters() throws {
        let latex = SolutionRenderer(format: .latex).render(Exercises.wideBatch, iterations: 1)
        // L = (1/4)·(ℓ₁ + ℓ₂ + ℓ₃ + ℓ₄): one sample per row, each row's \left and \right paired.
        let rows = try #require(element("\\mathcal{L} &= ", in: latex))
        #expect(rows.count == 5)
        #expect(rows[0].hasSuffix("\\right."))
        #expect(rows[1].hasPrefix("&\\quad \\left. + -\\left(0 \\cdot \\ln\\left(0.3879\\right) + 1 \\cdot"))
        for row in rows {
            #expect(row.components(separatedBy: "\\left").count == row.components(separatedBy: "\\right").count, "\(row)")
        }
    }

    /// The rows of the `aligned` block that starts with `start`.
    private func element(_ start: String, in latex: String) -> [String]? {
        guard let range = latex.range(of: start) else { return nil }
        let block = latex[range.lowerBound...].prefix { $0 != "$" }
        let rows = block.components(separatedBy: " \\\\\n")
        // The element ends at the row that gives the value, `= number`, before the next label.
        let end = rows.firstIndex { !$0.hasPrefix("&") && $0 != rows[0] } ?? rows.count
        return Array(rows[..<end]).map { $0.replacingOccurrences(of: "\n\\end{aligned}\n", with: "") }
    }

    @Test func standaloneIsACompleteDocument() {
        let latex = SolutionRenderer(format: .latex, standalone: true).render(Exercises.homework2, iterations: 1)
        #expect(latex.hasPrefix("\\documentclass"))
        #expect(latex.contains("\\usepackage{amsmath}"))
        #expect(latex.contains("\\title{Homework 2: softmax regression}"))
        #expect(latex.contains("\\begin{document}\n\\maketitle\n"))
        #expect(latex.hasSuffix("\\end{document}\n"))
    }

    @Test func textIsEscapedAndUnicodeMathIsSet() {
        #expect("50% of x_1 & {y} #2".latexText == "50\\% of x\\_1 \\& \\{y\\} \\#2")
        #expect("dz = ŷ·Σy − y".latexText == "dz = $\\hat{y}\\cdot \\Sigma $y $-$ y")
        #expect("W₁₂ and b₃".latexText == "W$_{12}$ and b$_{3}$")
        #expect("|a − n| < 1".latexText == "$|$a $-$ n$|$ $<$ 1")
    }

    static let pdflatex = ProcessInfo.processInfo.environment["PATH", default: "/usr/bin"]
        .split(separator: ":").map { "\($0)/pdflatex" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: pdflatex != nil, "needs pdflatex (texlive-latex-base)"),
          arguments: [Exercises.homework2, Exercises.homework2TwoHot, Exercises.diverged, Exercises.wideBatch, Exercises.wideInput,
                      Exercises.titled("Tom & Jerry’s 50% _test_ — #1 ~ {ok}")])
    func compilesWithPdflatexWithoutOverfullLines(_ scenario: Scenario) throws {
        let latex = SolutionRenderer(format: .latex, standalone: true, checkGradients: true).render(scenario, iterations: 2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-latex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try latex.write(to: directory.appendingPathComponent("solution.tex"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.pdflatex))
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "solution.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent("solution.log"), encoding: .utf8)) ?? ""
        let problems = log.components(separatedBy: "\n").filter { $0.hasPrefix("!") || $0.hasPrefix("Overfull") }
        #expect(process.terminationStatus == 0, "pdflatex failed: \(problems)")
        #expect(problems.isEmpty, "\(problems)")
    }
}

extension Exercises {
    static func titled(_ title: String) -> Scenario {
        var s = homework2
        s.title = title
        return s
    }
}
