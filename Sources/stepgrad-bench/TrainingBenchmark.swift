import Foundation
import StepgradScenario
import StepgradSession

/// Epochs per second of `stepgrad train`'s Trainer beside the same training in NumPy
/// (Tests/Reference/bench_training.py), interleaved round by round, medians with their spread:
/// 2-16-16-2 tanh on 1,000 spiral points with batches of 32 (goal ≥ 5× NumPy) and the full batch
/// (≥ 1.5×), and 4-16-3 tanh on Iris with batches of 32 (≥ 5×).
enum TrainingBenchmark {
    struct Case {
        var key: String
        var title: String
        var yaml: String
        var goal: Double
    }

    static func spiral(batch: Int) -> String {
        """
        data: {dataset: spiral, samples: 1000, noise: 0, seed: 1, test-fraction: 0}
        batch-size: \(batch)
        layers: [{units: 16, activation: tanh}, {units: 16, activation: tanh}, {units: 2, activation: softmax}]
        init: {seed: 1}
        loss: cross-entropy
        optimizer: {name: sgd, learning-rate: 0.1}
        """
    }

    static let cases = [
        Case(key: "spiral32", title: "2-16-16-2 tanh, spiral 1,000, batch 32", yaml: spiral(batch: 32), goal: 5),
        Case(key: "spiral-full", title: "2-16-16-2 tanh, spiral 1,000, full batch", yaml: spiral(batch: 1000), goal: 1.5),
        Case(key: "iris32", title: "4-16-3 tanh, Iris 150, batch 32", yaml: """
            data: {csv: iris.csv, label: species, standardize: true, test-fraction: 0}
            batch-size: 32
            layers: [{units: 16, activation: tanh}, {units: 3, activation: softmax}]
            init: {seed: 1}
            loss: cross-entropy
            optimizer: {name: sgd, learning-rate: 0.1}
            """, goal: 5),
    ]
    static let rounds = 5, roundSeconds = 0.5

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Reference/bench_training.py")
    }

    /// Every case, or only those whose keys are given.
    static func run(only keys: [String] = []) {
        print("Training benchmark: epochs per second, stepgrad's Trainer beside NumPy (\(script.lastPathComponent)),")
        print("\(rounds) interleaved rounds of \(roundSeconds) s each; medians, with the lowest and highest in brackets\n")
        var rows: [[String]] = []
        for c in cases where keys.isEmpty || keys.contains(c.key) {
            guard let scenario = try? ScenarioLoader.parse(c.yaml), var trainer = Trainer(scenario) else {
                print("\(c.title): could not load (run from the source checkout, where Assets/data is)")
                continue
            }
            trainer.finishEpoch()
            var ours: [Double] = [], theirs: [Double] = []
            var note: String?
            for _ in 0..<rounds {
                let clock = ContinuousClock(), start = clock.now
                var epochs = 0
                while clock.now - start < .milliseconds(Int(roundSeconds * 1000)) {
                    trainer.finishEpoch()
                    epochs += 1
                }
                ours.append(Double(epochs) / seconds(clock.now - start))
                switch numpy(c.key) {
                case .success(let value): theirs.append(value)
                case .failure(let failure): note = failure.message
                }
            }
            let mine = median(ours)
            var row = [c.title, spread(ours)]
            if theirs.isEmpty {
                row += ["–", "–", "≥ \(EngineBenchmark.times(c.goal)) (NumPy: \(note ?? "not run"))"]
            } else {
                let ratio = mine / median(theirs)
                row += [spread(theirs), EngineBenchmark.times(ratio),
                        "≥ \(EngineBenchmark.times(c.goal)): " + (ratio >= c.goal ? "met" : "NOT met")]
            }
            rows.append(row)
        }
        let header = ["training", "stepgrad epochs/s", "NumPy epochs/s", "stepgrad/NumPy", "goal"]
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        for row in [header] + rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func spread(_ values: [Double]) -> String {
        "\(EngineBenchmark.figure(median(values))) [\(EngineBenchmark.figure(values.min()!))–\(EngineBenchmark.figure(values.max()!))]"
    }

    struct Failure: Error { var message: String }

    /// One NumPy round, in its own process (its start-up is not timed: the script times itself).
    static func numpy(_ key: String) -> Result<Double, Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, key, String(roundSeconds)]
        var environment = ProcessInfo.processInfo.environment
        // As the engine benchmark: these settings in this environment slow a current NumPy.
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        // One thread, as `goals` runs NumPy: OpenBLAS's threads only slow these products on two
        // shared cores (they halved NumPy's full batch here, flattering stepgrad twofold).
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = "1" }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(Failure(message: "python3 could not be started")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("epochs-per-second ") }),
              let value = Double(line.dropFirst("epochs-per-second ".count)) else {
            return .failure(Failure(message: "python3 with NumPy is needed"))
        }
        return .success(value)
    }
}
