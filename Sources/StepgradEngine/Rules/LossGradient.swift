/// ∂L/∂ŷ, elementwise, with the batch reduction's factor.
public struct LossGradient: RuleFamily {
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

    func replacingOperands(_ transform: (Operand) -> Operand) -> LossGradient {
        LossGradient(loss, reduction, prediction: transform(prediction), target: transform(target))
    }

    /// `dŷ (rows × columns)` on raw buffers; the engine's only ∂L/∂ŷ arithmetic.
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, target y: UnsafePointer<Double>,
                        into d: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let scale = reduction.factor(batch: rows)
        for i in 0..<rows * columns { d[i] = scale * loss.gradient(prediction: p[i], target: y[i], outputs: columns) }
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = prediction.value
        return Matrix.computed(rows: p.rows, columns: p.columns) { d in
            p.withPointer { pp in
                target.value.withPointer { yp in
                    LossGradient.compute(loss, reduction, prediction: pp, target: yp, into: d, rows: p.rows, columns: p.columns)
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(prediction, r, c), y = read(target, r, c)
        let n = Double(prediction.value.columns)
        let body: Expression
        switch loss {
        case .crossEntropy: body = .negation(.quotient(y, p))
        case .binaryCrossEntropy: body = .quotient(.difference(p, y), .product([.number(n), p, .difference(.number(1), p)]))
        case .mse: body = .quotient(.product([.number(2), .difference(p, y)]), .number(n))
        case .sse: body = .product([.number(2), .difference(p, y)])
        case .halfSSE: body = .difference(p, y)
        }
        return [context.batchMean(body, reduction)]
    }
}
