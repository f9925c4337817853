/// A clock for tests: time moves only in `advance(by:)`, which runs every tick that falls
/// due, in order, before it returns.
@MainActor public final class ManualClock: SessionClock {
    private struct Repetition {
        var interval: Duration
        var due: Duration
        var action: @MainActor () -> Bool
    }

    public private(set) var now: Duration = .zero
    private var repetitions: [Int: Repetition] = [:]
    private var nextID = 0

    public init() {}

    /// How many repetitions are running: 0 once play has paused.
    public var activeTimers: Int { repetitions.count }

    public func repeating(every interval: Duration, _ action: @escaping @MainActor () -> Bool) -> SessionTimer {
        let id = nextID
        nextID += 1
        repetitions[id] = Repetition(interval: max(interval, .nanoseconds(1)), due: now + interval, action: action)
        return SessionTimer { [weak self] in self?.repetitions[id] = nil }
    }

    public func advance(by duration: Duration) {
        let end = now + duration
        while let (id, repetition) = nextDue(by: end) {
            now = repetition.due
            repetitions[id]?.due += repetition.interval
            if !repetition.action() { repetitions[id] = nil }
        }
        now = end
    }

    private func nextDue(by end: Duration) -> (Int, Repetition)? {
        repetitions.filter { $0.value.due <= end }
            .min { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .map { ($0.key, $0.value) }
    }
}
