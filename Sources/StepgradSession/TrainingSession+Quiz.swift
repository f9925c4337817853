import StepgradEngine

/// What a quiz asks about: the element the next step computes first.
extension TrainingSession {
    /// The element about to be computed, with its operation; `nil` at the end of an iteration,
    /// where the next step enters the next iteration and reveals nothing yet.
    public var nextElement: (reference: CellReference, operation: Operation)? {
        guard place < layout.total else { return nil }
        let i = layout.operation(containingElement: place)
        let op = trace.operations[i]
        let index = place - layout.start(ofOperation: i)
        return (CellReference(op.quantity, Cell(index / op.result.columns, index % op.result.columns)), op)
    }
}
