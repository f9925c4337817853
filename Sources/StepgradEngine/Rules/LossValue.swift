/// L: the loss of each sample ℓ(ŷ, y), reduced over the batch.
public struct LossValue: RuleFamily {
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

    func replacingOperands(_ transform: (Operand) -> Operand) -> LossValue {
        LossValue(loss, reduction, prediction: transform(prediction), target: transform(target))
    }

    /// The reduced loss of `rows × columns` predictions; the engine's only loss arithmetic.
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, target y: UnsafePointer<Double>,
                        rows: Int, columns: Int) -> Double {
        var total = 0.0
        for s in 0..<rows {
            total += loss.value(prediction: UnsafeBufferPointer(start: p + s * columns, count: columns),
                                target: UnsafeBufferPointer(start: y + s * columns, count: columns))
        }
        return total * reduction.factor(batch: rows)
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = prediction.value
        let value = p.withPointer { pp in
            target.value.withPointer { yp in LossValue.compute(loss, reduction, prediction: pp, target: yp, rows: p.rows, columns: p.columns) }
        }
        return Matrix(rows: 1, columns: 1, repeating: value)
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = prediction.value, y = target.value
        var symbolic: [Expression] = [], numeric: [Expression] = []
        for s in 0..<p.rows {
            symbolic.append(perSample(s, read))
            numeric.append(.number(loss.value(prediction: p.row(s), target: y.row(s))))
        }
        guard p.rows > 1 else { return [symbolic[0]] }
        let wrap: ([Expression]) -> Expression = { terms in
            reduction == .mean ? .product([.quotient(.number(1), .number(Double(terms.count))), .sum(terms)]) : .sum(terms)
        }
        return [wrap(symbolic), wrap(numeric)]
    }

    /// ℓ of sample `s` with its numbers.
    private func perSample(_ s: Int, _ read: CellReader) -> Expression {
        let n = prediction.value.columns, p = prediction, y = target
        let outputs = Array(0..<n)
        switch loss {
        case .crossEntropy:
            return .negation(.sum(outputs.map { .product([read(y, s, $0), .call(.ln, [read(p, s, $0)])]) }))
        case .binaryCrossEntropy:
            let terms: [Expression] = outputs.map { j in
                let yv = read(y, s, j), pv = read(p, s, j)
                return .sum([.product([yv, .call(.ln, [pv])]),
                             .product([.difference(.number(1), yv), .call(.ln, [.difference(.number(1), pv)])])])
            }
            let sum: Expression = .negation(.sum(terms))
            return n == 1 ? sum : .quotient(sum, .number(Double(n)))
        case .mse, .sse, .halfSSE:
            let squares: [Expression] = outputs.map { .square(.difference(read(p, s, $0), read(y, s, $0))) }
            switch loss {
            case .mse: return .quotient(.sum(squares), .number(Double(n)))
            case .halfSSE: return .product([.quotient(.number(1), .number(2)), .sum(squares)])
            default: return .sum(squares)
            }
        }
    }
}
