/// What drives play: a steady tick. Injected so that tests run play instantly with a
/// `ManualClock`, while the terminal uses `ContinuousSessionClock`. A front end that has
/// its own tick messages (bubbletea style) passes no clock and calls `TrainingSession.tick()`
/// every `tickInterval` instead.
@MainActor public protocol SessionClock {
    /// Calls `action` every `interval` until it returns false or the timer is invalidated.
    func repeating(every interval: Duration, _ action: @escaping @MainActor () -> Bool) -> SessionTimer
}

/// A running repetition of a `SessionClock`.
@MainActor public final class SessionTimer {
    private var stop: (@MainActor () -> Void)?

    public init(stop: @escaping @MainActor () -> Void) {
        self.stop = stop
    }

    public func invalidate() {
        stop?()
        stop = nil
    }
}

/// Real time, with `Task.sleep` on a `ContinuousClock`. Ticks keep to a fixed schedule
/// rather than drifting by the time each step takes; after a stall it skips the ticks
/// missed instead of bursting through them.
public struct ContinuousSessionClock: SessionClock {
    public init() {}

    public func repeating(every interval: Duration, _ action: @escaping @MainActor () -> Bool) -> SessionTimer {
        let task = Task { @MainActor in
            let clock = ContinuousClock()
            var deadline = clock.now
            while true {
                deadline += interval
                if deadline < clock.now - interval { deadline = clock.now }
                do { try await clock.sleep(until: deadline) } catch { return }
                guard !Task.isCancelled, action() else { return }
            }
        }
        return SessionTimer { task.cancel() }
    }
}
