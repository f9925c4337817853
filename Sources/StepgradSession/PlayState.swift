/// Where play pauses by itself.
public enum PlayStop: String, Hashable, Sendable, CaseIterable, Codable {
    /// Plays on through iterations until paused.
    case never
    /// Pauses when a phase (forward, loss, backward, update) is complete.
    case phaseEnd
    /// Pauses when the iteration is complete, its update included.
    case iterationEnd
}

public enum PlayState: Hashable, Sendable {
    case paused
    case playing(until: PlayStop)

    public var isPlaying: Bool { self != .paused }
}
