/// L: the loss of each sample ℓ(ŷ, y), reduced over the batch. Cross-entropy after softmax and
/// binary cross-entropy after sigmoid are computed from the logits, exact where ŷ rounds to 0 or 1.
public struct LossValue: LossFamily {
    public var loss: Loss
    public var reduction: Reduction
    public var prediction: Operand
    public var target: Operand
    /// z of the output layer, for cross-entropy and binary cross-entropy.
    public var logits: Operand?

    /// The reduced loss of `rows × columns` outputs; the engine's only loss arithmetic. `shapes`, as
    /// in `OutputGradient.compute`.
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, logits z: UnsafePointer<Double>?,
                        target y: UnsafePointer<Double>, rows: Int, columns: Int, shapes: UnsafePointer<Softmax>? = nil) -> Double {
        let divisor = loss.outputDivisor(columns, reduction)
        var total = 0.0
        for s in 0..<rows {
            let target = UnsafeBufferPointer(start: y + s * columns, count: columns)
            if let z {
                total += loss.value(logits: UnsafeBufferPointer(start: z + s * columns, count: columns), target: target,
                                    divisor: divisor, shape: shapes?[s])
            } else {
                total += loss.value(prediction: UnsafeBufferPointer(start: p + s * columns, count: columns), target: target, divisor: divisor)
            }
        }
        return total * reduction.factor(batch: rows)
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = prediction.value
        let value = p.withPointer { pp in
            target.value.withPointer { yp in
                Matrix.withOptionalPointer(logits?.value) { zp in
                    LossValue.compute(loss, reduction, prediction: pp, logits: zp, target: yp, rows: p.rows, columns: p.columns)
                }
            }
        }
        return Matrix(rows: 1, columns: 1, repeating: value)
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = prediction.value, y = target.value
        let divisor = loss.outputDivisor(p.columns, reduction)
        var symbolic: [Expression] = [], numeric: [Expression] = []
        for s in 0..<p.rows {
            symbolic.append(perSample(s, divisor, read))
            let value = logits.map { loss.value(logits: $0.value.row(s), target: y.row(s), divisor: divisor) }
                ?? loss.value(prediction: p.row(s)[...], target: y.row(s)[...], divisor: divisor)
            numeric.append(.number(value))
        }
        guard p.rows > 1 else { return [symbolic[0]] }
        let wrap: ([Expression]) -> Expression = { terms in
            reduction == .mean ? .product([.quotient(.number(1), .number(Double(terms.count))), .sum(terms)]) : .sum(terms)
        }
        return [wrap(symbolic), wrap(numeric)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        let p = prediction, y = target, outputs = 0..<prediction.value.columns
        for s in 0..<p.value.rows {
            switch loss {
            case .crossEntropy:
                if let z = logits, Extremes.nearZeroOrOne(p.value, y.value, row: s, targetsOnly: true) {
                    for j in outputs { read(z, s, j) }
                    let hot = outputs.filter { y.value[s, $0] != 0 }
                    if hot.count == 1 && y.value[s, hot[0]] == 1 {
                        read(z, s, hot[0])
                    } else {
                        for j in hot {
                            read(y, s, j)
                            read(z, s, j)
                        }
                    }
                } else {
                    for j in outputs {
                        read(y, s, j)
                        read(p, s, j)
                    }
                }
            case .binaryCrossEntropy:
                let z = logits.flatMap { Extremes.nearZeroOrOne(p.value, y.value, row: s) ? $0 : nil }
                for j in outputs {
                    read(y, s, j)
                    read(z ?? p, s, j)
                }
            case .mse, .sse, .halfSSE:
                for j in outputs {
                    read(p, s, j)
                    read(y, s, j)
                }
            }
        }
    }

    /// ℓ of sample `s` with its numbers: from ŷ as in a textbook, or from the logits where ŷ is too close to 0 or 1 to say.
    private func perSample(_ s: Int, _ divisor: Double, _ read: CellReader) -> Expression {
        let n = prediction.value.columns, p = prediction, y = target
        let outputs = Array(0..<n)
        func averaged(_ sum: Expression) -> Expression { divisor == 1 ? sum : .quotient(sum, .number(divisor)) }
        switch loss {
        case .crossEntropy:
            if let z = logits, Extremes.nearZeroOrOne(p.value, y.value, row: s, targetsOnly: true) {
                let lse = Expression.call(.ln, [.sum(outputs.map { .call(.exp, [read(z, s, $0)]) })])
                let hot = outputs.filter { y.value[s, $0] != 0 }
                if hot.count == 1 && y.value[s, hot[0]] == 1 { return .difference(lse, read(z, s, hot[0])) }
                return .sum(hot.map { .product([read(y, s, $0), .difference(lse, read(z, s, $0))]) })
            }
            return .negation(.sum(outputs.map { .product([read(y, s, $0), .call(.ln, [read(p, s, $0)])]) }))
        case .binaryCrossEntropy:
            if let z = logits, Extremes.nearZeroOrOne(p.value, y.value, row: s) {
                let terms: [Expression] = outputs.map { j in
                    let yv = read(y, s, j), zv = read(z, s, j)
                    return .sum([.product([yv, .call(.ln, [.sum([.number(1), .call(.exp, [zv.negated])])])]),
                                 .product([.difference(.number(1), yv), .call(.ln, [.sum([.number(1), .call(.exp, [zv])])])])])
                }
                return averaged(.sum(terms))
            }
            let terms: [Expression] = outputs.map { j in
                let yv = read(y, s, j), pv = read(p, s, j)
                return .sum([.product([yv, .call(.ln, [pv])]),
                             .product([.difference(.number(1), yv), .call(.ln, [.difference(.number(1), pv)])])])
            }
            return averaged(.negation(.sum(terms)))
        case .mse, .sse, .halfSSE:
            let squares: [Expression] = outputs.map { .square(.difference(read(p, s, $0), read(y, s, $0))) }
            switch loss {
            case .mse: return averaged(.sum(squares))
            case .halfSSE: return .product([.quotient(.number(1), .number(2)), .sum(squares)])
            default: return .sum(squares)
            }
        }
    }
}

/// When a textbook line in ŷ can no longer be read: some ŷ so close to 0 or 1 that ln ŷ, 1/ŷ or
/// 1 − ŷ as printed would mislead; the lines then show the form in the logits.
enum Extremes {
    static let margin = 1e-4

    /// For sample `s`: any ŷ near 0 or 1, or for cross-entropy (`targetsOnly`) any whose target is not 0.
    static func nearZeroOrOne(_ p: Matrix, _ y: Matrix, row s: Int, targetsOnly: Bool = false) -> Bool {
        (0..<p.columns).contains { (!targetsOnly || y[s, $0] != 0) && nearZeroOrOne(p[s, $0]) }
    }

    static func nearZeroOrOne(_ p: Double) -> Bool { !(p >= margin && p <= 1 - margin) }
}
