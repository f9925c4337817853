import StepgradEngine
import StepgradNotation
import Testing
@testable import StepgradSession

@MainActor @Suite struct InspectionTests {
    let session = TrainingSession(scenario: Fixtures.homework(), stateDirectory: "/nonexistent", recentTraces: 1)
    let z2 = CellReference(.z(2), Cell(0, 0))

    @Test func nothingIsGivenAwayBeforeTheCursorGetsThere() throws {
        #expect(session.select(z2))
        let inspection = try #require(session.inspection)
        #expect(inspection.value == nil && inspection.element == nil && inspection.equation() == nil)
        #expect(inspection.formula?.unicode.isEmpty == false)
    }

    @Test func aRevealedCellShowsItsArithmetic() throws {
        session.select(z2)
        session.nextPhase()
        let inspection = try #require(session.inspection)
        #expect(abs(inspection.value! - 0.195) < 1e-12)
        // 0.1·1.2 + 0.2·0 + (−0.1)·0.15 + 0.1·0.9 = 0.195, by hand.
        let equation = try #require(inspection.equation(style: NumberStyle(decimals: 3)))
        #expect(equation.hasPrefix("z₂[0]"), "\(equation)")
        #expect(equation.hasSuffix("= 0.195"), "\(equation)")
        #expect(equation.contains("1.2") && equation.contains("0.15") && equation.contains("0.9"), "\(equation)")
    }

    @Test func givenValuesHaveNoFormula() throws {
        session.select(CellReference(.W(1), Cell(3, 2)))
        let inspection = try #require(session.inspection)
        #expect(inspection.value == 0.3 && inspection.formula == nil && inspection.element == nil)
    }

    @Test func onlyExistingCellsCanBeSelected() {
        session.select(z2)
        #expect(!session.select(CellReference(.z(2), Cell(0, 3))))
        #expect(!session.select(CellReference(.b(1), Cell(0, 0))))
        #expect(!session.select(CellReference(.z(3), Cell(0, 0))))
        #expect(session.selection == z2)
    }

    @Test func aCellsHistoryAcrossIterations() {
        let scenario = Fixtures.homework()
        let reference = Fixtures.engineStates(scenario, count: 6)
        session.granularity = .phase
        for _ in 0..<(5 * 5 + 1) { session.stepForward() }
        #expect(session.iteration == 6)
        let points = session.history(of: z2, last: 3)
        #expect(points.map(\.iteration) == [3, 4, 5, 6])
        for point in points {
            let z = scenario.network.forward(reference[point.iteration - 1].parameters, scenario.batch.input).preactivations[2]
            #expect(point.value.bitPattern == z[0, 0].bitPattern)
        }
        let weights = session.history(of: CellReference(.W(2), Cell(1, 3)), last: 10)
        #expect(weights.map(\.iteration) == Array(1...6))
        #expect(weights.map(\.value.bitPattern) == reference.map { $0.parameters.weights(2)[1, 3].bitPattern })
        #expect(session.history(of: CellReference(.z(2), Cell(5, 0))).isEmpty)
    }
}
