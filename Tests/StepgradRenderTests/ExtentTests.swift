import Foundation
import StepgradEngine
import StepgradRender
import StepgradScenario
import Testing

/// A matrix of more than 100 numbers is shown by its shape and only the first 8 elements of its
/// operation are worked, saying so; `--full` writes out everything. Written a piece at a time, a
/// solution is the same bytes as written whole.
@Suite struct ExtentTests {
    /// 12 inputs into 10 units, 2 samples: W₁ is 10×12 (120 numbers), the rest small.
    static let wide: Scenario = {
        let weights = Matrix(rows: 10, columns: 12, elements: (0..<120).map { Double($0 % 7 - 3) / 10 })
        return Scenario(
            title: "Ten by twelve",
            network: Network(inputs: 12, layers: [Layer(units: 10, activation: .relu), Layer(units: 2, activation: .identity)],
                             loss: .mse),
            parameters: Parameters(weights: [weights, Matrix(rows: 2, columns: 10, elements: (0..<20).map { Double($0 % 5) / 10 })],
                                   biases: [Matrix(row: Array(repeating: 0.1, count: 10)), Matrix(row: [0, 0])]),
            batch: Batch(input: Matrix(rows: 2, columns: 12, elements: (0..<24).map { Double($0 % 4) }),
                         target: Matrix([[1, 0], [0, 1]])))
    }()

    @Test func largeMatricesAreShownByShapeWithTheFirstElements() {
        let text = SolutionRenderer(format: .text).render(Self.wide, iterations: 1)
        #expect(text.contains("W₁ = [10×12]"))
        // z₁ = W₁·x + b₁ by shapes: 10×12 times 12×2 (x as columns), plus b₁, is 10×2.
        #expect(text.contains("    z₁ = [10×12] · [12×2] + [10×1] = [10×2]\n"))
        let z1Lines = text.split(separator: "\n").filter { $0.hasPrefix("    z₁[") }
        #expect(z1Lines.count == 8)
        #expect(text.contains("    … 12 more elements of z₁, not worked here: --full writes out every matrix\n    and element.\n"))
        // dW₂ (2×10, 20 numbers) reads a₁ (2×10) and dz₂ (2×2): small, written out in full.
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    dW₂[") }.count == 20)
    }

    @Test func fullWritesOutEverything() {
        let text = SolutionRenderer(format: .text, extent: Extent(full: true)).render(Self.wide, iterations: 1)
        #expect(!text.contains("[10×12]"))
        #expect(!text.contains("not worked here"))
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    z₁[") }.count == 20)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("    dW₁[") }.count == 120)
    }

    @Test func everyFormatSaysSo() throws {
        let markdown = SolutionRenderer(format: .markdown).render(Self.wide, iterations: 1)
        #expect(markdown.contains("> … 12 more elements of z₁, not worked here"))
        #expect(markdown.contains("W_{1} = \\left[10 \\times 12\\right]"))
        let latex = SolutionRenderer(format: .latex).render(Self.wide, iterations: 1)
        #expect(latex.contains("\\noindent\\textit{… 12 more elements of z$_{1}$, not worked here"))
        let json = SolutionRenderer(format: .json).render(Self.wide, iterations: 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let trace = try #require((document["iterations"] as? [[String: Any]])?.first?["trace"] as? [[String: Any]])
        let z1 = try #require(trace.first { $0["quantity"] as? String == "z1" })
        #expect((z1["elements"] as? [Any])?.count == 8)
        #expect(z1["elementsOmitted"] as? Int == 12)
        // Values stay complete: programs read them, not people.
        let values = try #require((document["iterations"] as? [[String: Any]])?.first?["values"] as? [String: Any])
        #expect((values["W1"] as? [[Double]])?.count == 10)
    }

    @Test(arguments: SolutionFormat.allCases)
    func writtenInPiecesIsTheSameAsWhole(_ format: SolutionFormat) {
        for scenario in [Exercises.wideBatch, Exercises.homework2, Self.wide] {
            let renderer = SolutionRenderer(format: format)
            var pieces: [String] = []
            renderer.write(scenario, iterations: 3) { pieces.append($0) }
            #expect(pieces.count > 3)
            #expect(pieces.joined() == renderer.render(Solution(scenario, iterations: 3)))
        }
    }
}
