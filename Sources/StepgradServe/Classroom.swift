import Observation
import StepgradEngine
import StepgradHomework
import StepgradSession

/// The lecturer's session and who is watching it. Observable, so the lecturer's console redraws
/// when someone joins, leaves, roams, snaps back or answers, and viewers redraw when a question
/// is put or closed.
@MainActor @Observable
public final class Classroom {
    public let session: TrainingSession
    /// Viewers drawing the lecturer's session now.
    public private(set) var following = 0
    /// Viewers looking around on a copy of their own now (see `Viewer`).
    public private(set) var roaming = 0
    /// The element the room is asked to predict, until the lecturer reveals it.
    public private(set) var question: CellReference?
    /// How the answers to `question` were marked, as a histogram.
    public private(set) var tally = QuizTally()
    /// The places `--decimals` forces on the screens, `nil` for significant figures.
    @ObservationIgnored let decimals: Int?
    /// Each viewer's answers in the iteration of the questions, so that follow-through is theirs.
    @ObservationIgnored private var sheets: [ObjectIdentifier: QuizSheet] = [:]
    @ObservationIgnored private var answered: Set<ObjectIdentifier> = []

    public init(session: TrainingSession, decimals: Int? = nil) {
        self.session = session
        self.decimals = decimals
    }

    func join() { following += 1 }
    func leave(roaming wasRoaming: Bool) { if wasRoaming { roaming -= 1 } else { following -= 1 } }
    func roam() { following -= 1; roaming += 1 }
    func snapBack() { roaming -= 1; following += 1 }

    /// Puts the element about to be computed to the room. Returns `false` at the end of an
    /// iteration, where nothing is about to be computed.
    @discardableResult public func ask() -> Bool {
        guard let next = session.nextElement?.reference else { return false }
        session.pause()
        question = next
        tally = QuizTally()
        answered = []
        return true
    }

    /// Ends the question and shows its value: the session steps on.
    public func reveal() {
        guard question != nil else { return }
        close()
        session.stepForward()
    }

    /// Ends the question without stepping (the lecturer moved on another way).
    public func close() {
        question = nil
    }

    /// Marks `viewer`'s answer to the open question with `check`'s rules, once per viewer and
    /// question; `nil` when no question is open or this viewer has answered it already.
    func answer(from viewer: ObjectIdentifier, _ number: TypedNumber) -> QuizMark? {
        guard let question, !answered.contains(viewer) else { return nil }
        var sheet = sheets[viewer].flatMap { $0.iteration == session.iteration ? $0 : nil }
            ?? QuizSheet(scenario: session.scenario, iteration: session.iteration, trace: session.trace,
                         wholeNumberDecimals: decimals ?? 4)
        let mark = sheet.answer(question, with: number)
        sheets[viewer] = sheet
        answered.insert(viewer)
        tally.add(mark)
        return mark
    }

    /// The value the open question asks for (for the viewer's message once answered).
    var expected: Double? {
        guard let question, let op = session.trace.operation(producing: question.quantity) else { return nil }
        return op.result[question.cell.row, question.cell.column]
    }
}
