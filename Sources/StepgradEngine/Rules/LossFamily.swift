/// What the loss and the two gradients taken from it read: ŷ, y and, after softmax or sigmoid, the
/// logits z they are computed from exactly.
protocol LossFamily: RuleFamily {
    var loss: Loss { get }
    var reduction: Reduction { get }
    var prediction: Operand { get }
    var target: Operand { get }
    var logits: Operand? { get }
    init(loss: Loss, reduction: Reduction, prediction: Operand, target: Operand, logits: Operand?)
}

extension LossFamily {
    var operands: [Operand] { [prediction, target] + (logits.map { [$0] } ?? []) }

    /// With a student's ŷ substituted the rule computes from ŷ, as the student does on paper:
    /// the logits are kept only while the prediction is the one they give.
    func replacingOperands(_ transform: (Operand) -> Operand) -> Self {
        let p = transform(prediction)
        return Self(loss: loss, reduction: reduction, prediction: p, target: transform(target),
                    logits: p.value == prediction.value ? logits.map(transform) : nil)
    }

    /// A result of ŷ's shape written by `compute(ŷ, z, y, result, rows, columns)` on raw buffers.
    func elementwise(_ compute: (UnsafePointer<Double>, UnsafePointer<Double>?, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                 Int, Int) -> Void) -> Matrix {
        let p = prediction.value
        return Matrix.computed(rows: p.rows, columns: p.columns) { result in
            p.withPointer { pp in
                target.value.withPointer { yp in
                    Matrix.withOptionalPointer(logits?.value) { zp in compute(pp, zp, yp, result, p.rows, p.columns) }
                }
            }
        }
    }
}
