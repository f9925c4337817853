/// Play: one step at the current granularity per tick, `speed` ticks a second. The session
/// keeps no clock: the front end calls `tick()` every `tickInterval` from its own event loop
/// (a timer message, in bubbletea style), so play never runs behind the front end's back.
extension TrainingSession {
    /// The speeds play keeps to, in steps per second.
    public static let speeds: ClosedRange<Double> = 0.25...1000

    /// The time between two steps at the current speed.
    public var tickInterval: Duration {
        .seconds(1 / (speed.isNaN ? Self.speeds.lowerBound : speed.clamped(to: Self.speeds)))
    }

    public func play(until stop: PlayStop = .never) {
        guard !isBusy else { return }
        playState = .playing(until: stop)
    }

    public func pause() {
        if playState != .paused { playState = .paused }
    }

    public func togglePlay(until stop: PlayStop = .never) {
        if playState.isPlaying { pause() } else { play(until: stop) }
    }

    /// One step of play, pausing where play was asked to stop. Returns whether play goes on.
    @discardableResult public func tick() -> Bool {
        guard case .playing(let stop) = playState else { return false }
        guard advance(granularity) else {
            pause()
            return false
        }
        let reached = switch stop {
        case .never: false
        case .phaseEnd: layout.isPhaseEnd(place)
        case .iterationEnd: isAtEndOfIteration
        }
        if reached { pause() }
        return !reached
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
