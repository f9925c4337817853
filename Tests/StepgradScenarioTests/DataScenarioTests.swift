import Foundation
import Testing
import StepgradData
import StepgradEngine
@testable import StepgradScenario

/// The `data:` key and the keys that go with it: what a scenario with data holds, and every bad
/// value placed at the line and column counted by hand from the text.
@Suite struct DataScenarioTests {
    /// By line: 1 data, 2 batch-size, 3 epochs, 4 layers, 5 first layer, 6 output layer, 7 init, 8 loss.
    static let spiral = """
        data: {dataset: spiral, samples: 40, noise: 0.1, seed: 3, test-fraction: 0.25}
        batch-size: 8
        epochs: 5
        layers:
          - {units: 4, activation: tanh}
          - {units: 2, activation: softmax}
        init: {seed: 1}
        loss: cross-entropy
        """

    func error(_ text: String, path: String? = "s.yaml") -> String? {
        do { _ = try ScenarioLoader.parse(text, path: path); return nil } catch { return "\(error)" }
    }

    @Test func aGeneratedDatasetIsSplitAndItsFirstMiniBatchIsTheScenariosBatch() throws {
        let s = try ScenarioLoader.parse(Self.spiral)
        let plan = try #require(s.training)
        // 20 samples per class, a quarter of each (5) to test: 30 to train, 10 to test.
        #expect(plan.train.count == 30 && plan.test.count == 10)
        #expect(plan.train.classCounts == [15, 15] && plan.test.classCounts == [5, 5])
        #expect(plan.batchSize == 8 && plan.epochs == 5 && plan.batchesPerEpoch == 4)
        #expect(plan.shuffleSeed == 3)
        #expect(s.network.inputs == 2)
        let order = plan.order(epoch: 1)
        #expect(order.sorted() == Array(0..<30) && order != Array(0..<30))
        #expect(s.batch.size == 8)
        #expect(s.batch.input == plan.train.subset(Array(order.prefix(8))).inputs)
        // The last mini-batch takes the rest: 30 = 8 + 8 + 8 + 6.
        #expect(plan.batch(3, of: order).size == 6)
        // The same data as the generator and split give by themselves.
        let direct = try DataSplit(GeneratedData.spiral.dataset(samples: 40, noise: 0.1, seed: 3), testFraction: 0.25, seed: 3)
        #expect(plan.data == direct)
    }

    @Test func eachEpochHasItsOwnOrderAndNoShuffleKeepsTheDatasOrder() throws {
        let plan = try #require(try ScenarioLoader.parse(Self.spiral).training)
        #expect(plan.order(epoch: 1) != plan.order(epoch: 2))
        #expect(plan.order(epoch: 2) == plan.order(epoch: 2))
        let seeded = try #require(try ScenarioLoader.parse(Self.spiral + "\nshuffle: {seed: 9}").training)
        #expect(seeded.shuffleSeed == 9 && seeded.order(epoch: 1) != plan.order(epoch: 1))
        let fixed = try #require(try ScenarioLoader.parse(Self.spiral + "\nshuffle: false").training)
        #expect(fixed.shuffleSeed == nil && fixed.order(epoch: 4) == Array(0..<30))
    }

    @Test func aBatchLargerThanTheTrainingSetIsTheFullBatch() throws {
        let plan = try #require(try ScenarioLoader.parse(Self.spiral.replacingOccurrences(of: "batch-size: 8", with: "batch-size: 500")).training)
        #expect(plan.batchSize == 30 && plan.batchesPerEpoch == 1)
    }

    @Test func bundledCSVDataIsFoundByNameAndStandardizedByTheTrainingSet() throws {
        let s = try ScenarioLoader.parse("""
            data: {csv: iris.csv, label: species, standardize: true, test-fraction: 0.2}
            layers: [{units: 3, activation: softmax}]
            init: {seed: 1}
            loss: cross-entropy
            """, path: "/nowhere/iris.yaml")
        let plan = try #require(s.training)
        #expect(plan.train.count == 120 && plan.test.count == 30)
        #expect(plan.train.classes == ["setosa", "versicolor", "virginica"])
        #expect(s.network.inputs == 4)
        for c in 0..<4 {
            let column = (0..<120).map { plan.train.inputs[$0, c] }
            let mean = column.reduce(0, +) / 120
            #expect(abs(mean) < 1e-12)
            #expect(abs(column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 120 - 1) < 1e-12)
        }
        guard case .csv(let path, _) = plan.source else { Issue.record("not csv"); return }
        #expect(path.hasSuffix("Assets/data/iris.csv"))
    }

