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

    /// The file's bytes, as read from anywhere (standard input, a fuzzer): bounded and UTF-8, or
    /// a `ScenarioError` placing the first bad byte.
    public static func parse(_ data: Data, path: String? = nil) throws -> Scenario {
        try parse(SourceFile.text(data, path: path), path: path)
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
