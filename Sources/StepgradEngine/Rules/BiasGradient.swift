/// db = Σₛ dzₛ.
public struct BiasGradient: RuleFamily {
    public var dz: Operand

    public init(dz: Operand) { self.dz = dz }

    var operands: [Operand] { [dz] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> BiasGradient { BiasGradient(dz: transform(dz)) }

    /// On raw buffers; the engine's only bias-gradient arithmetic.
    ///
    /// Each term is 1·dz, so PaperZero's Σ|terms| is the column's Σ|dz|, taken in the same pass:
    /// no bound to stand in for it. (A bias gradient tends to 0 as training settles, so its sums are
    /// often small enough that a bound would send them to be added up again, one at a time.)
    static func compute(dz: UnsafePointer<Double>, into db: UnsafeMutablePointer<Double>, rows: Int, units: Int) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: units) { magnitudes in
            Kernel.columnSums(dz, rows: rows, columns: units, into: db, magnitudes: magnitudes.baseAddress!)
            for j in 0..<units where db[j] != 0 { db[j] = PaperZero.snapped(db[j], magnitude: magnitudes[j]) }
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
