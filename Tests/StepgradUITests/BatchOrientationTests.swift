import StepgradEngine
import StepgradNotation
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// A batch in one orientation everywhere: drawn one column per sample (units × samples), and
/// named so: the formula's `z₁[j,s]` (unit j of sample s, as `explain` prints it) is row j,
/// column s of z₁ in the operation panel, the inspector's name for that cell, and sample s in the
/// network panel.
@MainActor
struct BatchOrientationTests {
    @Test func theIndexIsRowAndColumnAsDrawn() throws {
        let scenario = try ScenarioLoader.load(path: try Exercises.resolve("xor-tanh"))
        let (L, B) = (scenario.network.depth, scenario.batch.size)
        let program = Fixtures.screen(scenario, granularity: .element)
        let backend = TestBackend(program: program, size: Size(width: 120, height: 40))
        var checked = 0
        while program.session.iteration == 1 {
            backend.press(KeyEvent(.right))
            guard program.session.iteration == 1, let step = program.session.currentStep, step.quantity.isPerSample,
                  let cell = step.changed.last?.cell else { continue }
            let element = program.session.trace.operations[step.operation].element(at: cell)
            let label = element.label(outputLayer: L, batch: B)
            let place = "\(label) at step \(checked)"
            let indices = label.split(separator: "[").last.map { $0.dropLast().split(separator: ",").compactMap { Int($0) } } ?? []
            guard indices.count == 2 else {
                Issue.record("\(place): not two indices")
                continue
            }
            let (j, s) = (indices[0], indices[1])
            #expect(cell == Cell(s, j), "\(place): names the stored cell \(cell)")
            #expect(backend.lines.contains { $0.contains("│ \(label) = ") }, "\(place): not in the formula panel")
            let region = program.hits.regions.first { $0.panel == .operation && $0.source.quantity == step.quantity && !$0.source.isStudents }
            if let region, region.fit.showsNumbers && region.fit.showsAll(region.source) {
                #expect(region.source.cell(j, s) == cell, "\(place): row \(j), column \(s) of the drawing is another element")
                #expect(NumbersWalkTests.numbers(in: region, on: backend.screen)[j][s] == NumberStyle().format(element.value),
                        "\(place): row \(j), column \(s) does not show its value")
            } else {
                Issue.record("\(place): the result is not drawn whole with its numbers")
            }
            #expect(InspectorOverlay.label(CellReference(step.quantity, cell), scene: Scene(program.session)) == label)
            #expect(backend.lines[2].contains("sample s = \(s) of 0–\(B - 1)"), "\(place): the network shows another sample")
            checked += 1
        }
        // z₁, a₁, z₂, ŷ forward and dŷ, dz₂, da₁, dz₁ backward: 4·4 + 4·1 elements each way.
        #expect(checked >= 40)
    }
}
