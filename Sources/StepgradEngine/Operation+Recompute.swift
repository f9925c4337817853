import Foundation

extension Operation {
    /// The same step evaluated on other operand values — typically a student's own earlier answers —
    /// so that a marker can follow an earlier error through ("error carried forward") and show the
    /// arithmetic with the student's numbers: the returned operation's `elements` expand it.
    ///
    /// Operands not named in `values` keep their recorded value. Returns `nil` when a substituted
    /// value does not have the operand's shape, so that user data can never reach a shape trap.
    public func recomputed(substituting values: [Quantity: Matrix]) -> Operation? {
        var copy = self
        for i in copy.operands.indices {
            guard let value = values[copy.operands[i].quantity] else { continue }
            guard value.shape == copy.operands[i].value.shape else { return nil }
            copy.operands[i].value = value
        }
        copy.result = copy.evaluated()
        return copy
    }

    /// The rule applied to the current operands, by the same arithmetic as `Network.iterate`.
    func evaluated() -> Matrix {
        let transposed = context.convention == .wtx
        switch rule {
        case .affine:
            let W = value(.W), input = layerInput.value
            let z = transposed ? input.multiplied(by: W) : input.multiplied(byTransposeOf: W)
            return operand(.b).map { z.addingRow($0.value) } ?? z

        case .activation(let f):
            return f.apply(value(.z))

        case .loss(let loss, let reduction):
            let p = value(.a), y = value(.y)
            var total = 0.0
            for s in 0..<p.rows { total += loss.value(prediction: p.row(s), target: y.row(s)) }
            return Matrix(rows: 1, columns: 1, repeating: total * reduction.factor(batch: p.rows))

        case .lossGradient(let loss, let reduction):
            let p = value(.a), y = value(.y)
            let scale = reduction.factor(batch: p.rows)
            return p.zipMap(y) { scale * loss.gradient(prediction: $0, target: $1, outputs: p.columns) }

        case .fusedOutputGradient(let loss, let reduction):
            // As `Workspace.backward`: softmax + CE gives ŷ·Σy − y, sigmoid + BCE (ŷ − y)/n.
            let p = value(.a), y = value(.y), scale = reduction.factor(batch: p.rows)
            var dz = p
            for s in 0..<p.rows {
                let targetSum = loss == .crossEntropy ? y.row(s).reduce(0, +) : 1
                let perOutput = loss == .binaryCrossEntropy ? 1 / Double(p.columns) : 1
                for j in 0..<p.columns { dz[s, j] = scale * perOutput * (p[s, j] * targetSum - y[s, j]) }
            }
            return dz

        case .activationGradient(let f):
            let da = value(.da), z = value(.z), a = value(.a)
            var dz = da
            da.elements.withUnsafeBufferPointer { daBuffer in
                z.elements.withUnsafeBufferPointer { zBuffer in
                    a.elements.withUnsafeBufferPointer { aBuffer in
                        dz.elements.withUnsafeMutableBufferPointer { out in
                            guard let d = daBuffer.baseAddress, let zp = zBuffer.baseAddress, let ap = aBuffer.baseAddress,
                                  let o = out.baseAddress else { return }
                            f.gradient(da: d, z: zp, a: ap, into: o, rows: da.rows, columns: da.columns)
                        }
                    }
                }
            }
            return dz

        case .weightGradient:
            let dz = value(.dz), input = layerInput.value
            return transposed ? input.transposeMultiplied(by: dz) : dz.transposeMultiplied(by: input)

        case .biasGradient:
            return value(.dz).columnSums

        case .inputGradient:
            let W = value(.W), dz = value(.dz)
            return transposed ? dz.multiplied(byTransposeOf: W) : dz.multiplied(by: W)

        case .sgd(let s):
            let p = operands[0].value, g = operands[1].value
            let decayed = s.weightDecay == 0 ? g : g.zipMap(p) { $0 + s.weightDecay * $1 }
            let step = operand(.velocity)?.value ?? decayed
            return p.zipMap(step) { $0 - s.learningRate * $1 }

        case .adam(let a, let t):
            let p = operands[0].value, m = value(.m), v = value(.v)
            let c1 = 1 - pow(a.beta1, Double(t)), c2 = 1 - pow(a.beta2, Double(t))
            var result = p
            for i in 0..<result.count {
                let denominator = v.elements[i].squareRoot() / c2.squareRoot() + a.epsilon
                result.elements[i] -= a.learningRate / c1 * m.elements[i] / denominator
            }
            return result
        }
    }
}
