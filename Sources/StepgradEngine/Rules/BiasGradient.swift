/// db = Σₛ dzₛ.
public struct BiasGradient: RuleFamily {
    public var dz: Operand

    public init(dz: Operand) { self.dz = dz }

    var operands: [Operand] { [dz] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> BiasGradient { BiasGradient(dz: transform(dz)) }

    /// On raw buffers; the engine's only bias-gradient arithmetic.
    static func compute(dz: UnsafePointer<Double>, into db: UnsafeMutablePointer<Double>, rows: Int, units: Int) {
        Kernel.columnSums(dz, rows: rows, columns: units, into: db)
        withUnsafePointer(to: 1.0) { one in
            PaperZero.snap(db, m: 1, n: units, p: rows, .init(base: one, row: 0, column: 0), .init(base: dz, row: units, column: 1))
        }
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let d = dz.value
        return Matrix.computed(rows: 1, columns: d.columns) { db in
            d.withPointer { BiasGradient.compute(dz: $0, into: db, rows: d.rows, units: d.columns) }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        [.total((0..<dz.value.rows).map { read(dz, $0, c) })]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        for s in 0..<dz.value.rows { read(dz, s, c) }
    }
}
