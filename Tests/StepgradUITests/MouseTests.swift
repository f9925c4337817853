import StepgradEngine
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// A click inspects what is under it; the wheel steps.
@MainActor
struct MouseTests {
    @Test func clickingACellInspectsIt() throws {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        // −0.495 in the equation is z₂[1].
        let spot = try #require(backend.screen.find("−0.495", rows: 10..<17))
        backend.send(.mouse(MouseEvent(.press(.left), x: spot.x + 2, y: spot.y)))
        #expect(program.session.selection == CellReference(.z(2), Cell(0, 1)))
        #expect(program.focus == .operation)
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("z₂[1] · Esc closes"))
        #expect(screen.contains("value       −0.495"))
        // W₂[1,3] = −0.3, in the row of W₂ that z₂[1] read.
        let row = try #require(backend.screen.find("−0.2   0.3   0.1  −0.3"))
        let weight = (x: row.x + "−0.2   0.3   0.1  ".count, y: row.y)
        backend.send(.mouse(MouseEvent(.press(.left), x: weight.x, y: weight.y)))
        #expect(program.session.selection == CellReference(.W(2), Cell(1, 3)))
        #expect(backend.lines.joined().contains("parameter, as this iteration starts"))
    }

    @Test func clickingTheNetworkInspectsAUnit() throws {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.press(KeyEvent(.right))
        let unit = try #require(backend.screen.find("−1.15", rows: 3..<9))
        backend.send(.mouse(MouseEvent(.press(.left), x: unit.x, y: unit.y)))
        #expect(program.session.selection == CellReference(.z(1), Cell(0, 1)))
        #expect(program.focus == .network)
        #expect(backend.lines.joined().contains("arithmetic  z₁[1] = 0.1·0.5 + 0.2·(−1) + (−0.5)·2 = −1.15"))
    }

    @Test func clickingElsewhereClosesTheInspector() throws {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        let spot = try #require(backend.screen.find("0.5", rows: 3..<9))
        backend.send(.mouse(MouseEvent(.press(.left), x: spot.x, y: spot.y)))
        #expect(program.overlay == .inspector)
        backend.send(.mouse(MouseEvent(.press(.left), x: 0, y: 0)))
        #expect(program.overlay == nil)
    }

    @Test func theWheelSteps() {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.send(.mouse(MouseEvent(.wheelDown, x: 40, y: 12)))
        backend.send(.mouse(MouseEvent(.wheelDown, x: 40, y: 12)))
        #expect(program.session.cursor == Cursor(operation: 1, revealed: 4))
        backend.send(.mouse(MouseEvent(.wheelUp, x: 40, y: 12)))
        #expect(program.session.cursor == Cursor(operation: 0, revealed: 4))
    }
}
