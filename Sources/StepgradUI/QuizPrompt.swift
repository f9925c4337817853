import StepgradEngine
import StepgradHomework

/// A quiz question as a student sees it: the element about to be computed, what they have typed,
/// and, once they have answered, how it was marked (shown until the value is revealed).
public struct QuizPrompt: Hashable, Sendable {
    public var question: CellReference
    public var typed: String
    /// The answer given and its mark; `nil` while still typing.
    public var answer: Answer?
    /// Right answers and questions asked so far.
    public var right: Int
    public var asked: Int

    public struct Answer: Hashable, Sendable {
        public var typed: String
        public var mark: QuizMark
        public var expected: Double
        public init(typed: String, mark: QuizMark, expected: Double) {
            self.typed = typed
            self.mark = mark
            self.expected = expected
        }
    }

    public init(question: CellReference, typed: String = "", answer: Answer? = nil, right: Int = 0, asked: Int = 0) {
        self.question = question
        self.typed = typed
        self.answer = answer
        self.right = right
        self.asked = asked
    }

    /// Longest answer kept: more than any double needs.
    static let longest = 24

    /// `typed` after `key`: digits, one decimal point and a leading sign are taken, Backspace
    /// deletes; anything else leaves it as it is. `nil` when the key is not for the answer.
    public static func edited(_ typed: String, by character: Character) -> String? {
        switch character {
        case "0"..."9" where typed.count < longest: return typed + String(character)
        case "." where !typed.contains(".") && typed.count < longest: return typed + "."
        case "-", "−": return typed.isEmpty ? "-" : nil
        default: return nil
        }
    }
}
