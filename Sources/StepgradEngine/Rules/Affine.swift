/// z = W·a + b (convention Wx) or z = Wᵀ·a + b (WTx), one row per sample.
public struct Affine: RuleFamily {
    public var weights: Operand
    /// x for the first layer, the activation of the layer below otherwise.
    public var input: Operand
    public var bias: Operand?

    public init(weights: Operand, input: Operand, bias: Operand?) {
        self.weights = weights
        self.input = input
        self.bias = bias
    }

    var operands: [Operand] { [weights, input] + (bias.map { [$0] } ?? []) }

    func replacingOperands(_ transform: (Operand) -> Operand) -> Affine {
        Affine(weights: transform(weights), input: transform(input), bias: bias.map(transform))
    }

    /// `z (rows × units) = x·Wᵀ + b` or `x·W + b` on raw buffers; the engine's only affine arithmetic.
    static func compute(weights w: UnsafePointer<Double>, input x: UnsafePointer<Double>, bias b: UnsafePointer<Double>?,
                        into z: UnsafeMutablePointer<Double>, rows: Int, inputs: Int, units: Int, convention: Convention) {
        if convention == .wx {
            Kernel.multiply(x, transposeOf: w, into: z, m: rows, p: inputs, n: units)
        } else {
            Kernel.multiply(x, w, into: z, m: rows, p: inputs, n: units)
        }
        if let b {
            for s in 0..<rows {
                let row = z + s &* units
                for j in 0..<units { row[j] += b[j] }
            }
        }
        let transposed = convention == .wtx
        PaperZero.snap(z, m: rows, n: units, p: inputs, bias: b, .init(base: x, row: inputs, column: 1),
                       transposed ? .init(base: w, row: units, column: 1) : .init(base: w, row: 1, column: inputs))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let rows = input.value.rows, inputs = input.value.columns
        let units = context.convention == .wx ? weights.value.rows : weights.value.columns
        return Matrix.computed(rows: rows, columns: units) { z in
            weights.value.withPointer { w in
                input.value.withPointer { x in
                    Matrix.withOptionalPointer(bias?.value) { b in
                        Affine.compute(weights: w, input: x, bias: b, into: z, rows: rows, inputs: inputs, units: units,
                                       convention: context.convention)
                    }
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let transposed = context.convention == .wtx
        var terms: [Expression] = (0..<input.value.columns).map { k in
            .product([transposed ? read(weights, k, c) : read(weights, c, k), read(input, r, k)])
        }
        if let bias { terms.append(read(bias, 0, c)) }
        return [.sum(terms)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        let transposed = context.convention == .wtx
        for k in 0..<input.value.columns {
            if transposed { read(weights, k, c) } else { read(weights, c, k) }
            read(input, r, k)
        }
        if let bias { read(bias, 0, c) }
    }
}
