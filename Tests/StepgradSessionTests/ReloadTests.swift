import StepgradEngine
import StepgradScenario
import Testing
@testable import StepgradSession

@MainActor @Suite final class ReloadTests {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "homework.yaml, line 3: expected a number for learning_rate" }
    }

    /// What the scenario file holds now; the tests edit it.
    var file: Result<Scenario, Unreadable> = .success(Fixtures.homework(learningRate: 0.5))
    var loads: [String] = []
    lazy var session = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent",
                                       loader: { [unowned self] path in
                                           self.loads.append(path)
                                           return try self.file.get()
                                       })

    @Test func anEditWithTheSameShapeKeepsThePlace() async {
        for _ in 0..<(2 * 14 + 6) { session.stepForward() }
        session.granularity = .element
        session.stepForward()
        let place = session.cursor
        #expect(session.iteration == 3 && place == Cursor(operation: 6, revealed: 1))
        #expect(session.reload() == .kept(iteration: 3))
        await session.waitUntilIdle()
        #expect(loads == ["/tmp/stepgrad-tests/homework.yaml"])
        #expect(session.iteration == 3 && session.cursor == place && session.granularity == .element)
        let edited = try! file.get()
        let reference = Fixtures.engineStates(edited, count: 3)
        #expect(identical(session.parameters, reference[2].parameters))
        #expect(session.lossHistory.exact.map(\.bitPattern) == reference.prefix(2).map(\.loss.bitPattern))
        #expect(session.scenario == edited)
    }

    @Test func anEditInTheFirstIterationIsImmediate() {
        session.nextPhase()
        var edited = Fixtures.homework()
        edited.parameters.weights[0][0, 0] = 0.3
        file = .success(edited)
        #expect(session.reload() == .kept(iteration: 1))
        #expect(!session.isBusy && session.cursor == Cursor(operation: 3, revealed: 3))
        // z1[0] = 0.3·0.5 + (−0.3)·(−1) + 0.4·2 = 1.25, by hand.
        #expect(abs(session.revealedValue(.z(1), Cell(0, 0))! - 1.25) < 1e-12)
    }

    @Test func aNetworkOfAnotherShapeStartsAgain() {
        for _ in 0..<20 { session.stepForward() }
        var wider = Fixtures.homework()
        wider.network.layers[0].units = 5
        wider.parameters.weights[0] = Matrix(rows: 5, columns: 3, repeating: 0.1)
        wider.parameters.weights[1] = Matrix(rows: 3, columns: 5, repeating: 0.1)
        file = .success(wider)
        #expect(session.reload() == .restarted(reason:
            "The network changed shape (z1 is now 1×5, it was 1×4), so training starts again from iteration 1."))
        #expect(session.iteration == 1 && session.cursor == .start && session.trace.operations[0].result.columns == 5)
    }

    @Test func anUnreadableFileChangesNothing() {
        for _ in 0..<20 { session.stepForward() }
        let before = Seen(session)
        file = .failure(Unreadable())
        #expect(session.reload() == .failed("homework.yaml, line 3: expected a number for learning_rate"))
        #expect(Seen(session) == before)
    }

    @Test func aScenarioBuiltInMemoryHasNothingToReload() {
        let memory = TrainingSession(scenario: Fixtures.homework(path: nil), stateDirectory: "/nonexistent",
                                     loader: { _ in Fixtures.homework() })
        #expect(memory.reload() == .failed("This scenario was not read from a file, so there is nothing to reload."))
    }

    @Test func resetGoesBackToTheScenariosStart() {
        for _ in 0..<30 { session.stepForward() }
        session.select(CellReference(.dW(1), Cell(3, 2)))
        session.reset()
        #expect(session.iteration == 1 && session.cursor == .start && session.lossHistory.isEmpty)
        #expect(identical(session.parameters, Fixtures.homework().parameters))
        #expect(session.selection == CellReference(.dW(1), Cell(3, 2)))
    }
}
