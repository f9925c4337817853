import StepgradEngine
import StepgradSession

/// What the session shows at this moment, read once per frame so that the views ask cheap
/// questions: every matrix of the iteration, how much of each is known at the cursor, and what
/// the last step changed and read.
///
/// Knowing is the session's rule (`TrainingSession.revealedValue`), applied per quantity rather
/// than per cell: given values are known from the start, a computed one element by element as
/// the cursor passes, an optimizer buffer with the update that writes it. The UI tests check
/// that both agree on every cell.
@MainActor
struct Scene {
    let trace: Trace
    let cursor: Cursor
    let step: Step?
    let activity: StepActivity?
    let outputLayer: Int
    let batch: Int
    private let values: [Quantity: Matrix]
    private let producers: [Quantity: Int]

    /// The session now; `index` is its trace's (`TraceIndex(session.trace)`), kept by a screen
    /// from frame to frame of an iteration.
    init(_ session: TrainingSession, index: TraceIndex? = nil) {
        trace = session.trace
        cursor = session.cursor
        step = session.currentStep
        outputLayer = session.scenario.network.depth
        batch = session.scenario.batch.size
        let index = index ?? TraceIndex(trace)
        values = index.values
        producers = index.producers
        let (trace, cursor, producers) = (trace, cursor, producers)
        activity = step.map { StepActivity($0, trace: trace, producers: producers, cursor: cursor) }
    }

    func matrix(_ q: Quantity) -> Matrix? { values[q] }

    /// Every quantity of the iteration: data, parameters, results and optimizer buffers.
    var quantities: Dictionary<Quantity, Matrix>.Keys { values.keys }

    /// How many elements of `q` (row-major) are known at the cursor.
    func revealedCount(_ q: Quantity) -> Int {
        guard let m = values[q] else { return 0 }
        switch q.kind {
        case .x, .y, .W, .b: return m.count
        default: if q.isPrevious { return m.count }
        }
        guard !cursor.isStart, let i = producers[q] else { return 0 }
        if i < cursor.operation { return m.count }
        return i == cursor.operation ? min(cursor.revealed, m.count) : 0
    }

    func value(_ q: Quantity, _ cell: Cell) -> Double? {
        guard let m = values[q], cell.row < m.rows, cell.column < m.columns, cell.row >= 0, cell.column >= 0,
              cell.row * m.columns + cell.column < revealedCount(q) else { return nil }
        return m[cell.row, cell.column]
    }

    /// The phase on screen: the last step's, or forward at the start of an iteration.
    var phase: Phase { step?.phase ?? .forward }

    /// The operation on screen: the one the last step ended in, or the first at the start.
    var operationIndex: Int { step?.operation ?? 0 }
    var operation: Operation? { trace.operations.indices.contains(operationIndex) ? trace.operations[operationIndex] : nil }

    /// The loss once known.
    var loss: Double? { value(.loss, Cell(0, 0)) }
}
