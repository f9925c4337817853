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
        let revealed = (layout.operation(containingElement: elements.lowerBound)...last).flatMap { i in
            let op = trace.operations[i], start = layout.start(ofOperation: i)
            return (max(elements.lowerBound, start)..<min(place, layout.ends[i])).map { (op, op.cell(at: $0 - start)) }
        }
        let changed = revealed.map { CellReference($0.0.quantity, $0.1) }
        var seen = Set(changed), reads: [CellReference] = []
        for (op, cell) in revealed {
            for r in op.element(at: cell).reads where seen.insert(r).inserted { reads.append(r) }
        }
        let op = trace.operations[last]
        self.init(granularity: granularity, phase: op.phase, operation: last, quantity: op.quantity,
                  element: granularity == .element ? changed.last?.cell : nil, changed: changed, read: reads,
                  number: index + 1, count: layout.granuleCount(granularity))
    }
}
