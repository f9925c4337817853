import Foundation
import StepgradEngine
import StepgradScenario
import Testing

/// `stepgrad train`: per-epoch figures as text and JSON, the trained network saved as a scenario
/// that reloads to the same predictions, and bad input refused with a placed message.
@Suite struct TrainCommandTests {
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-train-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test func textGivesOneLinePerEpochAndTheFinalFigures() throws {
        let result = try StepgradProcess.run(["train", "circles", "--epochs", "3"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("epoch 1  train loss ") && lines[0].contains("test accuracy "))
        let batches = try #require(try ScenarioLoader.load(path: Exercises.resolve("circles")).training).batchesPerEpoch
        #expect(lines[3].hasPrefix("trained 3 epochs, \(3 * batches) iterations in "), "\(lines[3])")
        #expect(lines[4] == "final: " + lines[2].dropFirst("epoch 3  ".count))
    }

    @Test func jsonSavedScenarioReloadsToTheSamePredictions() throws {
        try withDirectory { directory in
            let saved = directory.appendingPathComponent("trained.yaml").path
            let result = try StepgradProcess.run(["train", "iris", "--epochs", "4", "--format", "json", "--save", saved])
            #expect(result.status == 0, "\(result.error)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [[String: Double]]])
            let epochs = try #require(json["epochs"])
            #expect(epochs.map { $0["epoch"] } == [1, 2, 3, 4])
            #expect(Set(epochs[0].keys) == ["epoch", "train-loss", "test-loss", "train-accuracy", "test-accuracy"])
            // The file's weights give the test set the very loss and accuracy the last epoch reported
            // (read from the text: JSONSerialization may round the last digit).
            func reported(_ key: String) throws -> Double {
                let line = try #require(result.output.split(separator: "\n").last { $0.contains("\"epoch\": 4,") })
                let start = try #require(line.range(of: "\"\(key)\": "))
                return try #require(Double(line[start.upperBound...].prefix { $0 != "," && $0 != "}" }))
            }
            let scenario = try ScenarioLoader.load(path: saved)
            let plan = try #require(scenario.training)
            let prediction = scenario.network.forward(scenario.parameters, plan.test.inputs).activations.last!
            #expect(scenario.network.loss(of: prediction, target: plan.test.targets) == (try reported("test-loss")))
            let labels = try #require(plan.test.labels)
            let correct = labels.indices.filter { r in
                (0..<prediction.columns).max { prediction[r, $0] < prediction[r, $1] } == labels[r]
            }.count
            #expect(Double(correct) / Double(labels.count) == (try reported("test-accuracy")))
            // It trains on from there, and refuses to be overwritten without --force.
            let again = try StepgradProcess.run(["train", saved, "--epochs", "1", "--save", saved])
            #expect(again.status == 2 && again.error.contains("already exists; give --force"), "\(again.error)")
            let forced = try StepgradProcess.run(["train", saved, "--epochs", "1", "--save", saved, "--force"])
            #expect(forced.status == 0, "\(forced.error)")
        }
    }

    @Test func aScenarioWithoutDataOrWithBadDataIsRefused() throws {
        let none = try StepgradProcess.run(["train", "xor-tanh"])
        #expect(none.status == 2 && none.error.contains("has no 'data:' to train on"), "\(none.error)")
        try withDirectory { directory in
            try "a,b,kind\n1,2,x\n3,,y\n".write(to: directory.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
            try "data: {csv: p.csv, label: kind}\nlayers: [{units: 2, activation: softmax}]\ninit: {seed: 1}\nloss: cross-entropy\n"
                .write(to: directory.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
            let bad = try StepgradProcess.run(["train", "s.yaml"], in: directory)
            #expect(bad.status == 2)
            #expect(bad.error == "stepgrad: p.csv:3: row 2, column \"b\": missing value\n", "\(bad.error)")
        }
    }
}
