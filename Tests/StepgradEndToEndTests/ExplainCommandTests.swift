import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test func bundledHomeworkIsWorkedOut() throws {
        let result = try StepgradProcess.run(["explain", "softmax-regression"])
        #expect(result.status == 0)
        #expect(result.error == "")
        // By hand: z₀ = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4; ŷ₁ = e^(−1.3)/Σ = 0.2725/60.859 = 0.0044776;
        // dz₁ = ŷ₁ − 1; W′ = −0.5 + 0.1·2.987 = −0.2013.
        for line in ["    z₁[0] = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4",
                     "    ŷ[1] = e^(−1.3)/(e^(−1.4) + e^(−1.3) + e^4.1) = 0.2725/60.859 = 0.004478",
                     "    dz₁[1] = 0.004478 − 1 = −0.9955",
                     "    W₁′[1,1] = −0.5 − 0.1·(−2.987) = −0.2013"] {
            #expect(result.output.contains(line + "\n"), "missing: \(line)")
        }
    }

    @Test func jsonForPrograms() throws {
        let result = try StepgradProcess.run(["explain", "softmax-regression", "--format", "json", "--iterations", "2",
                                              "--check-gradients"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let iterations = try #require(document["iterations"] as? [[String: Any]])
        #expect(iterations.count == 2)
        // L = −ln 0.0044781 = 5.4085666 (by hand), then 3.2652792 from W′, b′ (NumPy).
        #expect(abs((iterations[0]["loss"] as? Double ?? 0) - 5.4085666) < 1e-6)
        #expect(abs((iterations[1]["loss"] as? Double ?? 0) - 3.2652792) < 1e-6)
        #expect((iterations[0]["gradientCheck"] as? [Any])?.count == 2)
    }

    /// Mazur's figures with his biases fixed: the second iteration's loss 0.2910277737 (exact from his
    /// numbers; Tests/Reference/reference.py), and iteration 10,000's 0.0000351085, as his page says.
    @Test func mazurAsPublished() throws {
        func losses(_ arguments: [String]) throws -> [(Int, Double)] {
            let result = try StepgradProcess.run(["explain", "sigmoid-2-2-2", "--format", "json"] + arguments)
            #expect(result.status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let iterations = try #require(document["iterations"] as? [[String: Any]])
            return iterations.map { ($0["iteration"] as? Int ?? 0, $0["loss"] as? Double ?? .nan) }
        }
        let first = try losses(["--iterations", "2"])
        #expect(first.map(\.0) == [1, 2])
        #expect(String(format: "%.10f", first[1].1) == "0.2910277737")
        let late = try losses(["--from", "10000"])
        #expect(late.map(\.0) == [10_000])
        #expect(String(format: "%.10f", late[0].1) == "0.0000351085")
    }

    @Test func standaloneLatexAndDecimals() throws {
        let result = try StepgradProcess.run(["explain", "softmax-regression", "--format", "latex", "--standalone",
                                              "--decimals", "2"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\\documentclass"))
        #expect(result.output.contains("\\left[W_{1}'\\right]_{1,1} &= -0.5 - 0.1 \\cdot \\left(-2.99\\right) = -0.2 \\\\\n"))
    }

    @Test func unknownExerciseIsOneLine() throws {
        let result = try StepgradProcess.run(["explain", "no-such-exercise"])
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.error.hasPrefix("stepgrad: "))
        #expect(result.error.hasSuffix("\n") && result.error.dropLast().contains("\n") == false)
    }

    @Test func brokenFileNamesThePlace() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.yaml")
        // Three inputs, but the weights (line 7) have rows of two numbers.
        try """
            title: broken
            input: [1, 3, 0]
            target: [0, 1]
            layers:
              - units: 2
                activation: softmax
                weights: [[1, 2], [3, 4]]
            loss: cross-entropy
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try StepgradProcess.run(["explain", file.path])
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.error.hasPrefix("stepgrad: \(file.path):"))
        #expect(result.error.hasSuffix("\n") && result.error.dropLast().contains("\n") == false)
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func examplesListsBundledExercises() throws {
        let result = try StepgradProcess.run(["examples"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("softmax-regression ") && $0.hasSuffix("  Softmax regression, one SGD step (homework)") })
        #expect(lines.count >= 4)
    }
}
