import StepgradHomework
import StepgradUI

/// One viewer's side of the quiz: the answer being typed to the question open now, the mark it
/// got, and the score over the questions answered. Bytes from the SSH channel come in as typed.
@MainActor
struct ViewerQuiz {
    private(set) var prompt: QuizPrompt?
    private var right = 0, asked = 0

    /// Follows the classroom's question: a new one opens a blank prompt, a closed one goes away.
    mutating func follow(_ classroom: Classroom) {
        guard let question = classroom.question else {
            prompt = nil
            return
        }
        if prompt?.question != question { prompt = QuizPrompt(question: question, right: right, asked: asked) }
    }

    /// Handles the bytes the viewer typed while a question is open: digits, a point, a sign (`-`
    /// or `−`), Backspace (DEL or BS) and Enter (CR or LF), which answers. Returns whether any was taken.
    mutating func type(_ bytes: [UInt8], viewer: ObjectIdentifier, classroom: Classroom) -> Bool {
        guard var prompt, prompt.answer == nil else { return false }
        var taken = false
        for character in String(decoding: bytes, as: UTF8.self) {
            switch character {
            case "\u{7F}", "\u{08}":
                prompt.typed = String(prompt.typed.dropLast())
                taken = true
            case "\r", "\n", "\r\n":
                guard prompt.answer == nil, let number = TypedNumber(prompt.typed),
                      let mark = classroom.answer(from: viewer, number) else { continue }
                asked += 1
                if mark.earnsMark { right += 1 }
                prompt.answer = QuizPrompt.Answer(typed: prompt.typed, mark: mark, expected: classroom.expected ?? .nan)
                prompt.right = right
                prompt.asked = asked
                taken = true
            default:
                if prompt.answer == nil, let typed = QuizPrompt.edited(prompt.typed, by: character) {
                    prompt.typed = typed
                    taken = true
                }
            }
        }
        self.prompt = prompt
        return taken
    }
}
