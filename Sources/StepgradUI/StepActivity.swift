import StepgradEngine
import StepgradSession

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
    /// The cells an element read, by quantity: each matrix drawn asks for its own, and an element
    /// of a loss reads every cell of ŷ and y.
    private let readCells: [Quantity: Set<Cell>]
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
            readCells = Dictionary(grouping: step.read, by: \.quantity).mapValues { Set($0.map(\.cell)) }
            readQuantities = []
        } else {
            readCells = [:]
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
    func readsSome(_ q: Quantity) -> Bool { readCells[q] != nil }

    /// The cells of `q` an element read, known one by one; none for a larger step.
    func readCells(of q: Quantity) -> Set<Cell> { readCells[q] ?? [] }

    func read(_ q: Quantity, _ cell: Cell) -> Bool {
        readQuantities.contains(q) || readCells[q]?.contains(cell) == true
    }
}
