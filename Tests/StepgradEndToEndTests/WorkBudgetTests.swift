import Foundation
import Testing

/// A small file that asks for a huge amount of work is refused before the work starts, in well
/// under a second, with the limit named and what to lower; what fits runs as before.
@Suite(.enabled(if: StepgradProcess.executable != nil, "build stepgrad first"))
struct WorkBudgetTests {
    /// About 190 KB: 10,000 samples of 4 inputs, a 4,096-unit layer drawn from a seed.
    static let oversized = scenario(samples: 10_000, units: 4096)

    static func scenario(samples: Int, units: Int) -> String {
        var random = SystemRandomNumberGenerator()
        let rows = (0..<samples).map { _ in "  - [" + (0..<4).map { _ in String(Int.random(in: 0...9, using: &random)) }
            .joined(separator: ", ") + "]" }
        let targets = (0..<samples).map { i in "  - [\(i % 2), \(1 - i % 2)]" }
        return """
            init: {seed: 1}
            input:
            \(rows.joined(separator: "\n"))
            target:
            \(targets.joined(separator: "\n"))
            layers:
              - {units: \(units), activation: tanh}
              - {units: 2, activation: sigmoid}
            loss: mse

            """
    }

    func withScenario(_ text: String, _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        try body(directory)
    }

    /// Timed with the release build, as a user runs it (the debug build alone takes most of a
    /// second to read 190 KB of YAML), in processor time: on a busy machine the wall clock
    /// measures the other tests.
    @Test(.enabled(if: StepgradProcess.release != nil, "build stepgrad in release first (swift build -c release)"),
          arguments: [["explain", "big.yaml", "--full"], ["check", "big.yaml", "--answers", "big.yaml"], ["open", "big.yaml"],
                       ["serve", "big.yaml"], ["grade", "big.yaml", "big.yaml"]])
    func anOversizedScenarioIsRefusedWithinASecond(_ arguments: [String]) throws {
        try withScenario(Self.oversized) { directory in
            let binary = try #require(StepgradProcess.release).path
            let subprocess = try Subprocess.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", directory.path, binary] + arguments,
                                                environment: ["PATH": "/usr/bin:/bin"], scratch: directory)
            let result = StepgradProcess.Result(status: subprocess.status, output: subprocess.output, error: subprocess.errors)
            #expect(result.status == 2)
            #expect(result.error.hasPrefix("stepgrad: big.yaml: \(arguments[0]) would write out about "), "\(result.error)")
            #expect(result.error.contains("(10,000 samples, layers 4-4096-2, 1 iteration); the limit is 20,000,000"))
            #expect(result.error.contains("use fewer samples or smaller layers"))
            #expect(subprocess.cpuSeconds < 1, "refused after \(subprocess.cpuSeconds) s of processor time")
        }
    }

    @Test func tooManyIterationsAreRefusedWithTheCountThatFits() throws {
        let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL
        let text = try String(contentsOf: exercise, encoding: .utf8)
            .replacingOccurrences(of: "input: [0.5, -1, 2]", with: "input: [[0.5, -1, 2]" + String(repeating: ", [0.5, -1, 2]", count: 999) + "]")
            .replacingOccurrences(of: "target: [1, 1, 0]", with: "target: [[1, 1, 0]" + String(repeating: ", [1, 1, 0]", count: 999) + "]")
        try withScenario(text) { directory in
            let result = try StepgradProcess.run(["explain", "big.yaml", "--iterations", "1000", "--full"], in: directory)
            #expect(result.status == 2)
            // 3-4-3 with softmax over 1,000 samples: about 118,000 terms an iteration, so 169 fit.
            #expect(result.error.contains("lower --iterations to 169"), "\(result.error)")
        }
    }

    @Test func theGradientCheckHasALimitOfItsOwn() throws {
        // Within the limit on terms (about 11 million), not on the check's two forward passes per parameter.
        try withScenario(Self.scenario(samples: 500, units: 1000)) { directory in
            let result = try StepgradProcess.run(["explain", "big.yaml", "--check-gradients"], in: directory)
            #expect(result.status == 2)
            #expect(result.error.contains("--check-gradients would take about "), "\(result.error)")
        }
    }

    @Test func trainingFarBeforeTheFirstWrittenIterationHasALimit() throws {
        try withScenario(Self.scenario(samples: 500, units: 1000)) { directory in
            let result = try StepgradProcess.run(["explain", "big.yaml", "--from", "1000000"], in: directory)
            #expect(result.status == 2)
            #expect(result.error.contains("training 999,999 iterations first would take about"), "\(result.error)")
            #expect(result.error.hasSuffix("lower --from\n"))
        }
    }
}
