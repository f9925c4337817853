import StepgradEngine

extension Checker {
    /// The rounding carried into each element of `op` from operands that may be off by `rounding`:
    /// to first order, Σ over operand numbers of |∂result/∂operand| · rounding, measured by moving
    /// each operand number up and down by its rounding and recomputing the step.
    func carried(into op: Operation, from rounding: [Quantity: Matrix]) -> Matrix {
        var total = Matrix(rows: op.result.rows, columns: op.result.columns)
        for operand in op.operands {
            guard let delta = rounding[operand.quantity], delta.shape == operand.value.shape else { continue }
            for i in 0..<delta.count where delta.elements[i] > 0 {
                var up = operand.value, down = operand.value
                up.elements[i] += delta.elements[i]
                down.elements[i] -= delta.elements[i]
                guard let high = op.recomputed(substituting: [operand.quantity: up]),
                      let low = op.recomputed(substituting: [operand.quantity: down]) else { continue }
                for j in 0..<total.count {
                    // A step undefined beyond the rounding (ln of a probability near 0) widens nothing.
                    let change = abs(high.result.elements[j] - low.result.elements[j]) / 2
                    if change.isFinite { total.elements[j] += change }
                }
            }
        }
        return total
    }
}
