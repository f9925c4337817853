import StepgradEngine
import Testing
@testable import StepgradSession

@MainActor @Suite struct FastForwardTests {
    let scenario = Fixtures.xor(optimizer: Fixtures.adam)

    @Test func fastForwardLandsAtTheStartOfTheIterationAfter() async {
        let session = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent")
        let reference = Fixtures.engineStates(scenario, count: 11)
        session.granularity = .phase
        session.stepForward()
        session.stepForward()
        #expect(await session.fastForward(iterations: 10).value == .finished(iterations: 10))
        #expect(session.iteration == 11 && session.cursor == .start && !session.isBusy)
        #expect(identical(session.parameters, reference[10].parameters))
        #expect(identical(session.optimizerState, reference[10].state))
        #expect(session.lossHistory.exact.map(\.bitPattern) == reference.prefix(10).map(\.loss.bitPattern))
    }

    @Test func fastForwardIsCancellableAndReportsProgress() async throws {
        let session = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent")
        let total = 100_000_000
        let task = session.fastForward(iterations: total)
        #expect(session.isBusy && session.fastForward?.total == total)
        #expect(!session.stepForward(), "the session takes no other command meanwhile")
        #expect(await session.fastForward(iterations: 5).value == .refused("A fast-forward is already under way."))
        for _ in 0..<2000 where (session.fastForward?.completed ?? 0) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let progress = try #require(session.fastForward)
        #expect(progress.completed > 0 && progress.fraction < 1 && progress.loss != nil)
        session.cancelFastForward()
        guard case .cancelled(let done) = await task.value else {
            Issue.record("not cancelled")
            return
        }
        #expect(done >= progress.completed && done < total)
        #expect(session.iteration == 1 + done && session.fastForward == nil && !session.isBusy)
        #expect(session.lossHistory.count == done)
        let reference = Fixtures.engineStates(scenario, count: done + 1)
        #expect(identical(session.parameters, reference[done].parameters))
        #expect(session.stepForward())
    }

    @Test func nothingToDoIsRefused() async {
        let session = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent")
        #expect(await session.fastForward(iterations: 0).value == .refused("Nothing to do: 0 iterations."))
        #expect(!session.isBusy && session.iteration == 1)
    }
}
