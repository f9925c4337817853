/// dW = Σₛ dzₛ·aₛᵀ (convention Wx) or Σₛ aₛ·dzₛᵀ (WTx): the weights' layout, summed over the batch.
public struct WeightGradient: RuleFamily {
    public var dz: Operand
    /// x for the first layer, the activation of the layer below otherwise.
    public var input: Operand

    public init(dz: Operand, input: Operand) {
        self.dz = dz
        self.input = input
    }

    var operands: [Operand] { [dz, input] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> WeightGradient {
        WeightGradient(dz: transform(dz), input: transform(input))
    }

    /// On raw buffers; the engine's only weight-gradient arithmetic.
    static func compute(dz: UnsafePointer<Double>, input: UnsafePointer<Double>, into dW: UnsafeMutablePointer<Double>,
                        rows: Int, inputs: Int, units: Int, convention: Convention) {
        if convention == .wx {
            Kernel.multiply(transposeOf: dz, input, into: dW, m: units, p: rows, n: inputs)
            PaperZero.snap(dW, m: units, n: inputs, p: rows, .init(base: dz, row: 1, column: units),
                           .init(base: input, row: inputs, column: 1))
        } else {
            Kernel.multiply(transposeOf: input, dz, into: dW, m: inputs, p: rows, n: units)
            PaperZero.snap(dW, m: inputs, n: units, p: rows, .init(base: input, row: 1, column: inputs),
                           .init(base: dz, row: units, column: 1))
        }
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let rows = dz.value.rows, units = dz.value.columns, inputs = input.value.columns
        let shape = context.convention.weightShape(inputs: inputs, units: units)
        return Matrix.computed(rows: shape.rows, columns: shape.columns) { dW in
            dz.value.withPointer { d in
                input.value.withPointer { x in
                    WeightGradient.compute(dz: d, input: x, into: dW, rows: rows, inputs: inputs, units: units, convention: context.convention)
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let transposed = context.convention == .wtx
        let terms: [Expression] = (0..<dz.value.rows).map { s in
            transposed ? .product([read(input, s, r), read(dz, s, c)]) : .product([read(dz, s, r), read(input, s, c)])
        }
        return [.total(terms)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        let transposed = context.convention == .wtx
        for s in 0..<dz.value.rows {
            if transposed {
                read(input, s, r)
                read(dz, s, c)
            } else {
                read(dz, s, r)
                read(input, s, c)
            }
        }
    }
}
