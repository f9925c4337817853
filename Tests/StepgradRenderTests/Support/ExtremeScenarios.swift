import StepgradEngine
import StepgradScenario

/// Outputs where ŷ rounds to 0 or 1, as in the exact fixtures of Tests/Reference/reference.py:
/// softmax logits ±1000 with the target on the winning and on the losing class, and sigmoid
/// outputs at z = ±40 and ±800 with targets 0, 0.5 and 1, with the loss's mean and sum.
enum ExtremeScenarios {
    static var all: [Scenario] {
        [softmax(target: [1, 0], "winning"), softmax(target: [0, 1], "losing"), sigmoid(.mean), sigmoid(.sum)]
    }

    private static func softmax(target: [Double], _ name: String) -> Scenario {
        Scenario(title: "Softmax logits ±1000, target on the \(name) class",
                 network: Network(inputs: 2, layers: [Layer(units: 2, activation: .softmax, hasBias: false)], loss: .crossEntropy),
                 parameters: Parameters(weights: [Matrix([[1000, 0], [-1000, 0]])], biases: [nil]),
                 batch: Batch(input: Matrix(row: [1, 0]), target: Matrix(row: target)))
    }

    private static func sigmoid(_ reduction: Reduction) -> Scenario {
        let z: [Double] = [40, -40, 800, -800]
        return Scenario(title: "Sigmoid z = ±40, ±800, y = 0, 0.5, 1, \(reduction)",
                        network: Network(inputs: 1, layers: [Layer(units: 12, activation: .sigmoid, hasBias: false)],
                                         loss: .binaryCrossEntropy, reduction: reduction),
                        parameters: Parameters(weights: [Matrix(rows: 12, columns: 1, elements: z + z + z)], biases: [nil]),
                        batch: Batch(input: Matrix(row: [1]), target: Matrix(row: [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1])))
    }
}
