import Foundation

/// ∂L/∂ŷ, elementwise, with the batch reduction's factor. After softmax or sigmoid it is taken
/// from the logits: −yⱼ/ŷⱼ = −yⱼ·Σₖ e^(zₖ − zⱼ), and (ŷ − y)/(ŷ(1 − ŷ)) = (1 − y)(1 + e^z) − y(1 + e^−z).
public struct LossGradient: LossFamily {
    public var loss: Loss
    public var reduction: Reduction
    public var prediction: Operand
    public var target: Operand
    /// z of the output layer, for cross-entropy and binary cross-entropy.
    public var logits: Operand?

    /// `dŷ (rows × columns)` on raw buffers; the engine's only ∂L/∂ŷ arithmetic.
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, logits z: UnsafePointer<Double>?,
                        target y: UnsafePointer<Double>, into d: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let scale = reduction.factor(batch: rows), divisor = loss.outputDivisor(columns, reduction)
        guard let z, loss == .crossEntropy || loss == .binaryCrossEntropy else {
            for i in 0..<rows * columns { d[i] = scale * loss.gradient(prediction: p[i], target: y[i], divisor: divisor) }
            return
        }
        for s in 0..<rows {
            for j in 0..<columns {
                let i = s * columns + j
                if loss == .crossEntropy {
                    d[i] = y[i] == 0 ? 0 : crossEntropy(z + s * columns, j, columns: columns, y: y[i], scale: scale)
                } else {
                    d[i] = scale * (binaryFromLogit(z[i], y[i]) / divisor)
                }
            }
        }
    }

    /// As `compute` for a training step of softmax with cross-entropy, whose ∂z comes from the closed
    /// form and so reads no ∂ŷ: only the elements that could be ∞ or NaN are worked out, so that the
    /// step finds an overflow exactly where `compute` would; the others are written as 0. An element is
    /// provably finite when its logit is no more than 700 below the row's largest (`shapes`) and
    /// |scale·y|·columns ≤ 17: then |scale·y·Σₖ e^(zₖ − zⱼ)| ≤ 17·e^700 ≈ 1.7e305, a thousandth of the
    /// largest double, far beyond the rounding of the tests themselves. (With a z or the loss not
    /// finite, the step reports that first, whatever ∂ŷ holds.)
    static func overflowOnly(_ reduction: Reduction, logits z: UnsafePointer<Double>, shapes: UnsafePointer<Softmax>,
                             target y: UnsafePointer<Double>, into d: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let scale = reduction.factor(batch: rows), largestY = 17 / (scale * Double(columns))
        for s in 0..<rows {
            let o = s * columns, lowest = shapes[s].largest - 700
            for i in o..<o + columns {
                // A NaN largest fails the comparison, and the element is worked out.
                let finite = y[i] == 0 || (z[i] >= lowest && abs(y[i]) <= largestY)
                d[i] = finite ? 0 : crossEntropy(z + o, i - o, columns: columns, y: y[i], scale: scale)
            }
        }
    }

    /// scale·(−y·Σₖ e^(zₖ − zⱼ)): element j of a row of cross-entropy's ∂ŷ from its logits, y ≠ 0.
    static func crossEntropy(_ z: UnsafePointer<Double>, _ j: Int, columns: Int, y: Double, scale: Double) -> Double {
        var reciprocal = 0.0
        for k in 0..<columns {
            // exp(±0) is exactly 1: z_j's own term (and any equal one) needs no call.
            let shifted = z[k] - z[j]
            reciprocal += shifted == 0 ? 1 : exp(shifted)
        }
        return scale * (-y * reciprocal)
    }

    /// (1 − y)(1 + e^z) − y(1 + e^−z), leaving out a term whose factor is 0 (so e^800 never meets 0).
    static func binaryFromLogit(_ z: Double, _ y: Double) -> Double {
        (y == 1 ? 0 : (1 - y) * (1 + exp(z))) - (y == 0 ? 0 : y * (1 + exp(-z)))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        elementwise { LossGradient.compute(loss, reduction, prediction: $0, logits: $1, target: $2, into: $3, rows: $4, columns: $5) }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let divisor = loss.outputDivisor(prediction.value.columns, reduction)
        func averaged(_ e: Expression) -> Expression { divisor == 1 ? e : .quotient(e, .number(divisor)) }
        if let z = logits, Extremes.nearZeroOrOne(prediction.value[r, c]) {
            let y = read(target, r, c), zc = read(z, r, c)
            switch loss {
            case .crossEntropy:
                let terms: [Expression] = (0..<z.value.columns).map { .call(.exp, [.difference(read(z, r, $0), zc)]) }
                return [context.batchMean(.negation(.product([y, .sum(terms)])), reduction)]
            case .binaryCrossEntropy:
                let body = Expression.difference(.product([.difference(.number(1), y), .sum([.number(1), .call(.exp, [zc])])]),
                                                 .product([y, .sum([.number(1), .call(.exp, [zc.negated])])]))
                return [context.batchMean(averaged(body), reduction)]
            default: break
            }
        }
        let p = read(prediction, r, c), y = read(target, r, c)
        let body: Expression
        switch loss {
        case .crossEntropy: body = .negation(.quotient(y, p))
        case .binaryCrossEntropy:
            let denominator: [Expression] = (divisor == 1 ? [] : [.number(divisor)]) + [p, .difference(.number(1), p)]
            body = .quotient(.difference(p, y), .product(denominator))
        case .mse: body = averaged(.product([.number(2), .difference(p, y)]))
        case .sse: body = .product([.number(2), .difference(p, y)])
        case .halfSSE: body = .difference(p, y)
        }
        return [context.batchMean(body, reduction)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        if let z = logits, Extremes.nearZeroOrOne(prediction.value[r, c]) {
            read(target, r, c)
            read(z, r, c)
            switch loss {
            case .crossEntropy:
                for k in 0..<z.value.columns { read(z, r, k) }
                return
            case .binaryCrossEntropy: return
            default: break
            }
        }
        read(prediction, r, c)
        read(target, r, c)
    }
}
