import Foundation

/// One scalar of an operation's result with the arithmetic that produced it,
/// e.g. `z₀ = 0.3·1 + (−0.6)·3 + (−1)·0 + 0.1 = −1.4`.
public struct Element: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    /// Successive equal forms: symbolic with numbers substituted, then partial results.
    public var steps: [Expression]
    public var value: Double
    /// The operand cells this element read, for highlighting the flow of a step.
    public var reads: [CellReference]
}

extension Operation {
    public var elements: [Element] { (0..<elementCount).map { element(at: cell(at: $0)) } }

    public func element(at cell: Cell) -> Element {
        let (steps, reads) = expansion(cell.row, cell.column)
        return Element(quantity: quantity, cell: cell, steps: steps, value: result[cell.row, cell.column], reads: reads)
    }

    private func expansion(_ r: Int, _ c: Int) -> ([Expression], [CellReference]) {
        var reads: [CellReference] = []
        /// A number read from operand `kind` at (row, column), remembered for highlighting.
        func read(_ operand: Operand, _ row: Int, _ column: Int) -> Expression {
            reads.append(CellReference(operand.quantity, Cell(row, column)))
            return .number(operand.value[row, column])
        }
        func the(_ kind: Quantity.Kind) -> Operand { operand(kind)! }
        let batchScale = context.batch > 1 ? 1 / Double(context.batch) : 1

        switch rule {
        case .affine:
            let W = the(.W), input = layerInput
            let transposed = context.convention == .wtx
            var terms: [Expression] = (0..<input.value.columns).map { k in
                .product([transposed ? read(W, k, c) : read(W, c, k), read(input, r, k)])
            }
            if let b = operand(.b) { terms.append(read(b, 0, c)) }
            return ([.sum(terms)], reads)

        case .activation(let f):
            let z = the(.z)
            let zv = read(z, r, c), v = z.value[r, c]
            switch f {
            case .identity: return ([zv], reads)
            case .relu: return ([.call(.max, [.number(0), zv])], reads)
            case .leakyRelu(let s): return (v > 0 ? [zv] : [.product([.number(s), zv])], reads)
            case .sigmoid:
                return ([.call(.sigmoid, [zv]), .quotient(.number(1), .sum([.number(1), .call(.exp, [.number(-v)])]))], reads)
            case .tanh: return ([.call(.tanh, [zv])], reads)
            case .softmax:
                let row = (0..<z.value.columns).map { read(z, r, $0) }
                let top = z.value.row(r).max() ?? 0
                let exps = z.value.row(r).map { exp($0 - top) * exp(top) }
                return ([.quotient(.call(.exp, [row[c]]), .sum(row.map { .call(.exp, [$0]) })),
                         .quotient(.number(exps[c]), .number(exps.reduce(0, +)))], reads)
            }

        case .loss(let loss, let reduction):
            let p = the(.a), y = the(.y)
            var symbolic: [Expression] = [], numeric: [Expression] = []
            for s in 0..<p.value.rows {
                symbolic.append(perSampleLoss(loss, s, p: p, y: y, read: read))
                numeric.append(.number(loss.value(prediction: p.value.row(s), target: y.value.row(s))))
            }
            guard p.value.rows > 1 else { return ([symbolic[0]], reads) }
            let wrap: ([Expression]) -> Expression = { terms in
                reduction == .mean ? .product([.quotient(.number(1), .number(Double(terms.count))), .sum(terms)]) : .sum(terms)
            }
            return ([wrap(symbolic), wrap(numeric)], reads)

        case .lossGradient(let loss, _):
            let p = read(the(.a), r, c), y = read(the(.y), r, c)
            let n = Double(the(.a).value.columns)
            let body: Expression
            switch loss {
            case .crossEntropy: body = .negation(.quotient(y, p))
            case .binaryCrossEntropy:
                body = .quotient(.difference(p, y), .product([.number(n), p, .difference(.number(1), p)]))
            case .mse: body = .quotient(.product([.number(2), .difference(p, y)]), .number(n))
            case .sse: body = .product([.number(2), .difference(p, y)])
            case .halfSSE: body = .difference(p, y)
            }
            return ([scaledByBatch(body, batchScale)], reads)

        case .fusedOutputGradient(let loss, _):
            let pOperand = the(.a), yOperand = the(.y)
            let p = read(pOperand, r, c), y = read(yOperand, r, c)
            let body: Expression
            if loss == .crossEntropy {
                let total = yOperand.value.row(r).reduce(0, +)
                for k in 0..<yOperand.value.columns where k != c { reads.append(CellReference(yOperand.quantity, Cell(r, k))) }
                body = total == 1 ? .difference(p, y) : .difference(.product([p, .number(total)]), y)
            } else {
                body = .quotient(.difference(p, y), .number(Double(pOperand.value.columns)))
            }
            return ([scaledByBatch(body, batchScale)], reads)

        case .activationGradient(let f):
            let da = the(.da), a = the(.a), z = the(.z)
            let d = read(da, r, c)
            switch f {
            case .softmax:
                let dot: [Expression] = (0..<da.value.columns).map { .product([read(da, r, $0), read(a, r, $0)]) }
                return ([.product([read(a, r, c), .difference(d, .sum(dot))])], reads)
            case .sigmoid:
                let av = read(a, r, c)
                return ([.product([d, av, .difference(.number(1), av)])], reads)
            case .tanh:
                return ([.product([d, .difference(.number(1), .square(read(a, r, c)))])], reads)
            default:
                let zv = z.value[r, c]
                _ = read(z, r, c)
                return ([.product([d, .number(f.derivative(z: zv, a: a.value[r, c]))])], reads)
            }

        case .weightGradient:
            let dz = the(.dz), input = layerInput
            let transposed = context.convention == .wtx
            let terms: [Expression] = (0..<dz.value.rows).map { s in
                transposed ? .product([read(input, s, r), read(dz, s, c)]) : .product([read(dz, s, r), read(input, s, c)])
            }
            return ([terms.count == 1 ? terms[0] : .sum(terms)], reads)

        case .biasGradient:
            let dz = the(.dz)
            let terms = (0..<dz.value.rows).map { read(dz, $0, c) }
            return ([terms.count == 1 ? terms[0] : .sum(terms)], reads)

        case .inputGradient:
            let W = the(.W), dz = the(.dz)
            let transposed = context.convention == .wtx
            let terms: [Expression] = (0..<dz.value.columns).map { j in
                .product([transposed ? read(W, c, j) : read(W, j, c), read(dz, r, j)])
            }
            return ([.sum(terms)], reads)

        case .sgd(let s):
            let p = operands[0], g = operands[1]
            let pv = read(p, r, c)
            var gradient = read(g, r, c)
            if s.weightDecay != 0 { gradient = .sum([gradient, .product([.number(s.weightDecay), pv])]) }
            if let buffer = operand(.velocity) { gradient = read(buffer, r, c) }
            return ([.difference(pv, .product([.number(s.learningRate), gradient]))], reads)

        case .adam(let a, let step):
            let p = operands[0]
            let pv = read(p, r, c)
            _ = read(operands[1], r, c)
            let m = read(the(.m), r, c), v = read(the(.v), r, c)
            let c1 = 1 - pow(a.beta1, Double(step)), c2 = 1 - pow(a.beta2, Double(step))
            let update = Expression.product([
                .quotient(.number(a.learningRate), .number(c1)),
                .quotient(m, .sum([.quotient(.call(.sqrt, [v]), .call(.sqrt, [.number(c2)])), .number(a.epsilon)])),
            ])
            return ([.difference(pv, update)], reads)
        }
    }

    /// Prefixes `(1/B)·` when the loss is a mean over a batch, for ∂L/∂ŷ and the fused ∂L/∂z alike.
    private func scaledByBatch(_ body: Expression, _ scale: Double) -> Expression {
        switch rule {
        case .lossGradient(_, .mean), .fusedOutputGradient(_, .mean):
            return scale == 1 ? body : .product([.quotient(.number(1), .number(Double(context.batch))), body])
        default:
            return body
        }
    }

    private func perSampleLoss(_ loss: Loss, _ s: Int, p: Operand, y: Operand,
                               read: (Operand, Int, Int) -> Expression) -> Expression {
        let n = p.value.columns
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
