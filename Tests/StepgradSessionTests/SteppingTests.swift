import StepgradEngine
import Testing
@testable import StepgradSession

/// The homework trace, counted by hand: z1 4, a1 4, z2 3, a2 3, loss 1 | da2 3, dz2 3, dW2 12,
/// da1 4, dz1 4, dW1 12 | W1_new 12, W2_new 12: 13 operations, 77 elements, phases ending
/// after 14, 15, 53 and 77 elements.
@MainActor @Suite struct SteppingTests {
    let session = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent")

    @Test func theStartShowsOnlyTheDataAndTheParameters() {
        #expect(session.cursor == .start)
        #expect(session.currentStep == nil)
        #expect(session.revealedValue(.x, Cell(0, 2)) == 2)
        #expect(session.revealedValue(.y, Cell(0, 1)) == 1)
        #expect(session.revealedValue(.W(1), Cell(0, 0)) == 0.2)
        #expect(session.revealedValue(.W(2), Cell(2, 3)) == 0.2)
        #expect(!session.isRevealed(.z(1), Cell(0, 0)))
        #expect(!session.isRevealed(.loss, Cell(0, 0)))
        #expect(session.loss == nil)
        #expect(!session.isRevealed(.W(1), Cell(4, 0)), "no such cell")
        #expect(!session.isRevealed(.b(1), Cell(0, 0)), "no bias in this network")
    }

    @Test func elementStepsRevealOneScalarWithWhatItRead() {
        session.granularity = .element
        for _ in 0..<10 { session.stepForward() }
        #expect(session.cursor == Cursor(operation: 2, revealed: 2))
        #expect(abs(session.revealedValue(.z(2), Cell(0, 1))! - -0.495) < 1e-12)
        #expect(!session.isRevealed(.z(2), Cell(0, 2)))
        let step = session.currentStep!
        #expect(step.quantity == .z(2) && step.element == Cell(0, 1) && step.phase == .forward)
        #expect(step.changed == [CellReference(.z(2), Cell(0, 1))])
        #expect(step.read == (0..<4).flatMap { k in [CellReference(.W(2), Cell(1, k)), CellReference(.a(1), Cell(0, k))] })
        #expect(step.number == 10 && step.count == 77)
    }

    @Test func operationStepsRevealAQuantity() {
        session.stepForward()
        #expect(session.cursor == Cursor(operation: 0, revealed: 4))
        let z1 = [1.2, -1.15, 0.15, 0.9]
        for (j, v) in z1.enumerated() { #expect(abs(session.revealedValue(.z(1), Cell(0, j))! - v) < 1e-12) }
        #expect(!session.isRevealed(.a(1), Cell(0, 0)))
        session.stepForward()
        #expect(session.revealedValue(.a(1), Cell(0, 1)) == 0)
        session.stepForward()
        let step = session.currentStep!
        #expect(step.quantity == .z(2) && step.element == nil && step.number == 3 && step.count == 13)
        #expect(step.changed == (0..<3).map { CellReference(.z(2), Cell(0, $0)) })
        #expect(Set(step.read) == Set((0..<3).flatMap { j in (0..<4).map { CellReference(.W(2), Cell(j, $0)) } }
                                      + (0..<4).map { CellReference(.a(1), Cell(0, $0)) }))
    }

    @Test func phaseStepsRevealAPhaseAndReadOnlyWhatCameBefore() {
        session.granularity = .phase
        session.stepForward()
        #expect(session.cursor == Cursor(operation: 3, revealed: 3))
        let step = session.currentStep!
        #expect(step.phase == .forward && step.number == 1 && step.count == 4)
        #expect(step.changed.count == 14)
        let given = [Quantity.W(1), .x, .W(2)]
        #expect(Set(step.read.map(\.quantity)) == Set(given))
        #expect(step.read.count == 12 + 3 + 12)
        let a2 = [0.35567689, 0.17839902, 0.46592409]   // NumPy
        for (j, v) in a2.enumerated() { #expect(abs(session.revealedValue(.a(2), Cell(0, j))! - v) < 1e-8) }
        session.nextPhase()
        #expect(abs(session.loss! - 2.757465121620685) < 1e-12)   // NumPy
        #expect(session.currentStep?.phase == .loss)
        session.nextPhase()
        #expect(session.cursor == Cursor(operation: 10, revealed: 12))
        session.nextPhase()
        #expect(session.isAtEndOfIteration)
        session.previousPhase()
        #expect(session.cursor == Cursor(operation: 10, revealed: 12))
    }

    @Test func startAndEndOfTheIteration() {
        session.goToEndOfIteration()
        #expect(session.cursor == Cursor(operation: 12, revealed: 12))
        #expect(session.isRevealed(.W_new(2), Cell(2, 3)))
        #expect(session.iteration == 1)
        session.goToStartOfIteration()
        #expect(session.cursor == .start && session.iteration == 1)
        #expect(!session.stepBackward(), "nothing before iteration 1")
    }

    @Test func crossingTheUpdateStartsTheNextIterationFromTheNewParameters() {
        session.goToEndOfIteration()
        session.stepForward()
        #expect(session.iteration == 2 && session.cursor == .start)
        let W1 = [[0.18569273, -0.27138546, 0.34277092], [0.1, 0.2, -0.5],
                  [-0.31220494, 0.12440989, 0.15118022], [0.38247672, -0.06495344, 0.22990688]]   // NumPy
        for (i, row) in W1.enumerated() {
            for (j, v) in row.enumerated() { #expect(abs(session.parameters.weights(1)[i, j] - v) < 1e-8) }
        }
        #expect(session.lossHistory.count == 1 && abs(session.lossHistory.exact[0] - 2.757465121620685) < 1e-12)
        session.stepBackward()
        #expect(session.iteration == 1 && session.isAtEndOfIteration && session.lossHistory.isEmpty)
    }

    @Test(arguments: Granularity.allCases)
    func forwardThenBackReturnsToAnIdenticalState(granularity: Granularity) {
        session.granularity = granularity
        let stops = granularity == .element ? 78 : granularity == .operation ? 14 : 5
        // Every stop of two iterations and the start of a third; from each, k steps out and back.
        for _ in 0..<(2 * stops) {
            let before = Seen(session)
            for k in [1, 2, stops] {
                for _ in 0..<k { session.stepForward() }
                for _ in 0..<k { session.stepBackward() }
                #expect(Seen(session) == before, "\(k) steps from \(before.cursor) of iteration \(before.iteration)")
            }
            session.stepForward()
        }
        #expect(session.iteration == 3 && session.cursor == .start)
    }

    @Test func switchingGranularityKeepsThePlace() {
        session.granularity = .element
        for _ in 0..<6 { session.stepForward() }
        let place = session.cursor
        #expect(place == Cursor(operation: 1, revealed: 2))
        let revealed = session.revealedValue(.a(1), Cell(0, 1))
        for granularity in [Granularity.operation, .phase, .element] {
            session.granularity = granularity
            #expect(session.cursor == place)
            #expect(session.revealedValue(.a(1), Cell(0, 1)) == revealed)
            #expect(!session.isRevealed(.a(1), Cell(0, 2)))
        }
        session.granularity = .operation
        #expect(session.currentStep?.changed == [CellReference(.a(1), Cell(0, 0)), CellReference(.a(1), Cell(0, 1))])
        #expect(session.currentStep?.number == 2)
        session.stepForward()
        #expect(session.cursor == Cursor(operation: 1, revealed: 4), "finishes a1")
        session.granularity = .phase
        #expect(session.currentStep?.number == 1)
        session.stepBackward()
        #expect(session.cursor == .start)
    }
}
