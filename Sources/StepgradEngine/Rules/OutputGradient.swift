/// ∂L/∂z of the output layer in the closed form of its loss: ŷ·Σy − y for softmax with
/// cross-entropy (ŷ − y when the target sums to 1), (ŷ − y)/n for sigmoid with binary cross-entropy.
public struct OutputGradient: RuleFamily {
    public var loss: Loss
    public var reduction: Reduction
    public var prediction: Operand
    public var target: Operand

    public init(_ loss: Loss, _ reduction: Reduction, prediction: Operand, target: Operand) {
        self.loss = loss
        self.reduction = reduction
        self.prediction = prediction
        self.target = target
    }

    var operands: [Operand] { [prediction, target] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> OutputGradient {
        OutputGradient(loss, reduction, prediction: transform(prediction), target: transform(target))
    }

    /// `dz (rows × columns)` on raw buffers; the engine's only fused output gradient.
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, target y: UnsafePointer<Double>,
                        into dz: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let scale = reduction.factor(batch: rows)
        let perOutput = loss == .binaryCrossEntropy ? 1 / Double(columns) : 1
        for s in 0..<rows {
            var targetSum = 1.0
            if loss == .crossEntropy {
                targetSum = 0
                for j in 0..<columns { targetSum += y[s * columns + j] }
            }
            for j in 0..<columns {
                let i = s * columns + j
                dz[i] = scale * perOutput * (p[i] * targetSum - y[i])
            }
        }
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = prediction.value
        return Matrix.computed(rows: p.rows, columns: p.columns) { d in
            p.withPointer { pp in
                target.value.withPointer { yp in
                    OutputGradient.compute(loss, reduction, prediction: pp, target: yp, into: d, rows: p.rows, columns: p.columns)
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(prediction, r, c), y = read(target, r, c)
        let body: Expression
        if loss == .crossEntropy {
            let total = target.value.row(r).reduce(0, +)
            for k in 0..<target.value.columns where k != c { read.note(target, r, k) }
            body = total == 1 ? .difference(p, y) : .difference(.product([p, .number(total)]), y)
        } else {
            body = .quotient(.difference(p, y), .number(Double(prediction.value.columns)))
        }
        return [context.batchMean(body, reduction)]
    }
}
