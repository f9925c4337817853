/// How a run ended.
public enum TerminalOutcome: Hashable, Sendable {
    /// The program asked to quit.
    case quit
    /// The terminal went away (SIGHUP or end of input).
    case hangup
    /// SIGINT.
    case interrupted
    /// SIGTERM.
    case terminated

    /// The conventional exit status: 0, or 128 plus the signal's number as shells report it.
    public var exitStatus: Int32 {
        switch self {
        case .quit: 0
        case .hangup: 128 + 1
        case .interrupted: 128 + 2
        case .terminated: 128 + 15
        }
    }
}
