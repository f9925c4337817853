import Foundation

/// ∂L/∂z of the output layer in the closed form of its loss: ŷ·Σy − y for softmax with
/// cross-entropy (ŷ − y when the target sums to 1), (ŷ − y)/n for sigmoid with binary cross-entropy.
///
/// Where ŷ is near 1 the difference ŷ − y cancels, so the forms used are in the logits and never
/// subtract nearly equal numbers: for the largest logit m, ŷₘ·Σy − yₘ = (Σ_{k≠m} yₖ − yₘ·S)/(1 + S)
/// with S = Σ_{k≠m} e^(zₖ − m); for sigmoid, ŷ − y = (1 − y)·σ(z) − y·σ(−z).
public struct OutputGradient: LossFamily {
    public var loss: Loss
    public var reduction: Reduction
    public var prediction: Operand
    public var target: Operand
    /// z of the output layer.
    public var logits: Operand?

    /// `dz (rows × columns)` on raw buffers; the engine's only fused output gradient. `shapes`, when
    /// given, holds each row's `Softmax` of the logits, taken already (`Activation.softmax`).
    static func compute(_ loss: Loss, _ reduction: Reduction, prediction p: UnsafePointer<Double>, logits z: UnsafePointer<Double>?,
                        target y: UnsafePointer<Double>, into dz: UnsafeMutablePointer<Double>, rows: Int, columns: Int,
                        shapes: UnsafePointer<Softmax>? = nil) {
        let scale = reduction.factor(batch: rows), divisor = loss.outputDivisor(columns, reduction)
        for s in 0..<rows {
            let o = s * columns
            if loss == .crossEntropy {
                var targetSum = 0.0
                for j in 0..<columns { targetSum += y[o + j] }
                for j in 0..<columns { dz[o + j] = scale * (p[o + j] * targetSum - y[o + j]) }
                if let z {
                    let shape = shapes?[s] ?? Softmax(UnsafeBufferPointer(start: z + o, count: columns)), m = shape.top
                    var rest = 0.0
                    for k in 0..<columns where k != m { rest += y[o + k] }
                    dz[o + m] = scale * ((rest - y[o + m] * shape.others) / (1 + shape.others))
                }
            } else {
                for j in 0..<columns {
                    let i = o + j
                    let difference = z.map { binaryDifference($0[i], y[i]) } ?? p[i] - y[i]
                    dz[i] = scale * (difference / divisor)
                }
            }
        }
    }

    /// σ(z) − y as (1 − y)·σ(z) − y·σ(−z), leaving out a term whose factor is 0.
    static func binaryDifference(_ z: Double, _ y: Double) -> Double {
        (y == 1 ? 0 : (1 - y) * Activation.sigmoid(z)) - (y == 0 ? 0 : y * Activation.sigmoid(-z))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        elementwise { OutputGradient.compute(loss, reduction, prediction: $0, logits: $1, target: $2, into: $3, rows: $4, columns: $5) }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let divisor = loss.outputDivisor(prediction.value.columns, reduction)
        if let z = logits, Extremes.nearZeroOrOne(prediction.value[r, c]) {
            if loss == .crossEntropy {
                let shape = Softmax(z.value.row(r)), m = shape.top
                if c == m {
                    let others = (0..<z.value.columns).filter { $0 != m }
                    let zm = read(z, r, m)
                    let S = Expression.total(others.map { .call(.exp, [.difference(read(z, r, $0), zm)]) })
                    let rest = Expression.total(others.map { read(target, r, $0) })
                    return [context.batchMean(.quotient(.difference(rest, .product([read(target, r, m), S])), .sum([.number(1), S])), reduction)]
                }
            } else {
                let y = read(target, r, c), zc = read(z, r, c)
                let body = Expression.difference(.product([.difference(.number(1), y), .call(.sigmoid, [zc])]),
                                                 .product([y, .call(.sigmoid, [zc.negated])]))
                return [context.batchMean(divisor == 1 ? body : .quotient(body, .number(divisor)), reduction)]
            }
        }
        let p = read(prediction, r, c), y = read(target, r, c)
        let body: Expression
        if loss == .crossEntropy {
            let total = target.value.row(r).reduce(0, +)
            for k in 0..<target.value.columns where k != c { read.note(target, r, k) }
            body = total == 1 ? .difference(p, y) : .difference(.product([p, .number(total)]), y)
        } else {
            body = divisor == 1 ? .difference(p, y) : .quotient(.difference(p, y), .number(divisor))
        }
        return [context.batchMean(body, reduction)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        if let z = logits, Extremes.nearZeroOrOne(prediction.value[r, c]) {
            if loss == .crossEntropy {
                let m = Softmax(z.value.row(r)).top
                if c == m {
                    read(z, r, m)
                    for k in 0..<z.value.columns where k != m { read(z, r, k) }
                    for k in 0..<z.value.columns where k != m { read(target, r, k) }
                    read(target, r, m)
                    return
                }
            } else {
                read(target, r, c)
                read(z, r, c)
                return
            }
        }
        read(prediction, r, c)
        read(target, r, c)
        if loss == .crossEntropy { for k in 0..<target.value.columns where k != c { read(target, r, k) } }
    }
}
