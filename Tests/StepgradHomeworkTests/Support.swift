import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// The two seed homework exercises, as the problem sheets state them.
enum Exercises {
    /// 3-4-3, ReLU then softmax, cross-entropy, no bias, z = W·x, y = (1, 1, 0).
    static let reluSoftmax = Scenario(
        title: "ReLU–softmax 3-4-3",
        network: Network(inputs: 3, layers: [Layer(units: 4, activation: .relu, hasBias: false),
                                             Layer(units: 3, activation: .softmax, hasBias: false)],
                         convention: .wx, loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1))),
        parameters: Parameters(weights: [
            Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]),
            Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]),
        ], biases: [nil, nil]),
        batch: Batch(input: Matrix(row: [0.5, -1, 2]), target: Matrix(row: [1, 1, 0])))

    /// Softmax regression, z = Wᵀ·x + b with W in×out, y = (0, 1, 0).
    static let softmaxRegression = Scenario(
        title: "Softmax regression",
        network: Network(inputs: 3, layers: [Layer(units: 3, activation: .softmax, hasBias: true)],
                         convention: .wtx, loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1))),
        parameters: Parameters(weights: [Matrix([[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]])],
                               biases: [Matrix(row: [0.1, 0.1, 0.1])]),
        batch: Batch(input: Matrix(row: [1, 3, 0]), target: Matrix(row: [0, 1, 0])))
}

/// Answers written the way a student writes them: `"1.2 -1.15 0.15 0.9"`, rows separated by `;`.
/// The decimals of each number are read from its text, as the answers loader does.
func written(_ entries: KeyValuePairs<String, String>, path: String? = "answers.yaml") -> Answers {
    var values: [Quantity: Answers.Value] = [:]
    for (index, (name, text)) in entries.enumerated() {
        guard let quantity = Quantity(name: name) else { fatalError("test data: \(name) is not a quantity") }
        let rows = text.split(separator: ";").map { $0.split(separator: " ").map(String.init) }
        values[quantity] = Answers.Value(
            rows: rows.map { $0.map { Double($0)! } },
            decimals: rows.map { $0.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 } },
            line: index + 1)
    }
    return Answers(values: values, path: path)
}

/// The first homework exactly as the student handed it in (seed 000).
let reluSoftmaxSeed = written([
    "z1": "1.2 -1.15 0.15 0.9",
    "a1": "1.2 0 0.15 0.9",
    "z2": "0.195 -0.445 0.465",
    "a2": "0.356 0.179 0.466",
    "loss": "1.032",
    "dz2": "-0.644 -0.821 0.466",
    "dW2": "-0.773 0 -0.0966 -0.58; -0.985 0 -0.123 -0.734; 0.559 0 0.0699 0.419",
    "da1": "0.193 -0.422 0.122 0.275",
    "dz1": "0.193 0 0.122 0.275",
    "dW1": "0.0965 -0.193 0.386; 0 0 0; 0.061 -0.122 0.244; 0.138 -0.275 0.55",
])

/// The second homework exactly as the student handed it in (seed 003).
let softmaxRegressionSeed = written([
    "z1": "-1.4 -1.3 4.1",
    "a1": "0.003 0.004 0.991",
    "dz1": "0.003 -0.996 0.991",
    "dW1": "0.003 0.009 0; -0.996 -2.988 0; 0.991 2.973 0",
    "db1": "0.003 -0.996 0.991",
    "W1_new": "0.299 0.099 -2; -0.501 -0.202 2; -1.099 -0.797 0.1",
    "b1_new": "0.0997 0.1996 0.0009",
])

extension CheckReport {
    func verdict(_ name: String) -> Verdict? { results.first { $0.quantity.name == name }?.verdict }
    func kinds(_ name: String) -> [String] { results.first { $0.quantity.name == name }?.findings.map(\.diagnosis.kind) ?? [] }
    func wrongCells(_ name: String) -> [Cell] { results.first { $0.quantity.name == name }?.wrongElements.map(\.cell) ?? [] }
}
