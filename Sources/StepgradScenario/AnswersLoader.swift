import Foundation

/// Reads answers files, whose top level holds what a scenario's `answers:` section holds:
/// canonical quantity names (`z1`, `a2`, `loss`, `dW2`, `db1`, `W1_new`) with values as written on paper:
/// a number for the loss, a flat list for a vector, rows for a matrix (parameters in the scenario's
/// layout; per-sample quantities one row per sample). A name with no value is not answered yet.
public enum AnswersLoader {
    public static func load(path: String, for scenario: Scenario) throws -> Answers {
        try parse(SourceFile.read(path), path: path, for: scenario)
    }

    /// The file's bytes, checked as `ScenarioLoader.parse(_:path:)` checks them.
    public static func parse(_ data: Data, path: String? = nil, for scenario: Scenario) throws -> Answers {
        try parse(SourceFile.text(data, path: path), path: path, for: scenario)
    }

    public static func parse(_ text: String, path: String? = nil, for scenario: Scenario) throws -> Answers {
        do {
            guard let root = try YAMLNode.parse(text) else {
                throw ScenarioError("the answers file is empty; write one line per quantity, like 'z1: [1.2, 0, 0.15]'",
                                    at: .start)
            }
            guard case .mapping = root.content else {
                throw ScenarioError("an answers file must be a mapping of quantity names to values "
                                    + "(like 'z1: [1.2, 0, 0.15]'), found \(root.kindDescription)", at: root.position)
            }
            var answers = try AnswersDecoder.decode(root, for: scenario)
            answers.path = path
            return answers
        } catch let error as ScenarioError {
            throw error.located(in: path)
        }
    }
}
