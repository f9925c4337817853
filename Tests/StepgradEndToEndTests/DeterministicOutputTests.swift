import Foundation
import Testing

/// The same input gives the same bytes, in every format: ten runs of the binary (each process
/// hashes with a seed of its own, so a dictionary's order would show) print the same output.
@Suite struct DeterministicOutputTests {
    /// Adam and momentum keep state per parameter, the kind of thing kept in dictionaries.
    static let scenarios = [
        ("adam.yaml", """
            title: "Adam, two layers"
            input: [0.5, -1, 2]
            target: [1, 0]
            layers:
              - {units: 3, activation: relu}
              - {units: 2, activation: softmax}
            init: {seed: 3, decimals: 2}
            loss: cross-entropy
            optimizer: {name: adam, learning-rate: 0.01}
            """),
        ("momentum.yaml", """
            title: "Momentum, a batch of two"
            input:
              - [1, 2]
              - [0.5, -1]
            target:
              - [1]
              - [0]
            layers:
              - {units: 2, activation: tanh}
              - {units: 1, activation: sigmoid}
            init: {seed: 5, decimals: 2}
            loss: binary-cross-entropy
            optimizer: {name: sgd, learning-rate: 0.5, momentum: 0.9}
            """),
    ]

    @Test(arguments: ["text", "markdown", "latex", "json"])
    func tenRunsGiveTheSameBytes(_ format: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in Self.scenarios { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        for scenario in ["adam.yaml", "momentum.yaml", "sigmoid-2-2-2"] {
            var outputs: Set<String> = []
            for _ in 0..<10 {
                let result = try StepgradProcess.run(["explain", scenario, "--format", format, "--iterations", "3"], in: directory)
                #expect(result.status == 0, "\(result.error)")
                outputs.insert(result.output)
            }
            #expect(outputs.count == 1, "\(scenario) --format \(format): \(outputs.count) different outputs in 10 runs")
        }
    }
}
