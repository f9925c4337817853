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

    init(_ session: TrainingSession) {
        trace = session.trace
        cursor = session.cursor
        step = session.currentStep
        outputLayer = session.scenario.network.depth
        batch = session.scenario.batch.size
        values = trace.values
        var producers: [Quantity: Int] = [:]
        for (i, op) in trace.operations.enumerated() { producers[op.quantity] = i }
        self.producers = producers
        let (trace, cursor) = (trace, cursor)
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
        default: break
        }
        let producer = [.velocity, .m, .v].contains(q.kind) ? Quantity(q.ofBias ? .b_new : .W_new, layer: q.layer) : q
        guard !cursor.isStart, let i = producers[producer] else { return 0 }
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

/// What the last step computed and which known values it read, answered per cell without
/// listing the cells: a whole phase of a 256-unit network changes tens of thousands of them.
/// Reads are exact for a single element (from the session's step) and per quantity otherwise,
/// as every operation reads all of each operand.
struct StepActivity {
    /// Trace indices of the operations the step touched.
    let operations: ClosedRange<Int>
    /// First element (row-major) the step revealed in the first of them.
    let firstElement: Int
    /// Elements revealed in the last of them when the step ended.
    let endElement: Int
    let isSingleElement: Bool
    private let changedQuantities: [Quantity: Int]
    private let elementCounts: [Quantity: Int]
    private let readCells: Set<CellReference>
    private let readQuantities: Set<Quantity>

    init(_ step: Step, trace: Trace, producers: [Quantity: Int], cursor: Cursor) {
        let first = step.changed.first
        let start = first.flatMap { producers[$0.quantity] } ?? step.operation
        operations = min(start, step.operation)...step.operation
        let firstOp = trace.operations[operations.lowerBound]
        firstElement = first.map { $0.cell.row * firstOp.result.columns + $0.cell.column } ?? 0
        endElement = cursor.revealed
        isSingleElement = step.changed.count == 1
        var changed: [Quantity: Int] = [:], counts: [Quantity: Int] = [:]
        for i in operations {
            changed[trace.operations[i].quantity] = i
            counts[trace.operations[i].quantity] = trace.operations[i].elementCount
        }
        changedQuantities = changed
        elementCounts = counts
        if isSingleElement {
            readCells = Set(step.read)
            readQuantities = []
        } else {
            readCells = []
            var reads = Set<Quantity>()
            for i in operations {
                for operand in trace.operations[i].operands where changed[operand.quantity] == nil {
                    reads.insert(operand.quantity)
                }
            }
            readQuantities = reads
        }
    }

    func changes(_ q: Quantity) -> Bool { changedQuantities[q] != nil }

    /// The elements of `q` (row-major) the step computed, if any.
    func changedRun(of q: Quantity) -> Range<Int>? {
        guard let i = changedQuantities[q] else { return nil }
        let start = i == operations.lowerBound ? firstElement : 0
        let end = i == operations.upperBound ? endElement : elementCounts[q] ?? 0
        return start..<max(end, start)
    }

    func changed(_ q: Quantity, _ cell: Cell, columns: Int) -> Bool {
        changedRun(of: q)?.contains(cell.row * columns + cell.column) ?? false
    }

    /// Whether the step read every cell of `q`.
    func readsAll(_ q: Quantity) -> Bool { readQuantities.contains(q) }

    /// Whether the step read some cells of `q`, known one by one (`read(_:_:)`).
    func readsSome(_ q: Quantity) -> Bool { readCells.contains { $0.quantity == q } }

    /// The cells of `q` an element read, known one by one; none for a larger step.
    func readCells(of q: Quantity) -> [Cell] {
        readCells.filter { $0.quantity == q }.map(\.cell)
    }

    func read(_ q: Quantity, _ cell: Cell) -> Bool {
        readQuantities.contains(q) || (!readCells.isEmpty && readCells.contains(CellReference(q, cell)))
    }
}
