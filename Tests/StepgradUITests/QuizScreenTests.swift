import StepgradEngine
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// `open --quiz`: asked before each reveal, the answer marked as `check` marks it, a score kept.
/// The homework's values, by hand: z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = 1.2, a₁ = relu(z₁).
@MainActor
struct QuizScreenTests {
    func quiz(granularity: Granularity = .operation) -> (TestBackend<SessionScreen>, SessionScreen) {
        let program = Fixtures.screen(stateDirectory: Fixtures.temporaryDirectory(), granularity: granularity)
        program.startQuiz()
        return (TestBackend(program: program, size: Size(width: 100, height: 30)), program)
    }

    var text: (TestBackend<SessionScreen>) -> String { { $0.lines.joined(separator: "\n") } }

    @Test func asksBeforeTheValueIsRevealedThenStepsAndScores() {
        let (backend, program) = quiz()
        backend.press(KeyEvent(.right))
        #expect(program.session.cursor == .start, "asked first: nothing revealed yet")
        let asked = text(backend)
        #expect(asked.contains("Predict the value"))
        #expect(asked.contains("z₁ = W₁·x"))
        #expect(asked.contains("z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = ?"))
        #expect(!asked.contains("= 1.2"), "the result is hidden")

        backend.type("1.2")
        #expect(text(backend).contains("z₁[0] = 1.2"))
        backend.press(KeyEvent(.enter))
        #expect(program.session.cursor == Cursor(operation: 0, revealed: 4), "answered: the step goes on")
        #expect(backend.lines[29].contains("z₁[0] = 1.2: correct; it is 1.2. Score 1 of 1."))
        #expect(program.quizScore! == (1, 1))

        backend.press(KeyEvent(.right))   // a₁[0] = relu(1.2) = 1.2
        backend.type("1.3")
        backend.press(KeyEvent(.enter))
        #expect(backend.lines[29].contains("a₁[0] = 1.3: wrong; it is 1.2. Score 1 of 2."))

        // Back and on again: answered questions are not asked again.
        backend.press(KeyEvent(.left), KeyEvent(.right))
        #expect(program.session.cursor == Cursor(operation: 1, revealed: 4))
        #expect(!text(backend).contains("Predict the value"))
    }

    @Test func carriedForwardFromAnEarlierWrongAnswer() {
        let (backend, program) = quiz()
        backend.press(KeyEvent(.right))
        backend.type("1.3")   // z₁[0]: W₁[0,0] = 0.2 read as 0.4
        backend.press(KeyEvent(.enter))
        #expect(backend.lines[29].contains("wrong: misread a number"))
        backend.press(KeyEvent(.right))
        backend.type("1.3")   // a₁[0] = relu(1.3), from the student's own z₁[0]
        backend.press(KeyEvent(.enter))
        #expect(backend.lines[29].contains("carried forward: right from your earlier answers"))
        #expect(program.quizScore! == (1, 2))
    }

    @Test func emptySkipsEscapeClosesAndOnlyNumbersAreTaken() {
        let (backend, program) = quiz(granularity: .element)
        backend.press(KeyEvent(.right))
        backend.type("x1,-2")   // x and , are not part of a number, nor a sign after a digit
        #expect(text(backend).contains("z₁[0] = 12"))
        backend.press(KeyEvent(.backspace), KeyEvent(.backspace))
        backend.type("-.5.")   // a sign first, one point
        #expect(text(backend).contains("z₁[0] = -.5 "))
        backend.press(KeyEvent(.escape))
        #expect(program.session.cursor == .start, "Esc closes the question without stepping")
        #expect(!text(backend).contains("Predict the value"))

        backend.press(KeyEvent(.right), KeyEvent(.enter))   // asked again; an empty answer skips
        #expect(program.session.cursor == Cursor(operation: 0, revealed: 1))
        #expect(backend.lines[29].contains("Skipped: z₁[0] = 1.2. Score 0 of 1."))

        backend.press(KeyEvent(.right))   // element granularity: z₁[1] next
        #expect(text(backend).contains("z₁[1] = 0.1·0.5 + 0.2·(−1) + (−0.5)·2 = ?"))
    }

    @Test func playStopsToAsk() {
        let (backend, program) = quiz(granularity: .element)
        backend.press(KeyEvent(.right))
        backend.type("1.2")
        backend.press(KeyEvent(.enter), KeyEvent(" "))
        #expect(text(backend).contains("Predict the value"), "play asks before its first step")
        backend.type("-1.15")
        backend.press(KeyEvent(.enter))
        #expect(program.session.playState.isPlaying, "answering resumes play")
        #expect(program.session.cursor == Cursor(operation: 0, revealed: 1))
        backend.advance(by: .seconds(1))   // two ticks: z₁[1] is revealed, then z₁[2] is asked for
        #expect(!program.session.playState.isPlaying)
        #expect(program.session.cursor == Cursor(operation: 0, revealed: 2))
        #expect(text(backend).contains("z₁[2] ="))
    }
}
