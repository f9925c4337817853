import StepgradEngine
import StepgradNotation
import StepgradRender
import Testing

@Suite struct MarkdownRendererTests {
    let markdown = SolutionRenderer(format: .markdown).render(Exercises.homework2, iterations: 1)
    var lines: [String] { markdown.components(separatedBy: "\n") }

    @Test func headingsPerPhaseInOrder() throws {
        let headings = lines.filter { $0.hasPrefix("#") && !$0.hasPrefix("####") }
        #expect(headings == ["# Homework 2: softmax regression", "## Iteration 1",
                             "### Forward", "### Loss", "### Backward", "### Update"])
    }

    @Test func mathIsInFencedMathBlocks() {
        // GitHub renders ```math blocks verbatim with MathJax; `$$` would be run through Markdown first.
        #expect(!markdown.contains("$$"))
        let fences = lines.filter { $0.hasPrefix("```") }
        #expect(fences.count % 2 == 0)
        for (index, fence) in fences.enumerated() { #expect(fence == (index % 2 == 0 ? "```math" : "```")) }
        #expect(markdown.contains("""
            ```math
            \\begin{aligned}
            \\left[z_{1}\\right]_{0} &= 0.3 \\cdot 1 + \\left(-0.6\\right) \\cdot 3 + \\left(-1\\right) \\cdot 0 + 0.1 = -1.4 \\\\
            \\left[z_{1}\\right]_{1} &= 0.1 \\cdot 1 + \\left(-0.5\\right) \\cdot 3 + \\left(-0.5\\right) \\cdot 0 + 0.1 = -1.3 \\\\
            \\left[z_{1}\\right]_{2} &= \\left(-2\\right) \\cdot 1 + 2 \\cdot 3 + 0.1 \\cdot 0 + 0.1 = 4.1
            \\end{aligned}
            ```
            """))
        #expect(markdown.contains("\\left[b_{1}'\\right]_{2} &= 0.1 - 0.1 \\cdot 0.99147 = 0.000853\n"))
        #expect(markdown.contains("\\mathcal{L} &= -\\left(0 \\cdot \\ln\\left(0.004052\\right) + 1 \\cdot \\ln\\left(0.004478\\right) "
                                  + "+ 0 \\cdot \\ln\\left(0.9915\\right)\\right) = 5.409\n"))
    }

    @Test func notesAreQuoted() {
        let markdown = SolutionRenderer(format: .markdown).render(Exercises.homework2TwoHot, iterations: 1)
        #expect(markdown.contains("\n> **Note:** The target sums to 2, not 1, so the familiar shortcut dz = ŷ − y does not hold"))
    }

    @Test func decimalsApply() {
        let markdown = SolutionRenderer(format: .markdown, style: NumberStyle(decimals: 2)).render(Exercises.homework2, iterations: 1)
        #expect(markdown.contains("\\left[W_{1}'\\right]_{1,1} &= -0.5 - 0.1 \\cdot \\left(-2.99\\right) = -0.2 \\\\\n"))
    }

    @Test func gradientCheckIsATable() {
        let markdown = SolutionRenderer(format: .markdown, checkGradients: true).render(Exercises.homework2, iterations: 1)
        #expect(markdown.contains("| parameter | max relative error | verdict |\n| --- | ---: | --- |\n| W₁ | "))
        #expect(lines.contains("### Gradient check") == false)
        #expect(markdown.contains("\n### Gradient check\n"))
    }
}
