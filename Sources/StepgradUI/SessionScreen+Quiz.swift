import StepgradEngine
import StepgradHomework
import StepgradSession
import TerminalUI

/// The quiz: `open --quiz` asks before each step reveals a value (the first element the step
/// computes) and keeps a score; under `serve`, the viewer sets `quizPrompt` and the lecturer's
/// console draws the answers' histogram.
extension SessionScreen {
    /// Asks before every reveal from now on.
    public func startQuiz() {
        soloQuiz = SoloQuiz()
    }

    /// Right answers and questions asked, while quizzing alone.
    public var quizScore: (right: Int, asked: Int)? {
        soloQuiz.map { ($0.right, $0.asked) }
    }

    /// Whether `command` would reveal a value the student has not been asked for yet.
    func quizAsks(before command: Command) -> Bool {
        guard let quiz = soloQuiz, quiz.prompt == nil, !session.isBusy else { return false }
        switch command {
        case .stepForward, .nextPhase, .endOfIteration: break
        case .playPause where !session.playState.isPlaying: break
        default: return false
        }
        guard let next = session.nextElement?.reference else { return false }
        guard let sheet = quiz.sheet, sheet.iteration == session.iteration, quiz.sheetGeneration == generation else { return true }
        return sheet.typed[next] == nil && !quizSkipped.contains(next)
    }

    /// Opens the question about the next element; `pending` is carried out once it is answered.
    func ask(before pending: Command) {
        guard let next = session.nextElement?.reference else { return }
        session.pause()
        guard var quiz = soloQuiz else { return }
        quiz.prompt = QuizPrompt(question: next, right: quiz.right, asked: quiz.asked)
        quiz.pending = pending
        soloQuiz = quiz
    }

    /// A key while a question is open: editing the answer, Enter to answer (empty skips), Esc to close.
    func answerQuiz(_ key: KeyEvent) -> ScreenCommand {
        guard var prompt = soloQuiz?.prompt else { return .none }
        switch key.key {
        case .character(let c):
            guard let typed = QuizPrompt.edited(prompt.typed, by: c) else {
                message = StyledLine(text: "Type the value (digits, a point, a sign); Enter answers, Esc closes.", role: .dim)
                return .none
            }
            prompt.typed = typed
            soloQuiz?.prompt = prompt
        case .backspace, .delete:
            prompt.typed = String(prompt.typed.dropLast())
            soloQuiz?.prompt = prompt
        case .escape:
            soloQuiz?.prompt = nil
            soloQuiz?.pending = nil
        case .enter:
            return submitQuizAnswer(prompt)
        default:
            break
        }
        return .none
    }

    private func submitQuizAnswer(_ prompt: QuizPrompt) -> ScreenCommand {
        guard var quiz = soloQuiz, let (reference, op) = session.nextElement, reference == prompt.question else {
            soloQuiz?.prompt = nil
            return .none
        }
        let expected = op.result[reference.cell.row, reference.cell.column]
        let label = InspectorOverlay.label(reference, scene: scene())
        if quiz.sheet?.iteration != session.iteration || quiz.sheetGeneration != generation {
            quiz.sheet = QuizSheet(scenario: session.scenario, iteration: session.iteration, trace: session.trace,
                                   wholeNumberDecimals: numbers.style.decimals ?? 4)
            quiz.sheetGeneration = generation
            quizSkipped = []
        }
        if prompt.typed.isEmpty {
            quizSkipped.insert(reference)
            quiz.asked += 1
            message = StyledLine(text: look.text("Skipped: \(label) = \(look.format(expected)). Score \(quiz.right) of \(quiz.asked)."),
                                 role: .dim)
        } else {
            guard let number = TypedNumber(prompt.typed) else {
                message = StyledLine(text: "\(prompt.typed) is not a number: type one like 0.627 or -1.5.", role: .warning)
                return .none
            }
            let mark = quiz.sheet!.answer(reference, with: number)
            quiz.asked += 1
            if mark.earnsMark { quiz.right += 1 }
            let text = "\(label) = \(prompt.typed): \(QuizOverlay.verdict(mark)); it is \(look.format(expected)). "
                + "Score \(quiz.right) of \(quiz.asked)."
            message = StyledLine(text: look.text(text), role: mark.earnsMark ? .success : .error)
        }
        let pending = quiz.pending
        quiz.prompt = nil
        quiz.pending = nil
        soloQuiz = quiz
        return pending.map(perform) ?? .none
    }

    /// Draws the histogram of a question's answers over the panels (the lecturer's console).
    public func drawQuizTally(_ tally: QuizTally, question: CellReference, following: Int, into grid: inout Grid) {
        let scene = scene()
        let context = ViewContext(scene: scene, look: look, scales: HeatScales(scene: scene, shared: sharedScale),
                                  selection: nil, focus: nil, zoomed: false, sample: sample, answers: nil)
        let body = Rect(x: 0, y: 0, width: grid.width, height: max(grid.height - 1, 0))
        QuizOverlay(context: context).drawTally(tally, question: question, following: following, in: body, into: &grid)
    }
}
