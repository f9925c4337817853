import StepgradEngine
import StepgradScenario

/// One student's answers to the quiz questions of one iteration, marked as they come: each answer
/// is judged with everything typed before it, so a value that follows from an earlier mistake is
/// carried forward. A new iteration starts a new sheet (its numbers are all new).
public struct QuizSheet: Sendable {
    public let iteration: Int
    private let checker: Checker
    private let wholeNumberDecimals: Int
    public private(set) var typed: [CellReference: TypedNumber] = [:]
    public private(set) var marks: [CellReference: QuizMark] = [:]

    /// - Parameters:
    ///   - trace: the iteration the questions are about, recorded.
    ///   - wholeNumberDecimals: the precision a number typed without decimals is judged at.
    public init(scenario: Scenario, iteration: Int, trace: Trace, wholeNumberDecimals: Int = 4) {
        self.iteration = iteration
        checker = Checker(scenario: scenario, trace: trace)
        self.wholeNumberDecimals = wholeNumberDecimals
    }

    /// Marks `number` as the answer to `question`; an earlier answer to it is replaced.
    public mutating func answer(_ question: CellReference, with number: TypedNumber) -> QuizMark {
        typed[question] = number
        // Marking all again lets a later answer's follow-through see every earlier one; earlier
        // marks do not change, as nothing typed later is read by an earlier step.
        marks = checker.mark(typed, wholeNumberDecimals: wholeNumberDecimals)
        return marks[question] ?? .wrong(nil)
    }
}
