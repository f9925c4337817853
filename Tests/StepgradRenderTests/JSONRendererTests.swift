import Foundation
import StepgradEngine
import StepgradNotation
import StepgradRender
import Testing

@Suite struct JSONRendererTests {
    func parse(_ json: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func iteration(_ document: [String: Any], _ index: Int = 0) throws -> [String: Any] {
        let iterations = try #require(document["iterations"] as? [[String: Any]])
        return iterations[index]
    }

    func expectClose(_ actual: Any?, _ expected: [[Double]], tolerance: Double = 1e-7,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let rows = actual as? [[Double]], rows.count == expected.count,
              zip(rows, expected).allSatisfy({ $0.count == $1.count }) else {
            Issue.record("expected rows \(expected), got \(String(describing: actual))", sourceLocation: sourceLocation)
            return
        }
        for (row, want) in zip(rows, expected) {
            for (a, b) in zip(row, want) { #expect(abs(a - b) <= tolerance, "\(a) vs \(b)", sourceLocation: sourceLocation) }
        }
    }

    @Test func homeworkValuesMatchTheHandCalculation() throws {
        let document = try parse(SolutionRenderer(format: .json).render(Exercises.homework2, iterations: 1))
        #expect(document["title"] as? String == "Homework 2: softmax regression")
        #expect(document["convention"] as? String == "WTx")
        let first = try iteration(document)
        let values = try #require(first["values"] as? [String: Any])
        // One row per sample even for a single sample.
        expectClose(values["x"], [[1, 3, 0]], tolerance: 0)
        expectClose(values["y"], [[0, 1, 0]], tolerance: 0)
        expectClose(values["z1"], [[-1.4, -1.3, 4.1]], tolerance: 1e-12)
        expectClose(values["a1"], [[0.0040519, 0.0044781, 0.9914700]])
        expectClose(values["dz1"], [[0.0040519, -0.9955219, 0.9914700]])
        // Parameters in the scenario's layout (WTx: inputs × units); biases flat.
        expectClose(values["W1"], [[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]], tolerance: 0)
        #expect(values["b1"] as? [Double] == [0.1, 0.1, 0.1])
        expectClose(values["dW1"], [[0.0040519, -0.9955219, 0.9914700], [0.0121557, -2.9865658, 2.9744101], [0, 0, 0]])
        let db = try #require(values["db1"] as? [Double])
        expectClose([db], [[0.0040519, -0.9955219, 0.9914700]])
        expectClose(values["W1_new"], [[0.2995948, 0.1995522, -2.0991470], [-0.6012156, -0.2013434, 1.7025590], [-1, -0.5, 0.1]])
        let bNew = try #require(values["b1_new"] as? [Double])
        expectClose([bNew], [[0.0995948, 0.1995522, 0.0008530]])
        let loss = try #require(first["loss"] as? Double)
        #expect(abs(loss - 5.4085666) < 1e-6)
        #expect(values["loss"] as? Double == loss)
    }

    @Test func valuesKeepFullPrecision() throws {
        // NumPy: softmax(Wᵀx + b)[0] = 0.004051911416729044, whatever --decimals says.
        let json = SolutionRenderer(format: .json, style: NumberStyle(decimals: 2)).render(Exercises.homework2, iterations: 1)
        #expect(json.contains("0.00405191141672904"))
        let values = try #require(try iteration(parse(json))["values"] as? [String: Any])
        let a = try #require(values["a1"] as? [[Double]])
        #expect(abs(a[0][0] - 0.004051911416729044) < 1e-17)
    }

    @Test func traceEntriesDescribeEachOperation() throws {
        let document = try parse(SolutionRenderer(format: .json).render(Exercises.homework2, iterations: 1))
        let trace = try #require(try iteration(document)["trace"] as? [[String: Any]])
        #expect(trace.map { $0["quantity"] as? String } == ["z1", "a1", "loss", "da1", "dz1", "dW1", "db1", "W1_new", "b1_new"])
        #expect(trace.map { $0["phase"] as? String }
                == ["forward", "forward", "loss", "backward", "backward", "backward", "backward", "update", "update"])

        let z = trace[0]
        #expect(z["layer"] as? Int == 1)
        #expect(z["operands"] as? [String] == ["W1", "x", "b1"])
        #expect(z["notes"] as? [String] == [])
        let formula = try #require(z["formula"] as? [String: String])
        #expect(formula == ["unicode": "z₁ = W₁ᵀ·x + b₁", "latex": "z_{1} = W_{1}^{T} x + b_{1}"])
        let elements = try #require(z["elements"] as? [[String: Any]])
        #expect(elements.count == 3)
        #expect(elements[0]["cell"] as? [String: Int] == ["row": 0, "column": 0])
        #expect(abs((elements[0]["value"] as? Double ?? 0) + 1.4) < 1e-12)
        let expansion = try #require(elements[0]["expansion"] as? [String: String])
        #expect(expansion["unicode"] == "z₁[0] = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4")
        #expect(expansion["latex"]
                == "\\left[z_{1}\\right]_{0} = 0.3 \\cdot 1 + \\left(-0.6\\right) \\cdot 3 + \\left(-1\\right) \\cdot 0 + 0.1 = -1.4")

        #expect(trace[2]["layer"] is NSNull)
        let dW = try #require(trace[5]["elements"] as? [[String: Any]])
        #expect(dW[5]["cell"] as? [String: Int] == ["row": 1, "column": 2])
    }

