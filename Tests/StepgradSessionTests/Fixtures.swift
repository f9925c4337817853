import Foundation
import StepgradEngine
import StepgradScenario
@testable import StepgradSession

enum Fixtures {
    /// The 3-4-3 homework network: relu, softmax, no bias, cross-entropy. Its forward pass,
    /// worked by hand: z1 = (1.2, −1.15, 0.15, 0.9), a1 = (1.2, 0, 0.15, 0.9), z2 = (0.195, −0.495, 0.465).
    static func homework(path: String? = "/tmp/stepgrad-tests/homework.yaml", learningRate: Double = 0.1) -> Scenario {
        let network = Network(inputs: 3, layers: [Layer(units: 4, activation: .relu, hasBias: false),
                                                  Layer(units: 3, activation: .softmax, hasBias: false)],
                              loss: .crossEntropy, optimizer: .sgd(.init(learningRate: learningRate)))
        let parameters = Parameters(weights: [
            Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]),
            Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]),
        ], biases: [nil, nil])
        return Scenario(title: "Homework", path: path, network: network, parameters: parameters,
                        batch: Batch(input: Matrix([[0.5, -1, 2]]), target: Matrix([[1, 1, 0]])))
    }

    /// XOR on its whole truth table: batch of 4, 2-4-1, tanh then sigmoid, binary cross-entropy.
    static func xor(optimizer: Optimizer = .sgd(.init(learningRate: 0.5)), path: String? = "/tmp/stepgrad-tests/xor.yaml",
                    seed: UInt64 = 3) -> Scenario {
        let network = Network(inputs: 2, layers: [Layer(units: 4, activation: .tanh), Layer(units: 1, activation: .sigmoid)],
                              loss: .binaryCrossEntropy, optimizer: optimizer)
        return Scenario(title: "XOR", path: path, network: network,
                        parameters: Initializer(seed: seed).parameters(for: network),
                        batch: Batch(input: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), target: Matrix([[0], [1], [1], [0]])))
    }

    static let adam = Optimizer.adam(.init(learningRate: 0.05))

    /// Reference states straight from the engine: `states[n − 1]` starts iteration n.
    static func engineStates(_ scenario: Scenario, count: Int) -> [(parameters: Parameters, state: OptimizerState, loss: Double)] {
        var parameters = scenario.parameters, state = OptimizerState()
        var states: [(Parameters, OptimizerState, Double)] = []
        for _ in 0..<count {
            let outcome = scenario.network.iterate(parameters, state, on: scenario.batch, record: false)
            states.append((parameters, state, outcome.loss))
            parameters = outcome.parameters
            state = outcome.optimizerState
        }
        return states
    }

    /// A fresh empty directory for state files.
    static func temporaryDirectory() -> String {
        let path = temporaryRoot + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One directory per test process holds them all, removed when the process exits.
    private static let temporaryRoot: String = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "stepgrad-session-tests-\(getpid())") }
        return NSTemporaryDirectory() + "stepgrad-session-tests-\(getpid())"
    }()
}

/// Equality down to the bit, so that −0.0 and 0.0 differ and NaN equals itself.
func identical(_ a: Parameters, _ b: Parameters) -> Bool {
    a.weights.count == b.weights.count && zip(a.weights, b.weights).allSatisfy(identical)
        && a.biases.count == b.biases.count
        && zip(a.biases, b.biases).allSatisfy { x, y in
            switch (x, y) {
            case (nil, nil): true
            case let (x?, y?): identical(x, y)
            default: false
            }
        }
}

func identical(_ a: OptimizerState, _ b: OptimizerState) -> Bool {
    func same(_ x: [String: Matrix], _ y: [String: Matrix]) -> Bool {
        x.keys == y.keys && x.allSatisfy { key, m in y[key].map { identical(m, $0) } ?? false }
    }
    return a.step == b.step && same(a.first, b.first) && same(a.second, b.second)
}

func identical(_ a: Matrix, _ b: Matrix) -> Bool {
    a.shape == b.shape && a.elements.map(\.bitPattern) == b.elements.map(\.bitPattern)
}

/// Everything a view can see of a session, for comparing two moments; numbers by their bits.
struct Seen: Equatable {
    var iteration: Int
    var cursor: Cursor
    var granularity: Granularity
    var step: Step?
    var lossHistory: [UInt64]
    var numbers: [[UInt64]]

    @MainActor init(_ session: TrainingSession) {
        iteration = session.iteration
        cursor = session.cursor
        granularity = session.granularity
        step = session.currentStep
        lossHistory = session.lossHistory.exact.map(\.bitPattern)
        let state = session.optimizerState
        let matrices = session.parameters.weights + session.parameters.biases.compactMap { $0 }
            + state.first.sorted { $0.key < $1.key }.map(\.value) + state.second.sorted { $0.key < $1.key }.map(\.value)
            + session.trace.operations.flatMap { [$0.result] + $0.operands.map(\.value) }
        numbers = [[UInt64(state.step)]] + matrices.map { $0.elements.map(\.bitPattern) }
    }
}
