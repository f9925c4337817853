import StepgradEngine
import Testing
@testable import StepgradSession

@MainActor @Suite struct PlayTests {
    let clock = ManualClock()
    let session: TrainingSession

    init() {
        session = TrainingSession(scenario: Fixtures.homework(), clock: clock, stateDirectory: "/nonexistent")
    }

    @Test func playAdvancesOneStepPerTickAtTheSpeed() {
        session.granularity = .element
        session.speed = 4
        session.play()
        clock.advance(by: .milliseconds(999))
        #expect(session.cursor == Cursor(operation: 0, revealed: 3))
        clock.advance(by: .milliseconds(1))
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
        session.pause()
        #expect(clock.activeTimers == 0 && session.playState == .paused)
        clock.advance(by: .seconds(10))
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
    }

    @Test func playPausesAtTheEndOfAPhase() {
        session.speed = 10
        session.play(until: .phaseEnd)
        clock.advance(by: .seconds(60))
        #expect(session.cursor == Cursor(operation: 3, revealed: 3), "z1, a1, z2, a2: the forward phase")
        #expect(session.playState == .paused && clock.activeTimers == 0)
        session.play(until: .phaseEnd)
        clock.advance(by: .seconds(60))
        #expect(session.cursor == Cursor(operation: 4, revealed: 1), "the loss")
    }

    @Test func playPausesAtTheEndOfTheIteration() {
        session.speed = 2
        session.runToEndOfIteration()
        clock.advance(by: .milliseconds(6499))
        #expect(session.cursor == Cursor(operation: 11, revealed: 12), "12 of 13 operations")
        clock.advance(by: .milliseconds(1))
        #expect(session.isAtEndOfIteration && session.iteration == 1 && session.playState == .paused)
        clock.advance(by: .seconds(60))
        #expect(session.isAtEndOfIteration && session.iteration == 1)
    }

    @Test func playingOnCrossesIterations() {
        session.granularity = .phase
        session.speed = 5
        session.play()
        clock.advance(by: .seconds(2))
        #expect(session.iteration == 3 && session.cursor == .start, "4 phases and the crossing, twice")
        #expect(session.playState == .playing(until: .never))
    }

    @Test func changingTheSpeedWhilePlayingKeepsPlaying() {
        session.granularity = .element
        session.speed = 1
        session.play()
        clock.advance(by: .seconds(1))
        session.speed = 10
        clock.advance(by: .seconds(1))
        #expect(session.cursor == Cursor(operation: 2, revealed: 3), "1 + 10 elements")
        #expect(clock.activeTimers == 1)
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
        #expect(session.playState == .paused && clock.activeTimers == 0)
        clock.advance(by: .seconds(10))
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
    }

    /// Not a timing test: the real clock only has to get there.
    @Test func theRealClockDrivesPlayToo() async throws {
        let real = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent")
        real.speed = 1000
        real.runToEndOfIteration()
        for _ in 0..<1000 where real.playState.isPlaying { try await Task.sleep(for: .milliseconds(10)) }
        #expect(real.isAtEndOfIteration && real.iteration == 1 && real.playState == .paused)
    }

    @Test func aFrontEndCanDriveTicksItself() {
        let driven = TrainingSession(scenario: Fixtures.homework(), clock: nil, stateDirectory: "/nonexistent")
        #expect(driven.tickInterval == .milliseconds(500))
        #expect(!driven.tick(), "paused")
        driven.play(until: .iterationEnd)
        var ticks = 1
        while driven.tick() { ticks += 1 }
        #expect(ticks == 13 && driven.isAtEndOfIteration && driven.playState == .paused)
    }
}
