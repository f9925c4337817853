/// How far a fast-forward has got, for a progress bar.
public struct FastForwardProgress: Hashable, Sendable {
    public var completed: Int
    public var total: Int
    /// The loss of the latest iteration done.
    public var loss: Double?

    public var fraction: Double { total == 0 ? 1 : Double(completed) / Double(total) }
}

public enum FastForwardOutcome: Hashable, Sendable {
    case finished(iterations: Int)
    /// Stopped early; the iterations completed are kept (none when the session was restored meanwhile).
    case cancelled(completed: Int)
    /// Not started, and why.
    case refused(String)
}
