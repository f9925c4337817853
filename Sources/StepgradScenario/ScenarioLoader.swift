import Foundation

/// Reads scenario files (YAML, or JSON, which is YAML):
///
/// ```yaml
/// title: Sigmoid network 2-2-2          # default: the file name
/// convention: Wx                         # Wx (W is units × inputs, default) or WTx (inputs × units)
/// input: [0.05, 0.10]                    # one sample, or a list of rows (one per sample)
/// target: [0.01, 0.99]
/// layers:
///   - units: 2
///     activation: sigmoid                # identity (default), relu, leaky-relu, sigmoid, tanh, softmax
///     weights: [[0.15, 0.20], [0.25, 0.30]]   # rows in the convention's layout; omit to draw from init
///     bias: [0.35, 0.35]                 # false for none; omitted (or true) for zeros
///   - {units: 2, activation: sigmoid}    # leaky-relu also takes negative-slope (default 0.01)
/// init: {seed: 1, scheme: xavier, decimals: 2}   # xavier (default), he, uniform; decimals optional
/// loss: half-sse                         # cross-entropy, binary-cross-entropy, mse, sse, half-sse
/// reduction: mean                        # mean (default) or sum over the samples
/// optimizer: {name: sgd, learning-rate: 0.5}   # sgd: learning-rate (0.1), momentum, weight-decay;
///                                        # adam: learning-rate (0.001), beta1, beta2, epsilon, weight-decay
/// answers: {loss: 0.298}                 # the student's values: see `AnswersLoader`
/// ```
///
/// Required: `input`, `target`, `layers` (each with `units`) and `loss`. What else is refused, and why,
/// is told in `ScenarioDecoder`; the bounds are `ScenarioLimits`. Every failure is a `ScenarioError`
/// with the file, line and column.
public enum ScenarioLoader {
    public static func load(path: String) throws -> Scenario {
        try parse(SourceFile.read(path), path: path)
    }

    /// - Parameter path: where the text came from, for messages and the default title.
    public static func parse(_ text: String, path: String? = nil) throws -> Scenario {
        do {
            return try ScenarioDecoder.decode(YAMLNode.parse(text), path: path)
        } catch let error as ScenarioError {
            throw error.located(in: path)
        }
    }
}

/// Reads answers files, whose top level holds what a scenario's `answers:` section holds:
/// canonical quantity names (`z1`, `a2`, `loss`, `dW2`, `db1`, `W1_new`) with values as written on paper:
/// a number for the loss, a flat list for a vector, rows for a matrix (parameters in the scenario's
/// layout; per-sample quantities one row per sample). A name with no value is not answered yet.
public enum AnswersLoader {
    public static func load(path: String, for scenario: Scenario) throws -> Answers {
        try parse(SourceFile.read(path), path: path, for: scenario)
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

/// Reading a file that a user named: bounded in size, and every failure a `ScenarioError`.
enum SourceFile {
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(path: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ScenarioError(path: path, message: "is a directory, not a scenario file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioError(path: path, message: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: ScenarioLimits.fileBytes + 1) ?? Data()
        } catch {
            throw ScenarioError(path: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= ScenarioLimits.fileBytes else {
            throw ScenarioError(path: path, message: "the file is larger than 1 MiB "
                                + "(\(ScenarioLimits.fileBytes.grouped) bytes); stepgrad reads at most that much")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(path: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
