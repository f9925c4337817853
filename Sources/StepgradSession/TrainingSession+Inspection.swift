import StepgradEngine
import StepgradNotation

extension TrainingSession {
    /// Selects a cell for inspection, or clears the selection with `nil`.
    /// Returns false, leaving the selection alone, when the iteration has no such cell.
    @discardableResult public func select(_ reference: CellReference?) -> Bool {
        guard let reference else {
            selection = nil
            return true
        }
        guard contains(reference) else { return false }
        selection = reference
        return true
    }

    /// The selected cell as known at the cursor.
    public var inspection: Inspection? {
        guard let selection else { return nil }
        let value = revealedValue(selection)
        let op = selection.quantity.isGiven ? nil : trace.operation(producing: selection.quantity)
        let computes = op?.quantity == selection.quantity && value != nil
        return Inspection(reference: selection, value: value, formula: op?.formula,
                          element: computes ? op?.element(at: selection.cell) : nil, context: op?.context)
    }

    /// The cell's value in each of the last `count` iterations before the one on screen, and in
    /// that one once revealed, oldest first. Past iterations not kept are recomputed from the
    /// nearest checkpoint, which costs a few untraced iterations per value asked.
    public func history(of reference: CellReference, last count: Int = 50) -> [IterationValue] {
        guard contains(reference), count > 0 else { return [] }
        let past = max(1, iteration - count)..<iteration
        let values = timeline.values(of: reference.quantity, at: reference.cell, in: past)
        var points = zip(past, values).map { IterationValue(iteration: $0, value: $1) }
        if let now = revealedValue(reference) { points.append(IterationValue(iteration: iteration, value: now)) }
        return points
    }
}
