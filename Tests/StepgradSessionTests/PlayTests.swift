import StepgradEngine
import Testing
@testable import StepgradSession

/// Play as the front end drives it: one `tick()` every `tickInterval`.
@MainActor @Suite struct PlayTests {
    let session = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent")

    /// Ticks `count` times; returns whether play went on after the last.
    @discardableResult func tick(_ count: Int) -> Bool {
        var goesOn = true
        for _ in 0..<count { goesOn = session.tick() }
        return goesOn
    }

    @Test func playAdvancesOneStepPerTick() {
        session.granularity = .element
        #expect(!session.tick(), "paused: a tick does nothing")
        #expect(session.cursor == .start)
        session.play()
        tick(3)
        #expect(session.cursor == Cursor(operation: 0, revealed: 3))
        tick(1)
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
        session.pause()
        #expect(session.playState == .paused)
        #expect(!tick(10))
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
    }

    @Test func playPausesAtTheEndOfAPhase() {
        session.play(until: .phaseEnd)
        while session.tick() {}
        #expect(session.cursor == Cursor(operation: 3, revealed: 3), "z1, a1, z2, a2: the forward phase")
        #expect(session.playState == .paused)
        session.play(until: .phaseEnd)
        while session.tick() {}
        #expect(session.cursor == Cursor(operation: 4, revealed: 1), "the loss")
    }

    @Test func playPausesAtTheEndOfTheIteration() {
        session.runToEndOfIteration()
        #expect(tick(12))
        #expect(session.cursor == Cursor(operation: 11, revealed: 12), "12 of 13 operations")
        #expect(!tick(1))
        #expect(session.isAtEndOfIteration && session.iteration == 1 && session.playState == .paused)
        tick(10)
        #expect(session.isAtEndOfIteration && session.iteration == 1)
    }

    @Test func playingOnCrossesIterations() {
        session.granularity = .phase
        session.play()
        #expect(tick(10))
        #expect(session.iteration == 3 && session.cursor == .start, "4 phases and the crossing, twice")
        #expect(session.playState == .playing(until: .never))
    }

    @Test func theTickIntervalFollowsTheSpeed() {
        #expect(session.tickInterval == .milliseconds(500), "2 steps per second by default")
        session.play()
        session.speed = 10
        #expect(session.tickInterval == .milliseconds(100))
        #expect(session.playState.isPlaying, "changing the speed keeps playing")
    }

    @Test func speedsOutsideTheRangeAreClamped() {
        session.speed = 1e9
        #expect(session.tickInterval == .milliseconds(1))
        session.speed = .nan
        #expect(session.tickInterval == .seconds(4))
    }

    @Test func steppingByHandTakesOverFromPlay() {
        session.play()
        session.stepForward()
        #expect(session.playState == .paused)
        #expect(!tick(10))
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
    }
}