    @Test func notesAreCarried() throws {
        let document = try parse(SolutionRenderer(format: .json).render(Exercises.homework2TwoHot, iterations: 1))
        let trace = try #require(try iteration(document)["trace"] as? [[String: Any]])
        let dz = try #require(trace.first { $0["quantity"] as? String == "dz1" })
        let notes = try #require(dz["notes"] as? [String])
        #expect(notes.count == 1 && notes[0].hasPrefix("The target sums to 2, not 1"))
    }

    @Test func batchesHaveOneRowPerSample() throws {
        let document = try parse(SolutionRenderer(format: .json).render(Exercises.twoSamples, iterations: 1))
        #expect(document["convention"] as? String == "Wx")
        let values = try #require(try iteration(document)["values"] as? [String: Any])
        expectClose(values["x"], [[2, 1], [0, 3]], tolerance: 0)
        expectClose(values["z1"], [[1.5], [-2.5]], tolerance: 1e-12)
        expectClose(values["dz1"], [[0.5], [-2.5]], tolerance: 1e-12)
        expectClose(values["W1"], [[1, -1]], tolerance: 0)
        expectClose(values["dW1"], [[1, -7]], tolerance: 1e-12)
        #expect(values["db1"] as? [Double] == [-2])
        #expect(values["loss"] as? Double == 3.25)
    }

    @Test func nonFiniteNumbersAreStrings() throws {
        let json = SolutionRenderer(format: .json).render(Exercises.diverged, iterations: 1)
        let first = try iteration(parse(json))
        #expect(first["loss"] as? String == "Infinity")
        let values = try #require(first["values"] as? [String: Any])
        let W = try #require(values["W1_new"] as? [[Any]])
        #expect(W[0][0] as? String == "NaN")
        #expect(W[0][1] as? String == "-Infinity")
        #expect(W[1] as? [Double] == [0.9, -0.1])
        // The expansions write them as the Unicode and LaTeX symbols.
        let trace = try #require(first["trace"] as? [[String: Any]])
        let update = try #require(trace.last?["elements"] as? [[String: Any]])
        let expansion = try #require(update[0]["expansion"] as? [String: String])
        #expect(expansion["unicode"] == "W₁′[0,0] = ∞ − 0.1·∞ = NaN")
        #expect(expansion["latex"] == "\\left[W_{1}'\\right]_{0,0} = \\infty - 0.1 \\cdot \\infty = \\mathrm{NaN}")
    }

    @Test func iterationsChainAndGradientCheckIsOptional() throws {
        let plain = try parse(SolutionRenderer(format: .json).render(Exercises.homework2, iterations: 2))
        #expect(try iteration(plain)["gradientCheck"] == nil)
        let second = try iteration(plain, 1)
        #expect(second["iteration"] as? Int == 2)
        // NumPy, from W′ and b′ of the first iteration: L = −ln softmax(W′ᵀx + b′)[1] = 3.265279169631955.
        #expect(abs((second["loss"] as? Double ?? 0) - 3.265279169631955) < 1e-12)
        let firstValues = try #require(try iteration(plain)["values"] as? [String: Any])
        let secondValues = try #require(second["values"] as? [String: Any])
        #expect(firstValues["W1_new"] as? [[Double]] == secondValues["W1"] as? [[Double]])

        let checked = try parse(SolutionRenderer(format: .json, checkGradients: true).render(Exercises.homework2, iterations: 1))
        let check = try #require(try iteration(checked)["gradientCheck"] as? [[String: Any]])
        #expect(check.map { $0["parameter"] as? String } == ["W1", "b1"])
        #expect(check.allSatisfy { ($0["maxRelativeError"] as? Double ?? 1) < 1e-6 })
    }
}
