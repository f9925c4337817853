import Foundation
import StepgradEngine
import StepgradHomework
import StepgradScenario
@testable import StepgradServe
import StepgradSession
import StepgradUI
import TerminalUI
import Testing

/// The lecturer puts a question (`a`), viewers type answers as bytes from their SSH channels, each
/// is marked by `check`'s rules with the viewer's own earlier answers, and the lecturer's console
/// shows the histogram. The homework's values, by hand: z₁ = W₁·x = (1.2, −1.15, 0.15, 0.9),
/// a₁ = relu(z₁), ŷ[1] = e^(−0.495)/(e^0.195 + e^(−0.495) + e^0.465) = 0.1783990185.
@MainActor
struct QuizRoomTests {
    /// A viewer's identity, as the server's `Viewer` object gives one.
    @MainActor final class Student {
        var quiz = ViewerQuiz()
        var id: ObjectIdentifier { ObjectIdentifier(self) }

        func answer(_ text: String, in classroom: Classroom) {
            quiz.follow(classroom)
            _ = quiz.type(Array(text.utf8), viewer: id, classroom: classroom)
        }
    }

    let classroom: Classroom
    let console: TestBackend<LecturerConsole>

    init() throws {
        let scenario = try ScenarioLoader.load(path: Exercises.resolve("relu-softmax-3-4-3"))
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-quiz-\(UUID().uuidString)").path
        let session = TrainingSession(scenario: scenario, stateDirectory: state)
        session.granularity = .element
        classroom = Classroom(session: session)
        let capabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)
        let screen = SessionScreen(session: session, options: ScreenOptions(theme: .dark, capabilities: capabilities))
        console = TestBackend(program: LecturerConsole(screen: screen, classroom: classroom), size: Size(width: 120, height: 40))
        for _ in 0..<5 { classroom.join() }
    }

    var shown: String { console.lines.joined(separator: "\n") }

    /// The histogram's line for `category`, squeezed: "correct 2 ██████".
    func bar(_ category: String) -> String? {
        console.lines.first { $0.contains(category + " ") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    @Test func answersInEachCategoryAndTheHistogramTheLecturerSees() {
        let students = (0..<5).map { _ in Student() }
        console.press(KeyEvent("a"))
        #expect(classroom.question == CellReference(.z(1), Cell(0, 0)))
        #expect(shown.contains("Quiz: z₁[0] · 0 of 5 answered"))
        #expect(shown.contains("No answers yet."))

        students[0].answer("1.2\r", in: classroom)     // correct
        students[1].answer("1.20\r", in: classroom)    // correct
        students[2].answer("−1.2\r", in: classroom)    // sign error, with a typographic minus (UTF-8)
        students[3].answer("1.3\r", in: classroom)     // W₁[0,0] = 0.2 read as 0.4
        students[4].answer("1.6\r", in: classroom)     // nothing explains it
        students[0].answer("9\r", in: classroom)       // a second answer is not counted
        console.draw()   // the real runner redraws because it observes the tally
        #expect(shown.contains("Quiz: z₁[0] · 5 of 5 answered"))
        #expect(bar("correct")?.contains("correct 2 ") == true, "\(shown)")
        #expect(bar("wrong: sign error")?.contains("sign error 1 ") == true)
        #expect(bar("wrong: misread a number")?.contains("misread a number 1 ") == true)
        #expect(console.lines.contains { $0.range(of: #"┃ wrong +1 █"#, options: .regularExpression) != nil })
        #expect(classroom.tally.bars.map(\.category) == ["correct", "wrong: misread a number", "wrong: sign error", "wrong"])
        #expect(students[0].quiz.prompt?.answer?.mark == .correct)
        #expect(students[2].quiz.prompt?.answer?.mark == .wrong(.signError([Cell(0, 0)])))

        console.press(KeyEvent("a"))   // reveal
        #expect(classroom.question == nil)
        #expect(classroom.session.cursor == Cursor(operation: 0, revealed: 1))
        for student in students { student.quiz.follow(classroom) }
        #expect(students.allSatisfy { $0.quiz.prompt == nil })

        // a₁[0] = relu(z₁[0]): whoever wrote 1.3 for z₁[0] is carried forward with 1.3.
        console.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right), KeyEvent("a"))
        #expect(classroom.question == CellReference(.a(1), Cell(0, 0)))
        students[3].answer("1.3\r", in: classroom)
        students[0].answer("1.2\r", in: classroom)
        students[1].answer("1.3\r", in: classroom)
        console.draw()
        #expect(students[3].quiz.prompt?.answer?.mark == .carriedForward)
        #expect(students[1].quiz.prompt?.answer?.mark.earnsMark == false)
        #expect(classroom.tally.bars.map(\.category) == ["correct", "carried forward", "wrong"])
        #expect(bar("carried forward")?.contains("carried forward 1 ") == true)
        console.press(KeyEvent("a"))

        // ŷ[1] = 0.178399: 0.1783 is 0.000099 off, accepted only for rounding e^z on the way.
        for _ in 0..<7 { console.press(KeyEvent(.right)) }
        console.press(KeyEvent("a"))
        #expect(classroom.question == CellReference(.a(2), Cell(0, 1)))
        students[0].answer("0.1783\r", in: classroom)
        students[1].answer("0.1784\r", in: classroom)
        #expect(classroom.tally.bars.map(\.category) == ["correct", "rounded"])
        #expect(students[0].quiz.prompt?.answer?.mark == .rounded)
        #expect(students[0].quiz.prompt?.right == 3 && students[0].quiz.prompt?.asked == 3)
    }

    @Test func theViewerSeesTheQuestionThenItsMark() throws {
        let student = Student()
        console.press(KeyEvent("a"))
        let screen = SessionScreen(session: classroom.session,
                                   options: ScreenOptions(theme: .dark, capabilities: TerminalCapabilities(colourDepth: .ansi16, unicode: true)))
        let viewer = TestBackend(program: screen, size: Size(width: 80, height: 24))
        student.answer("1.5", in: classroom)
        screen.quizPrompt = student.quiz.prompt
        viewer.draw()
        var text = viewer.lines.joined(separator: "\n")
        #expect(text.contains("z₁[0] = 0.2·0.5 + (−0.3)·(−1) + 0.4·2 = ?"))
        #expect(text.contains("z₁[0] = 1.5"))
        student.answer("\u{7F}2\r", in: classroom)   // Backspace, then 2: 1.2
        screen.quizPrompt = student.quiz.prompt
        viewer.draw()
        text = viewer.lines.joined(separator: "\n")
        #expect(text.contains("z₁[0] = 1.2  correct"))
        #expect(text.contains("waiting for the value to be revealed"))
    }

    @Test func movingOnClosesTheQuestionAndTheEndOfAnIterationHasNone() {
        console.press(KeyEvent("a"))
        #expect(classroom.question != nil)
        console.press(KeyEvent(.right))
        #expect(classroom.question == nil, "the question was about the element now revealed")
        console.press(KeyEvent(.end), KeyEvent("a"))
        #expect(classroom.question == nil)
        #expect(shown.contains("Nothing is about to be computed"))
    }
}
