import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// A student's answers beside the true values of the first iteration: wrong ones marked once
/// computed (never before), the checker's diagnosis in the inspector.
@MainActor
struct AnswerTests {
    /// Part of the seed homework as handed in: z₁ right, z₂[1] = −0.445 where −0.495 is right, and
    /// dz₂ by the shortcut ŷ − y although y = (1, 1, 0) sums to 2.
    static var answered: Scenario {
        var scenario = Fixtures.homework()
        func value(_ numbers: [Double], decimals: Int) -> Answers.Value {
            Answers.Value(rows: [numbers], decimals: [Array(repeating: decimals, count: numbers.count)])
        }
        scenario.answers = Answers(values: [
            .z(1): value([1.2, -1.15, 0.15, 0.9], decimals: 2),
            .z(2): value([0.195, -0.445, 0.465], decimals: 3),
            .dz(2): value([-0.644, -0.821, 0.466], decimals: 3),
        ])
        return scenario
    }

    let theme = Theme.dark
    var error: Style { theme[.text].patched(with: theme[.error]) }

    func screen(granularity: Granularity = .operation) -> (TestBackend<SessionScreen>, SessionScreen) {
        let program = Fixtures.screen(Self.answered, theme: theme, granularity: granularity)
        return (TestBackend(program: program, size: Size(width: 100, height: 30)), program)
    }

    @Test func theHeaderCountsWhatIsKnown() {
        let (backend, _) = screen()
        #expect(backend.lines[1].contains("answers: 3 to check"))
        backend.press(KeyEvent(.right))
        #expect(backend.lines[1].contains("answers: 1 right"))
        backend.press(KeyEvent(.right), KeyEvent(.right))
        #expect(backend.lines[1].contains("answers: 1 of 2 wrong"))
    }

    /// The student's z₂ stands beside the true one; only the student's wrong element is marked, never
    /// the true value (in the equation or in the network).
    @Test func wrongValuesAreMarked() throws {
        let (backend, _) = screen()
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        let grid = backend.screen
        #expect(grid.lines.contains { $0.contains("z₂") && $0.contains("yours") })
        #expect(grid.lines.contains { $0.contains("−0.495") && $0.contains("−0.445") })
        let marked = (2..<grid.height - 1).map { grid.text(inRow: $0, styled: error) }.flatMap { $0.split(separator: " ") }
        #expect(marked == ["−0.445"])
        // −0.495 stands unmarked in the network (rows above the operation panel).
        let network = try #require(grid.find("Network"))
        let operation = try #require(grid.find("z₂ = W₂·a₁"))
        let truth = try #require(grid.find("−0.495"))
        #expect(truth.y > network.y && truth.y < operation.y)
        #expect(!grid.text(inRow: truth.y, styled: error).contains("−0.495"))
    }

    /// Element by element, nothing is judged before the cursor reaches it.
    @Test func noVerdictBeforeTheValueIsKnown() {
        let (backend, program) = screen(granularity: .element)
        for _ in 0..<9 { backend.press(KeyEvent(.right)) }
        let marked = (2..<backend.screen.height - 1).flatMap { backend.screen.text(inRow: $0, styled: error).split(separator: " ") }
        #expect(marked.isEmpty)
        program.session.select(CellReference(.z(2), Cell(0, 1)))
        backend.press(KeyEvent("i"))
        #expect(backend.lines.contains { $0.contains("yours       −0.445, judged once the cursor gets here") })
        program.overlay = nil
        // z₂[1] computed, then z₂[2]: once it is no longer the element being computed, it shows as wrong.
        backend.press(KeyEvent(.right), KeyEvent(.right))
        let now = (2..<backend.screen.height - 1).flatMap { backend.screen.text(inRow: $0, styled: error).split(separator: " ") }
        #expect(now == ["−0.445"])
    }

    /// The inspector gives the verdict and the checker's diagnosis: the shortcut with a target summing to 2.
    @Test func theInspectorExplains() {
        let (backend, program) = screen()
        for _ in 0..<7 { backend.press(KeyEvent(.right)) }
        // A cell chosen in the operation panel (unfocused, `i` explains the first wrong answer instead).
        program.focus = .operation
        program.session.select(CellReference(.dz(2), Cell(0, 2)))
        backend.press(KeyEvent("i"))
        let text = backend.lines.joined(separator: "\n")
        #expect(text.contains("yours       0.466: wrong, the value is 0.9318"))
        #expect(text.contains("why         The shortcut dz₂ = ŷ − y was used, but it holds only when the target sums to"))
        program.session.select(CellReference(.z(1), Cell(0, 1)))
        backend.press(KeyEvent("i"), KeyEvent("i"))
        #expect(backend.lines.joined().contains("yours       −1.15: right to the 2 decimals written"))
    }

    /// The answers are for the first iteration: later ones show none.
    @Test func onlyTheFirstIteration() {
        let (backend, _) = screen()
        backend.press(KeyEvent(.end), KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        #expect(backend.lines[1].contains("iteration 2"))
        #expect(!backend.lines.joined().contains("yours"))
        #expect(!backend.lines[1].contains("answers"))
    }

    @Test func answersThatCannotBeJudgedSayWhy() {
        var scenario = Fixtures.homework()
        scenario.answers = Answers(values: [.z(1): Answers.Value(rows: [[1, 2]], decimals: [[0, 0]], line: 3)], path: "answers.yaml")
        let backend = TestBackend(program: Fixtures.screen(scenario), size: Size(width: 100, height: 30))
        #expect(backend.lines[29].contains("Answers not checked: answers.yaml:3"))
    }
}
