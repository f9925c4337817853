import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Steady layout: while stepping through an iteration, forward, loss, backward and update, the
/// panels keep their places and sizes and the network keeps the height of its cells (it does not
/// switch between tall and one-row cells from one phase to the next), and from one iteration to the
/// next too, once numbers have all their figures.
@MainActor
struct SteadyLayoutTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    @Test(arguments: NumbersWalkTests.exercises, sizes)
    func panelsAndCellsKeepTheirSize(_ name: String, _ size: Size) throws {
        let scenario = try ScenarioLoader.load(path: try Exercises.resolve(name))
        let program = Fixtures.screen(scenario)
        let backend = TestBackend(program: program, size: size)
        var previous: (boxes: [Rect], cells: Set<Int>)?
        var iteration = program.session.iteration, steps = 0
        backend.press(KeyEvent(.right))
        while program.session.iteration <= 3 && steps < 200 {
            let place = "\(name) \(size.width)×\(size.height) iteration \(program.session.iteration) step \(steps)"
            let boxes = try #require(LayoutTests.boxes(in: backend.screen), "\(place): broken frames")
            let cells = Set(program.hits.regions.filter { $0.panel == .network }.map(\.fit.cellHeight))
            #expect(cells.count == 1, "\(place): network cells of heights \(cells.sorted())")
            if let previous {
                // Given numbers (0.2) become computed ones (−0.06495) from the second iteration on:
                // panels are measured for that from the start, so they keep their places then too.
                #expect(boxes == previous.boxes, "\(place): the panels moved: \(previous.boxes) → \(boxes)")
                if program.session.iteration == iteration {
                    #expect(cells == previous.cells, "\(place): the network's cells went from \(previous.cells.sorted()) rows to \(cells.sorted())")
                }
            }
            previous = (boxes, cells)
            iteration = program.session.iteration
            backend.press(KeyEvent(.right))
            steps += 1
        }
        #expect(steps >= 20)
    }
}
