import StepgradEngine

/// What the step that led to the cursor did, for a view to highlight its inputs and its result.
///
/// The step is the granule (phase, operation or element, by the session's granularity)
/// that holds the last revealed element; when the cursor stands inside a granule, as after
/// switching to a coarser granularity, only the part revealed so far counts.
public struct Step: Hashable, Sendable {
    public var granularity: Granularity
    public var phase: Phase
    /// Index in the trace of the operation holding the last revealed element.
    public var operation: Int
    /// That operation's result.
    public var quantity: Quantity
    /// The element revealed, at element granularity.
    public var element: Cell?
    /// The cells the step computed, in the order they were computed.
    public var changed: [CellReference]
    /// The cells the step read that were known before it, in the order first read.
    public var read: [CellReference]
    /// 1-based number of the step among `count` steps of an iteration at this granularity.
    public var number: Int
    public var count: Int
}

extension Step {
    init(at place: Int, in trace: Trace, layout: TraceLayout, granularity: Granularity) {
        let (index, elements) = layout.granule(endingAt: place, granularity)
        let last = layout.operation(containingElement: place - 1)
        // Each operation the step reaches with the indices of its elements revealed.
        let revealed = (layout.operation(containingElement: elements.lowerBound)...last).map { i in
            let start = layout.start(ofOperation: i)
            return (op: trace.operations[i], indices: (max(elements.lowerBound, start) - start)..<(min(place, layout.ends[i]) - start))
        }
        var marked = MarkedCells(), changed: [CellReference] = [], reads: [CellReference] = []
        for (op, indices) in revealed {
            let start = marked.start(of: op.quantity, count: op.elementCount)
            for i in indices {
                _ = marked.insert(start + i)
                changed.append(CellReference(op.quantity, op.cell(at: i)))
            }
        }
        for (op, indices) in revealed {
            let operands = op.operands
            let starts = operands.map { marked.start(of: $0.quantity, count: $0.value.count) }
            op.forEachRead(ofElements: indices) { operand, row, column in
                guard let k = operands.firstIndex(where: { $0.quantity == operand.quantity }),
                      marked.insert(starts[k] + row * operand.value.columns + column) else { return }
                reads.append(CellReference(operand.quantity, Cell(row, column)))
            }
        }
        let op = trace.operations[last]
        self.init(granularity: granularity, phase: op.phase, operation: last, quantity: op.quantity,
                  element: granularity == .element ? changed.last?.cell : nil, changed: changed, read: reads,
                  number: index + 1, count: layout.granuleCount(granularity))
    }
}