    @Test func aCSVBesideTheScenarioIsReadAndItsBadRowIsPlacedInTheCSV() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-data-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("points.csv")
        try "a,b,kind\n1,2,x\n3,4,y\n5,?,x\n".write(to: csv, atomically: true, encoding: .utf8)
        let scenario = directory.appendingPathComponent("s.yaml").path
        let text = """
            data: {csv: points.csv, label: kind}
            layers: [{units: 2, activation: softmax}]
            init: {seed: 1}
            loss: cross-entropy
            """
        #expect(error(text, path: scenario) == "\(csv.path):4: row 3, column \"b\": missing value")
        try "a,b,kind\n1,2,x\n3,4,y\n5,6,x\n6,7,y\n".write(to: csv, atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.parse(text, path: scenario)
        #expect(s.training?.train.count == 4 - Int(4 * 0.2 / 2) * 2)

        // Opened by a path relative to the current directory, and written out (`train --save`, `w`)
        // to another directory: the CSV is still found, as the file names it absolutely.
        let up = String(repeating: "../", count: FileManager.default.currentDirectoryPath.split(separator: "/").count)
        let relative = try ScenarioLoader.parse(text, path: up + String(scenario.dropFirst()))
        #expect(relative.yaml.contains("csv: \"\(csv.path)\""))
        let elsewhere = try ScenarioLoader.parse(relative.yaml, path: "/tmp/elsewhere/trained.yaml")
        #expect(elsewhere.training?.data == relative.training?.data)
    }

    static let badValues: [(String, String, String)] = [
        ("no source", "data: {samples: 3}",
         "s.yaml:1:7: 'data' needs 'dataset' (one of xor, circles, gauss, spiral, moons, plane, sine) or 'csv' (a file)"),
        ("unknown dataset", "data: {dataset: spirals}",
         "s.yaml:1:17: unknown dataset 'spirals'; did you mean 'spiral'? (choose from xor, circles, gauss, spiral, moons, plane, sine)"),
        ("too few samples", "data: {dataset: xor, samples: 1}",
         "s.yaml:1:31: 'samples' must be between 2 and 10,000, found 1"),
        ("negative noise", "data: {dataset: xor, noise: -0.5}", "s.yaml:1:29: 'noise' must be at least 0, found -0.5"),
        ("test fraction of one", "data: {dataset: xor, test-fraction: 1}",
         "s.yaml:1:37: 'test-fraction' must be at least 0 and below 1, found 1"),
        ("seed not a number", "data: {dataset: xor, seed: abc}",
         "s.yaml:1:28: 'seed' in 'data' must be a whole number from 0 to 18446744073709551615, found the string 'abc'"),
        ("csv key with a generated set", "data: {dataset: xor, label: k}",
         "s.yaml:1:22: 'label' is not allowed in 'data': it applies to 'csv' data"),
        ("standardize not a flag", "data: {dataset: xor, standardize: 2}",
         "s.yaml:1:35: 'standardize' must be true or false, found the number 2"),
        ("csv without a label", "data: {csv: iris.csv}",
         "s.yaml:1:7: 'data' needs 'label' (a column of class names) or 'target' (a column of numbers to regress)"),
    ]

    @Test(arguments: badValues)
    func badDataValuesArePlaced(_ name: String, _ data: String, _ expected: String) {
        let text = Self.spiral.replacingOccurrences(
            of: "data: {dataset: spiral, samples: 40, noise: 0.1, seed: 3, test-fraction: 0.25}", with: data)
        #expect(error(text) == expected, "\(name)")
    }

    @Test func badTrainingKeysArePlaced() {
        #expect(error(Self.spiral.replacingOccurrences(of: "batch-size: 8", with: "batch-size: 0"))
                == "s.yaml:2:13: 'batch-size' must be between 1 and 10,000, found 0")
        #expect(error(Self.spiral.replacingOccurrences(of: "epochs: 5", with: "epochs: 2.5"))
                == "s.yaml:3:9: 'epochs' must be a whole number, found 2.5")
        #expect(error(Self.spiral + "\nshuffle: sometimes")
                == "s.yaml:9:10: 'shuffle' must be true, false or {seed: N}, found the string 'sometimes'")
        #expect(error(Self.spiral + "\ninput: [1, 2]") == "s.yaml:9:1: 'input' is not allowed with 'data': the samples come from the data")
        #expect(error("input: [1]\ntarget: [1]\nepochs: 3\nlayers: [{units: 1, weights: [[1]]}]\nloss: mse\n")
                == "s.yaml:3:1: 'epochs' applies only to a scenario with 'data'")
        #expect(error(Self.spiral.replacingOccurrences(of: "{units: 2, activation: softmax}", with: "{units: 3, activation: softmax}"))
                == "s.yaml:6:5: the output layer (layer 2) has 3 units, but the data has 2 classes (negative, positive), one output each")
    }

    @Test func aScenarioWrittenOutReadsBackTheSame() throws {
        var s = try ScenarioLoader.parse(Self.spiral + "\noptimizer: {name: adam, learning-rate: 0.01}")
        // Weights that need all 17 digits, and an awkward title.
        s.parameters.weights[0].elements[0] = 0.1 + 0.2
        s.parameters.weights[1].elements[3] = -1.0e-7 / 3
        s.title = "A \"quoted\" title: yes"
        let back = try ScenarioLoader.parse(s.yaml)
        #expect(back.parameters == s.parameters)
        #expect(back.network == s.network)
        #expect(back.training == s.training)
        #expect(back.batch == s.batch)
        #expect(back.title == s.title)
    }
}
