import Observation
import StepgradEngine
import Synchronization
import Testing
@testable import StepgradSession

/// A view redraws when what it read changes, and only then.
@MainActor @Suite struct ObservationTests {
    let session = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent")

    /// Whether running `act` notifies an observer of what `read` reads.
    func notifies(_ read: () -> Void, when act: () -> Void) -> Bool {
        let fired = Mutex(false)
        withObservationTracking(read) { fired.withLock { $0 = true } }
        act()
        return fired.withLock { $0 }
    }

    @Test func steppingNotifiesTheCursorTheStepAndWhatIsRevealed() {
        #expect(notifies({ _ = session.cursor }, when: { session.stepForward() }))
        #expect(notifies({ _ = session.currentStep }, when: { session.stepForward() }))
        #expect(notifies({ _ = session.isRevealed(.z(2), Cell(0, 0)) }, when: { session.stepForward() }))
        session.select(CellReference(.a(2), Cell(0, 0)))
        #expect(notifies({ _ = session.inspection }, when: { session.stepForward() }))
    }

    @Test func steppingWithinAnIterationLeavesTheParametersAndLossesAlone() {
        #expect(!notifies({ _ = session.parameters; _ = session.lossHistory; _ = session.iteration },
                          when: { session.stepForward() }))
    }

    @Test func crossingAnUpdateNotifiesTheParametersAndLosses() {
        session.goToEndOfIteration()
        #expect(notifies({ _ = session.parameters }, when: { session.stepForward() }))
        #expect(notifies({ _ = session.lossHistory }, when: { session.stepBackward() }))
        #expect(notifies({ _ = session.iteration }, when: { session.stepForward() }))
    }

    @Test func changingTheGranularityNotifiesTheStep() {
        session.stepForward()
        #expect(notifies({ _ = session.currentStep }, when: { session.granularity = .phase }))
    }

    @Test func selectingNotifiesTheInspector() {
        #expect(notifies({ _ = session.inspection }, when: { session.select(CellReference(.z(1), Cell(0, 1))) }))
        #expect(notifies({ _ = session.selection }, when: { session.select(nil) }))
    }

    @Test func playingNotifiesThePlayState() {
        #expect(notifies({ _ = session.playState }, when: { session.play() }))
        #expect(notifies({ _ = session.speed }, when: { session.speed = 8 }))
        #expect(notifies({ _ = session.playState }, when: { session.pause() }))
    }

    @Test func fastForwardNotifiesItsProgress() async {
        let fired = Mutex(0)
        func observe() {
            withObservationTracking { _ = session.fastForward } onChange: { fired.withLock { $0 += 1 } }
        }
        observe()
        let task = session.fastForward(iterations: 200)
        #expect(fired.withLock { $0 } == 1, "started")
        observe()
        _ = await task.value
        #expect(fired.withLock { $0 } == 2, "reported or finished")
        #expect(session.fastForward == nil)
    }
}
