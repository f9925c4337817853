import Foundation
import Testing
import StepgradData
import StepgradEngine
import StepgradScenario
@testable import StepgradSession

/// Mini-batch training, checked against Tests/Reference/minibatch.py (NumPy, written from the rules
/// alone), and every bundled training example reaching the accuracy its file documents.
@MainActor
@Suite struct TrainerTests {
    static let spiral = """
        data: {dataset: spiral, samples: 40, noise: 0.1, seed: 3, test-fraction: 0.25}
        batch-size: 8
        epochs: 3
        layers:
          - {units: 4, activation: tanh}
          - {units: 2, activation: softmax}
        init: {seed: 1}
        loss: cross-entropy
        optimizer: {name: sgd, learning-rate: 0.1}
        """

    @Test func threeEpochsOfMiniBatchesMatchTheNumPyReference() throws {
        var trainer = try #require(Trainer(ScenarioLoader.parse(Self.spiral)))
        let expected: [(train: Double, test: Double, accuracy: Double)] = [
            (0.8195613903562259, 0.6162401060975611, 0.7),
            (0.7517327250121197, 0.6495738020488572, 0.7),
            (0.7070345352237315, 0.6853881515495173, 0.6),
        ]
        for (epoch, e) in expected.enumerated() {
            trainer.finishEpoch()
            let m = trainer.metrics
            #expect(m.epoch == epoch + 1 && m.iterations == 4 * (epoch + 1))
            #expect(abs(m.train.loss - e.train) < 1e-12, "epoch \(epoch + 1): \(m.train.loss)")
            #expect(abs(try #require(m.test).loss - e.test) < 1e-12, "epoch \(epoch + 1)")
            #expect(m.test?.accuracy == e.accuracy)
        }
        let w1 = [[0.22095300734943055, 0.44284717277618746], [0.916439509998874, -0.06203747289270018],
                  [-0.12472979977643295, 0.5301547290608096], [0.661168097951883, 0.2389763465267892]]
        for (a, b) in zip(trainer.parameters.weights(1).elements, w1.flatMap { $0 }) { #expect(abs(a - b) < 1e-12) }
        for (a, b) in zip(try #require(trainer.parameters.bias(2)).elements, [-0.009094759444362381, 0.009094759444362381]) {
            #expect(abs(a - b) < 1e-12)
        }
    }

    @Test func theNextStepIsThePassTheStepByStepViewShows() throws {
        let scenario = try ScenarioLoader.parse(Self.spiral)
        var trainer = try #require(Trainer(scenario))
        for _ in 0..<5 { trainer.step() }
        let pass = trainer.passScenario(scenario)
        #expect(pass.batch.size == 8 && pass.parameters == trainer.parameters)
        let session = TrainingSession(scenario: pass, stateDirectory: "/tmp/stepgrad-tests/trainer")
        let outcome = trainer.step()
        #expect(session.current.outcome.loss == outcome.loss)
        // The view's iteration ends where the trainer's step does.
        let viewed = scenario.network.iterate(session.parameters, session.optimizerState, on: pass.batch, record: false)
        #expect(viewed.parameters == trainer.parameters)
    }

    @Test func accuracyCountsTheLargestOutput() {
        let data = Dataset(name: "t", features: ["x"], task: .classification(classes: ["a", "b", "c"]),
                           inputs: Matrix([[0], [0], [0], [0]]),
                           targets: Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]]))
        let network = Network(inputs: 1, layers: [Layer(units: 3, activation: .softmax)], loss: .crossEntropy)
        // Rows 1 and 3 right; row 2 a tie between a and b goes to the first (wrong); row 4 wrong.
        let prediction = Matrix([[0.5, 0.3, 0.2], [0.4, 0.4, 0.2], [0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
        let e = Evaluation(network: network, prediction: prediction, dataset: data)
        #expect(e.accuracy == 0.5)
        #expect(abs(e.loss - -(log(0.5) + log(0.4) + log(0.7) + log(0.1)) / 4) < 1e-15)
    }

    /// What each bundled example's comment promises, within the epochs its file trains.
    nonisolated static let promises: [(name: String, accuracy: Double)] = [("xor", 0.95), ("circles", 0.95), ("spiral", 0.95), ("iris", 0.9)]

    @Test(arguments: promises)
    func eachBundledExampleReachesItsDocumentedTestAccuracy(_ name: String, _ accuracy: Double) throws {
        let path = try Exercises.resolve(name)
        let scenario = try ScenarioLoader.load(path: path)
        var trainer = try #require(Trainer(scenario))
        for _ in 0..<scenario.training!.epochs { trainer.finishEpoch() }
        let test = try #require(trainer.metrics.test?.accuracy)
        #expect(test >= accuracy, "\(name): test accuracy \(test) after \(trainer.epoch) epochs")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let epochs = scenario.training!.epochs
        #expect(text.contains("test accuracy ≥ \(accuracy) within \(epochs) epochs"), "\(name)'s comment does not state its promise")
    }

    /// Plain SGD moves W by −rate·∂L/∂W, so the gradient's norm is ‖ΔW‖/rate: worked out from the
    /// weights alone, apart from the engine's own sums of squares.
    @Test func eachLayersGradientNormIsTheEpochsMeanOfTheUpdatesOverTheRate() throws {
        var trainer = try #require(Trainer(ScenarioLoader.parse(Self.spiral)))
        #expect(trainer.metrics.layers.allSatisfy { $0.gradient == nil })
        var sums = [0.0, 0.0]
        for _ in 0..<trainer.plan.batchesPerEpoch {
            let before = trainer.parameters
            trainer.step()
            for l in 1...2 {
                let moved = zip(before.weights(l).elements, trainer.parameters.weights(l).elements).map { ($0 - $1) / 0.1 }
                sums[l - 1] += moved.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
        }
        let layers = trainer.metrics.layers
        for l in 1...2 {
            let gradient = try #require(layers[l - 1].gradient)
            #expect(abs(gradient - sums[l - 1] / 4) < 1e-9 * max(1, gradient), "layer \(l): \(gradient)")
            let w = trainer.parameters.weights(l).elements
            #expect(layers[l - 1].weights == w.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
    }

    /// A new learning rate or weight decay applies from the next mini-batch, on the same weights.
    @Test func retuningKeepsTheWeightsAndTrainsOnWithTheNewRate() throws {
        let scenario = try ScenarioLoader.parse(Self.spiral)
        var trainer = try #require(Trainer(scenario))
        for _ in 0..<3 { trainer.step() }
        let weights = trainer.parameters, batch = trainer.nextBatch
        let tuned = Optimizer.sgd(.init(learningRate: 0.3, weightDecay: 0.01))
        trainer.retune(tuned)
        #expect(trainer.parameters == weights && trainer.iterations == 3)
        trainer.step()
        var network = scenario.network
        network.optimizer = tuned
        #expect(trainer.parameters == network.iterate(weights, OptimizerState(), on: batch, record: false).parameters)
        #expect(trainer.passScenario(scenario).network.optimizer == tuned)
    }

    @Test func theRatesGoUpAndDownPlaygroundsLadder() {
        #expect(Optimizer.rung(after: 0.01, in: Optimizer.learningRates, up: true) == 0.03)
        #expect(Optimizer.rung(after: 0.01, in: Optimizer.learningRates, up: false) == 0.003)
        // A rate between rungs, as a file may give it, moves to the nearest rung that way.
        #expect(Optimizer.rung(after: 0.05, in: Optimizer.learningRates, up: true) == 0.1)
        #expect(Optimizer.rung(after: 0.05, in: Optimizer.learningRates, up: false) == 0.03)
        #expect(Optimizer.rung(after: 10, in: Optimizer.learningRates, up: true) == nil)
        #expect(Optimizer.rung(after: 0, in: Optimizer.weightDecays, up: true) == 0.001)
        #expect(Optimizer.rung(after: 0.001, in: Optimizer.weightDecays, up: false) == 0)
        #expect(Optimizer.rung(after: 0, in: Optimizer.weightDecays, up: false) == nil)
    }
}
