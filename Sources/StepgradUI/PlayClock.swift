import StepgradSession
import TerminalUI

/// Play as the screen schedules it: while the session plays, one `.playTick` timer is pending,
/// `tickInterval` after the last step. Comparing the session before and after an event tells
/// whether the timer must start, be replaced (the speed changed) or stop.
struct PlayClock: Equatable {
    /// The tick interval while playing, `nil` while paused.
    var interval: Duration?

    static let stopped = PlayClock(interval: nil)

    @MainActor init(_ session: TrainingSession) {
        interval = session.playState.isPlaying ? session.tickInterval : nil
    }

    private init(interval: Duration?) {
        self.interval = interval
    }

    /// The timer command that takes play from this state to the session's.
    @MainActor func command(after session: TrainingSession) -> ScreenCommand {
        let now = PlayClock(session)
        guard now != self else { return .none }
        guard let interval = now.interval else { return .cancel(Self.timer) }
        return .after(interval, .playTick, id: Self.timer)
    }

    private static let timer = "play"
}
