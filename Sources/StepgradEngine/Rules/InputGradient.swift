/// da of the layer below: dz·W (convention Wx) or dz·Wᵀ (WTx), one row per sample.
public struct InputGradient: RuleFamily {
    /// The weights of the layer above.
    public var weights: Operand
    /// ∂L/∂z of the layer above.
    public var dz: Operand

    public init(weights: Operand, dz: Operand) {
        self.weights = weights
        self.dz = dz
    }

    var operands: [Operand] { [weights, dz] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> InputGradient {
        InputGradient(weights: transform(weights), dz: transform(dz))
    }

    /// On raw buffers; the engine's only input-gradient arithmetic.
    static func compute(weights w: UnsafePointer<Double>, dz: UnsafePointer<Double>, into da: UnsafeMutablePointer<Double>,
                        rows: Int, above: Int, units: Int, convention: Convention) {
        if convention == .wx {
            Kernel.multiply(dz, w, into: da, m: rows, p: above, n: units)
        } else {
            Kernel.multiply(dz, transposeOf: w, into: da, m: rows, p: above, n: units)
        }
        let transposed = convention == .wtx
        PaperZero.snap(da, m: rows, n: units, p: above, .init(base: dz, row: above, column: 1),
                       transposed ? .init(base: w, row: 1, column: above) : .init(base: w, row: units, column: 1))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let rows = dz.value.rows, above = dz.value.columns
        let units = context.convention == .wx ? weights.value.columns : weights.value.rows
        return Matrix.computed(rows: rows, columns: units) { da in
            weights.value.withPointer { w in
                dz.value.withPointer { d in
                    InputGradient.compute(weights: w, dz: d, into: da, rows: rows, above: above, units: units, convention: context.convention)
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let transposed = context.convention == .wtx
        let terms: [Expression] = (0..<dz.value.columns).map { j in
            .product([transposed ? read(weights, c, j) : read(weights, j, c), read(dz, r, j)])
        }
        return [.sum(terms)]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        let transposed = context.convention == .wtx
        for j in 0..<dz.value.columns {
            if transposed { read(weights, c, j) } else { read(weights, j, c) }
            read(dz, r, j)
        }
    }
}
