import ArgumentParser
import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a scenario with data, headless, and report loss and accuracy per epoch.",
        discussion: """
            The scenario needs a 'data:' key (see the README). Each epoch trains every mini-batch once, in \
            the epoch's shuffled order; the loss and accuracy reported after it are the whole training \
            and test sets' with the weights the epoch left. On a terminal a progress bar is drawn; \
            otherwise one line is printed per epoch. JSON prints {"epochs": [{"epoch", "train-loss", \
            "test-loss", "train-accuracy", "test-accuracy"}]} (accuracy only for classification, test \
            figures only when the data keeps a test set).
            """)

    @Argument(help: "A scenario file with 'data:', or a bundled training example (see 'stepgrad examples').",
              completion: Completion.scenario)
    var scenario: String

    @Option(help: "Epochs to train (1-1000000); default: the scenario's 'epochs'.")
    var epochs: Int?

    @Option(help: "Output format.")
    var format: TrainFormat = .text

    @Option(help: "Write the trained network (and its weights) here as a scenario that open, explain and train accept.")
    var save: String?

    @Flag(help: "Replace the --save file if it exists.")
    var force = false

    enum TrainFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if let epochs, !(1...1_000_000).contains(epochs) {
            throw ValidationError("--epochs must be between 1 and 1000000, not \(epochs)")
        }
        if force && save == nil { throw ValidationError("--force goes with --save") }
    }

    func run() throws {
        let loaded = try ScenarioLoader.load(path: try Exercises.resolve(scenario))
        guard var trainer = Trainer(loaded) else {
            throw ScenarioError(path: loaded.path, message: "has no 'data:' to train on; 'train' needs a scenario with data "
                                + "(e.g. 'stepgrad train spiral'); for a single pass use 'stepgrad explain' or 'stepgrad open'")
        }
        if let save, !force, FileManager.default.fileExists(atPath: save) {
            throw ValidationError("\(save) already exists; give --force to replace it")
        }
        let total = epochs ?? trainer.plan.epochs
        let bar = format == .text && isatty(STDOUT_FILENO) == 1 ? ProgressBar(total: total) : nil
        var history: [EpochMetrics] = []
        let started = Date()
        for _ in 0..<total {
            trainer.finishEpoch()
            if let overflow = trainer.overflow {
                bar?.finish()
                throw ScenarioError(path: loaded.path, message: "training overflowed in epoch \(trainer.epoch) (iteration "
                                    + "\(trainer.iterations)): \(overflow.name) holds ∞ or NaN; lower the learning rate")
            }
            let metrics = trainer.metrics
            history.append(metrics)
            if let bar { bar.show(metrics) } else if format == .text { print(Self.line(metrics, of: total)) }
        }
        bar?.finish()
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .json: print(Self.json(history))
        case .text:
            if let last = history.last {
                print("trained \(total) epoch\(total == 1 ? "" : "s"), \(trainer.iterations) iterations in "
                      + String(format: "%.2f s", seconds))
                print("final: " + Self.figures(last))
            }
        }
        if let save {
            var trained = trainer.passScenario(loaded)
            trained.path = save
            try AtomicFile.write(trained.yaml, to: save, force: force)
        }
    }

    static func line(_ metrics: EpochMetrics, of total: Int) -> String {
        let width = String(total).count
        return "epoch " + String(repeating: " ", count: width - String(metrics.epoch).count) + "\(metrics.epoch)  " + figures(metrics)
    }

    static func figures(_ m: EpochMetrics) -> String {
        var parts = ["train loss " + fixed(m.train.loss, 4)]
        if let test = m.test { parts.append("test loss " + fixed(test.loss, 4)) }
        if let a = m.train.accuracy { parts.append("train accuracy " + fixed(a, 3)) }
        if let a = m.test?.accuracy { parts.append("test accuracy " + fixed(a, 3)) }
        return parts.joined(separator: "  ")
    }

    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }

    static func json(_ history: [EpochMetrics]) -> String {
        func number(_ v: Double) -> String { v.isFinite ? "\(v)" : (v.isNaN ? "\"NaN\"" : (v > 0 ? "\"Infinity\"" : "\"-Infinity\"")) }
        let entries = history.map { m in
            var fields = ["\"epoch\": \(m.epoch)", "\"train-loss\": \(number(m.train.loss))"]
            if let test = m.test { fields.append("\"test-loss\": \(number(test.loss))") }
            if let a = m.train.accuracy { fields.append("\"train-accuracy\": \(number(a))") }
            if let a = m.test?.accuracy { fields.append("\"test-accuracy\": \(number(a))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return "{\n  \"epochs\": [\n" + entries.joined(separator: ",\n") + "\n  ]\n}"
    }
}

/// One line redrawn in place on a terminal: a bar of the epochs done and the latest figures.
final class ProgressBar {
    let total: Int
    private var lastDrawn = Date.distantPast

    init(total: Int) { self.total = total }

    func show(_ metrics: EpochMetrics) {
        // A redraw per epoch would cost more than a short epoch; 20 a second is smooth enough.
        guard metrics.epoch == total || Date().timeIntervalSince(lastDrawn) >= 0.05 else { return }
        lastDrawn = Date()
        let width = 20, done = metrics.epoch * width / max(total, 1)
        let bar = String(repeating: "█", count: done) + String(repeating: "░", count: width - done)
        FileHandle.standardOutput.write(Data("\r\u{1B}[K\(bar) epoch \(metrics.epoch)/\(total)  \(Train.figures(metrics))".utf8))
    }

    func finish() { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
}
