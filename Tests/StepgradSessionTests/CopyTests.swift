import StepgradEngine
import Testing
@testable import StepgradSession

/// A viewer's copy of the lecturer's session: the same place, then a life of its own.
@MainActor @Suite struct CopyTests {
    let scenario = Fixtures.xor(optimizer: Fixtures.adam)

    @Test func aCopyStartsAtTheSamePlaceAndMovesAlone() {
        let lecturer = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent")
        let reference = Fixtures.engineStates(scenario, count: 4)
        lecturer.granularity = .phase
        for _ in 0..<(2 * 5 + 2) { lecturer.stepForward() }
        lecturer.select(CellReference(.W(1), Cell(0, 0)))
        lecturer.play()

        let copy = lecturer.copy()
        #expect(copy.iteration == 3 && copy.cursor == lecturer.cursor && copy.granularity == .phase)
        #expect(copy.currentStep == lecturer.currentStep && copy.selection == lecturer.selection)
        #expect(copy.playState == .paused, "a copy does not play behind its viewer's back")
        #expect(identical(copy.parameters, reference[2].parameters))

        // Back two iterations on the copy: its own history is recomputed, the lecturer stays put.
        for _ in 0..<12 { copy.stepBackward() }
        #expect(copy.iteration == 1 && copy.cursor == .start)
        #expect(identical(copy.parameters, scenario.parameters))
        #expect(copy.lossHistory.count == 0)
        #expect(lecturer.iteration == 3 && lecturer.lossHistory.count == 2)
        #expect(identical(lecturer.parameters, reference[2].parameters))

        // The lecturer moving on leaves the copy where it is.
        for _ in 0..<5 { lecturer.stepForward() }
        #expect(lecturer.iteration == 4 && identical(lecturer.parameters, reference[3].parameters))
        #expect(copy.iteration == 1)
        copy.granularity = .element
        #expect(lecturer.granularity == .phase)
    }

    @Test func aCopyNeitherSavesNorReloads() {
        let lecturer = TrainingSession(scenario: scenario, stateDirectory: "/nonexistent", loader: { _ in Fixtures.xor() })
        let copy = lecturer.copy()
        #expect(throws: StateFileError.self) { try copy.save() }
        #expect(copy.reload() == .failed("This session was given no way to read scenario files."))
    }
}
