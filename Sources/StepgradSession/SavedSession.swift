import StepgradEngine

/// What a state file holds: enough to carry on exactly where the session stopped.
struct SavedSession: Codable, Hashable, Sendable {
    /// The absolute path of the scenario file.
    var scenarioPath: String
    /// `StateFile.fingerprint` of the scenario the session trained.
    var fingerprint: String
    var iteration: Int
    var cursor: Cursor
    var granularity: Granularity
    /// The parameters and optimizer state iteration `iteration` starts from.
    var parameters: Parameters
    var optimizerState: OptimizerState
    var lossHistory: LossHistory
    var selection: SavedCell?
    var speed: Double

    struct SavedCell: Codable, Hashable, Sendable {
        var quantity: String
        var row: Int
        var column: Int
    }
}
