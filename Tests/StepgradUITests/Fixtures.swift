import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import StepgradUI
import TerminalUI

enum Fixtures {
    /// The 3-4-3 homework network of the bundled exercise: relu, softmax, no bias, cross-entropy,
    /// x = (0.5, −1, 2), y = (1, 1, 0). Worked by hand: z₁ = W₁·x = (1.2, −1.15, 0.15, 0.9),
    /// a₁ = (1.2, 0, 0.15, 0.9), z₂ = W₂·a₁ = (0.195, −0.495, 0.465).
    static func homework(path: String? = nil) -> Scenario {
        let network = Network(inputs: 3, layers: [Layer(units: 4, activation: .relu, hasBias: false),
                                                  Layer(units: 3, activation: .softmax, hasBias: false)],
                              loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1)))
        let parameters = Parameters(weights: [
            Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]),
            Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]),
        ], biases: [nil, nil])
        return Scenario(title: "relu-softmax 3-4-3", path: path, network: network, parameters: parameters,
                        batch: Batch(input: Matrix([[0.5, -1, 2]]), target: Matrix([[1, 1, 0]])))
    }

    /// A wide network with seeded weights: `inputs`-`hidden`-`outputs`, tanh then softmax, a batch of `batch`.
    static func wide(_ inputs: Int, _ hidden: [Int], _ outputs: Int, batch: Int = 1) -> Scenario {
        let layers = hidden.map { Layer(units: $0, activation: .tanh) } + [Layer(units: outputs, activation: .softmax)]
        let network = Network(inputs: inputs, layers: layers, loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1)))
        var generator = SplitMix64(seed: 7)
        let input = Matrix(rows: batch, columns: inputs, elements: (0..<(batch * inputs)).map { _ in generator.nextUnit() * 2 - 1 })
        var target = Matrix(rows: batch, columns: outputs)
        for s in 0..<batch { target[s, s % outputs] = 1 }
        return Scenario(title: "wide \(inputs)-\(hidden.map(String.init).joined(separator: "-"))-\(outputs)",
                        network: network, parameters: Initializer(seed: 11).parameters(for: network),
                        batch: Batch(input: input, target: target))
    }

    static let colour = TerminalCapabilities(colourDepth: .trueColour, unicode: true)

    @MainActor static func screen(_ scenario: Scenario = homework(), theme: Theme = .dark, presenting: Bool = false,
                                  capabilities: TerminalCapabilities = colour, stateDirectory: String? = nil,
                                  granularity: Granularity = .operation) -> SessionScreen {
        let session = TrainingSession(scenario: scenario, stateDirectory: stateDirectory ?? temporaryDirectory())
        session.granularity = granularity
        return SessionScreen(session: session, options: ScreenOptions(theme: theme, capabilities: capabilities,
                                                                      presenting: presenting))
    }

    static func temporaryDirectory() -> String {
        let path = temporaryRoot + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One directory per test process holds them all, removed when the process exits.
    private static let temporaryRoot: String = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "stepgrad-ui-tests-\(getpid())") }
        return NSTemporaryDirectory() + "stepgrad-ui-tests-\(getpid())"
    }()
}
