import StepgradEngine
import Testing
@testable import StepgradSession

@MainActor @Suite struct TimeTravelTests {
    /// Adam, so that the optimizer state (moments and step) must come back too.
    let scenario = Fixtures.xor(optimizer: Fixtures.adam)

    @Test(arguments: [1, 8])
    func steppingBackAcrossThreeUpdatesRestoresTheStateBitForBit(recentTraces: Int) {
        let session = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent", recentTraces: recentTraces)
        let reference = Fixtures.engineStates(scenario, count: 4)
        session.granularity = .phase
        for _ in 0..<(3 * 5) { session.stepForward() }
        #expect(session.iteration == 4 && session.cursor == .start)
        #expect(identical(session.parameters, reference[3].parameters))
        #expect(!identical(session.parameters, scenario.parameters))
        for n in stride(from: 3, through: 1, by: -1) {
            for _ in 0..<5 { session.stepBackward() }
            #expect(session.iteration == n && session.cursor == .start)
            #expect(identical(session.parameters, reference[n - 1].parameters))
            #expect(identical(session.optimizerState, reference[n - 1].state))
            #expect(session.lossHistory.exact.map(\.bitPattern) == reference.prefix(n - 1).map(\.loss.bitPattern))
        }
        #expect(identical(session.parameters, scenario.parameters))
        #expect(session.optimizerState == OptimizerState())
    }

    @Test func goingBackAfterAFastForwardRecomputesEachIterationExactly() async {
        let session = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent")
        let reference = Fixtures.engineStates(scenario, count: 1001)
        #expect(await session.fastForward(iterations: 1000).value == .finished(iterations: 1000))
        #expect(session.iteration == 1001 && session.retained.traces == 1)
        session.granularity = .phase
        for n in stride(from: 1000, through: 950, by: -1) {
            for _ in 0..<5 { session.stepBackward() }
            #expect(session.iteration == n)
            #expect(identical(session.parameters, reference[n - 1].parameters))
            #expect(identical(session.optimizerState, reference[n - 1].state))
            #expect(session.lossHistory.count == n - 1)
        }
        #expect(session.retained.traces <= 8)
    }

    /// The bound worked out by hand: at iteration 100,001 the distances 1 … 100,000 back fall
    /// into 17 bands [2ᵏ, 2ᵏ⁺¹), k = 0 … 16, one checkpoint each, plus the current iteration's.
    @Test func aHundredThousandIterationsKeepABoundedHistory() async {
        let session = TrainingSession(scenario: Fixtures.xor(), stateDirectory: "/nonexistent")
        #expect(await session.fastForward(iterations: 100_000).value == .finished(iterations: 100_000))
        #expect(session.iteration == 100_001)
        #expect(session.retained.checkpoints <= 18)
        #expect(session.retained.traces <= 8)
        #expect(session.lossHistory.count == 100_000)
        #expect(session.lossHistory.last! < 0.01, "XOR is learned")
        session.granularity = .phase
        for _ in 0..<(5 * 20) { session.stepBackward() }
        #expect(session.iteration == 99_981)
        #expect(session.retained.checkpoints <= 18)
        #expect(session.retained.traces <= 8)
    }

    /// The thinning rule on its own, against its promises: at most ⌊log₂(n − 1)⌋ + 2 kept, and
    /// any iteration d back reachable from a checkpoint fewer than 3d iterations before it.
    @Test func checkpointsThinLogarithmically() {
        var kept: Set<Int> = [1]
        for n in 2...5000 {
            kept.insert(n)
            kept = kept.filter { IterationHistory.keeps($0, at: n) }
            let bound = (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount) + 2
            #expect(kept.count <= bound)
            for target in stride(from: n - 1, through: 1, by: -7) {
                let from = kept.filter { $0 <= target }.max() ?? 1
                #expect(target - from < 3 * (n - target), "iteration \(target) at \(n)")
            }
        }
        #expect(IterationHistory.keeps(12, at: 13) && IterationHistory.keeps(8, at: 12) && !IterationHistory.keeps(9, at: 12))
    }
}
