import Foundation
import StepgradEngine
@testable import StepgradRender
import Testing

/// Values that only overflow are shown as ∞ or NaN, and every format says, at the head of each
/// iteration that holds them, from which iteration and quantity the numbers overflowed.
@Suite struct OverflowNoteTests {
    static let started = "The numbers leave the range of a double in this iteration, first at L"
    static let carried = "The numbers left the range of a double in iteration 2, at L; here the first value that is not finite is z₁"

    @Test func textNamesTheIterationAndQuantity() {
        let text = SolutionRenderer(format: .text, width: 1000).render(Exercises.explodingLearningRate, iterations: 3)
        let iterations = text.components(separatedBy: "\nITERATION ")
        #expect(iterations.count == 4)
        #expect(!iterations[1].contains("Overflow"), "iteration 1 is finite")
        #expect(iterations[2].contains("Note: Overflow. \(Self.started)"))
        #expect(iterations[3].contains("Note: Overflow. \(Self.carried)"))
        #expect(iterations[2].contains("L = (−4.485·10³⁰¹ − 1)² = ∞"))
        // Lines with numbers beyond what Foundation's Decimal holds (10¹⁵⁰) still add up, unmarked:
        // 0.2 − (1·10¹⁵⁰)·2.004 = −2.004·10¹⁵⁰.
        #expect(iterations[1].contains("W₁′[1,0] = 0.2 − (1·10¹⁵⁰)·2.004 = −2.004·10¹⁵⁰\n"))
        #expect(!text.contains("†"))
    }

    @Test func markdownAndLaTeXSayItToo() {
        let markdown = SolutionRenderer(format: .markdown).render(Exercises.explodingLearningRate, iterations: 3)
        #expect(markdown.contains("> **Note:** Overflow. \(Self.started)"))
        let latex = SolutionRenderer(format: .latex).render(Exercises.explodingLearningRate, iterations: 3)
        #expect(latex.contains("\\noindent\\textit{Note:} Overflow. The numbers leave the range of a double in this iteration"))
    }

    @Test func jsonGivesItAsData() throws {
        let json = SolutionRenderer(format: .json).render(Exercises.explodingLearningRate, iterations: 3)
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let overflow = try #require(document["overflow"] as? [String: Any])
        #expect(overflow["iteration"] as? Int == 2)
        #expect(overflow["quantity"] as? String == "loss")
        let iterations = try #require(document["iterations"] as? [[String: Any]])
        #expect(iterations.map { $0["firstNonFinite"] as? String } == [nil, "loss", "z1"])
    }

    /// Counting the iterations trained before the first one shown (`--from`).
    @Test func anOverflowBeforeTheFirstIterationShownIsNamed() {
        let text = SolutionRenderer(format: .text, width: 1000).render(Solution(Exercises.explodingLearningRate, iterations: 1, from: 3))
        #expect(text.contains("Note: Overflow. \(Self.carried)"))
    }

    @Test func finiteSolutionsHaveNoNote() {
        let solution = Solution(Exercises.homework2, iterations: 3)
        #expect(solution.firstOverflow == nil)
        #expect(!SolutionRenderer(format: .text).render(solution).contains("Overflow"))
    }
}
