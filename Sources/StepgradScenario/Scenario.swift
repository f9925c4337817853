import StepgradEngine

/// An exercise as loaded from a scenario file: the network, its numbers and its data.
public struct Scenario: Hashable, Sendable {
    public var title: String
    /// Where it was read from, for messages and for reloading; `nil` when built in memory.
    public var path: String?
    public var network: Network
    /// The parameters before the first iteration (from the file, or drawn by `initializer`).
    public var parameters: Parameters
    public var batch: Batch
    /// How the weights were drawn, when the file gives `init:` instead of weights.
    public var initializer: Initializer?
    /// The student's values from the file's `answers:` section, if any.
    public var answers: Answers?
    /// The data to learn from, for a scenario with `data:`; `batch` is then its first mini-batch.
    public var training: TrainingPlan?

    public init(title: String, path: String? = nil, network: Network, parameters: Parameters, batch: Batch,
                initializer: Initializer? = nil, answers: Answers? = nil, training: TrainingPlan? = nil) {
        self.training = training
        self.title = title
        self.path = path
        self.network = network
        self.parameters = parameters
        self.batch = batch
        self.initializer = initializer
        self.answers = answers
    }
}

/// A student's hand-computed values, keyed by canonical quantity name, with the
/// decimals they wrote (0.356 was written to 3 decimals) so that checking can
/// judge each value to the precision it was given.
public struct Answers: Hashable, Sendable {
    public struct Value: Hashable, Sendable {
        /// As written: a flat list for a vector, rows for a matrix, one number for the loss.
        public var rows: [[Double]]
        /// Decimal places written for each number, same layout as `rows`.
        public var decimals: [[Int]]
        /// 1-based line in the file where the value starts, for messages.
        public var line: Int?
        public init(rows: [[Double]], decimals: [[Int]], line: Int? = nil) {
            self.rows = rows
            self.decimals = decimals
            self.line = line
        }
    }

    public var values: [Quantity: Value]
    /// The file the answers came from, for messages.
    public var path: String?
    public init(values: [Quantity: Value], path: String? = nil) {
        self.values = values
        self.path = path
    }
}
