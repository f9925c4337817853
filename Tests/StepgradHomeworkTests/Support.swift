import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// The two seed homework exercises, as bundled (Assets/exercises), and the students' answer files
/// (Assets/answers), read by the loaders a user's files go through.
enum Homework {
    static let assets = StepgradScenario.Exercises.assetsDirectory ?? "Assets"

    static func exercise(_ file: String) -> Scenario {
        do {
            return try ScenarioLoader.load(path: "\(assets)/exercises/\(file)")
        } catch {
            fatalError("bundled exercise \(file): \(error)")
        }
    }

    static func answers(_ file: String, for scenario: Scenario) throws -> Answers {
        try AnswersLoader.load(path: "\(assets)/answers/\(file)", for: scenario)
    }

    /// 3-4-3, ReLU then softmax, cross-entropy, no bias, z = W·x, y = (1, 1, 0).
    static let reluSoftmax = exercise("01-relu-softmax-3-4-3.yaml")
    /// Softmax regression, z = Wᵀ·x + b with W in×out, y = (0, 1, 0).
    static let softmaxRegression = exercise("02-softmax-regression.yaml")

    /// Homework 1 as the student handed it in (seed 000).
    static func reluSoftmaxSeed() throws -> Answers { try answers("relu-softmax-3-4-3.seed-000.yaml", for: reluSoftmax) }
    /// Homework 2 as the student handed it in (seed 003).
    static func softmaxRegressionSeed() throws -> Answers { try answers("softmax-regression.seed-003.yaml", for: softmaxRegression) }
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

extension CheckReport {
    func verdict(_ name: String) -> Verdict? { results.first { $0.quantity.name == name }?.verdict }
    func kinds(_ name: String) -> [String] { results.first { $0.quantity.name == name }?.findings.map(\.diagnosis.kind) ?? [] }
    func wrongCells(_ name: String) -> [Cell] { results.first { $0.quantity.name == name }?.wrongElements.map(\.cell) ?? [] }
}

/// The lines of a check report's `text` from the headline of `name` up to the next quantity's.
func block(_ name: String, in text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let start = lines.firstIndex(where: { $0.dropFirst(2).hasPrefix(name + " ") }) else { return [] }
    let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") } ?? lines.count
    return Array(lines[start..<end])
}
