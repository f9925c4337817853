/// Why a saved session could not be read or written, in words a user can act on.
/// Reading problems end in a fresh start, never a crash.
public enum StateFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The scenario was built in memory, so there is no file to name the state after.
    case noScenarioFile
    case missing(path: String)
    case unreadable(path: String, reason: String)
    /// The file is something else altogether.
    case notAStateFile(path: String)
    /// The file ends early, as after a crash while writing it without this program's atomic save.
    case truncated(path: String, detail: String)
    case corrupt(path: String, detail: String)
    case unsupportedVersion(path: String, found: String)
    /// The state belongs to another scenario, or to an earlier version of this one.
    case scenarioChanged(path: String, detail: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noScenarioFile:
            "This scenario was not read from a file, so its state cannot be saved or restored."
        case .missing(let path):
            "No saved state at \(path)."
        case .unreadable(let path, let reason):
            "The saved state \(path) cannot be read (\(reason)); starting afresh."
        case .notAStateFile(let path):
            "\(path) is not a stepgrad state file; starting afresh."
        case .truncated(let path, let detail):
            "The saved state \(path) is cut short (\(detail)); starting afresh."
        case .corrupt(let path, let detail):
            "The saved state \(path) is damaged: \(detail); starting afresh."
        case .unsupportedVersion(let path, let found):
            "The saved state \(path) has format version \(found), this stepgrad reads version \(StateFile.version); starting afresh."
        case .scenarioChanged(let path, let detail):
            "The saved state \(path) does not match the scenario (\(detail)); starting afresh."
        case .unwritable(let path, let reason):
            "Cannot save the state to \(path): \(reason)."
        }
    }
}
