// The few matrix operations a dense network needs; the products run on `Kernel`,
// which the benchmark holds against NumPy.

extension Matrix {
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        elements.withUnsafeBufferPointer { a in
            result.elements.withUnsafeMutableBufferPointer { t in
                for i in 0..<rows { for j in 0..<columns { t[j * rows + i] = a[i * columns + j] } }
            }
        }
        return result
    }

    /// `self · other`.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "matmul \(shape) · \(other.shape)")
        return product(other, rows: rows, columns: other.columns) { a, b, c in
            Kernel.multiply(a, b, into: c, m: rows, p: columns, n: other.columns)
        }
    }

    /// `self · otherᵀ`, without forming the transpose.
    public func multiplied(byTransposeOf other: Matrix) -> Matrix {
        precondition(columns == other.columns, "matmul \(shape) · \(other.shape)ᵀ")
        return product(other, rows: rows, columns: other.rows) { a, b, c in
            Kernel.multiply(a, transposeOf: b, into: c, m: rows, p: columns, n: other.rows)
        }
    }

    /// `selfᵀ · other`, without forming the transpose.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows, "matmul \(shape)ᵀ · \(other.shape)")
        return product(other, rows: columns, columns: other.columns) { a, b, c in
            Kernel.multiply(transposeOf: a, b, into: c, m: columns, p: rows, n: other.columns)
        }
    }

    private func product(_ other: Matrix, rows: Int, columns: Int,
                         _ kernel: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        guard !elements.isEmpty, !other.elements.isEmpty, !result.elements.isEmpty else { return result }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in kernel(a.baseAddress!, b.baseAddress!, c.baseAddress!) }
            }
        }
        return result
    }

    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: elements.map(transform))
    }

    public func zipMap(_ other: Matrix, _ combine: (Double, Double) -> Double) -> Matrix {
        precondition(shape == other.shape, "elementwise \(shape) vs \(other.shape)")
        var result = self
        result.elements.withUnsafeMutableBufferPointer { r in
            other.elements.withUnsafeBufferPointer { o in
                for i in 0..<r.count { r[i] = combine(r[i], o[i]) }
            }
        }
        return result
    }

    /// Adds a `1 × columns` row to every row.
    public func addingRow(_ row: Matrix) -> Matrix {
        precondition(row.rows == 1 && row.columns == columns, "broadcast \(row.shape) onto \(shape)")
        var result = self
        result.elements.withUnsafeMutableBufferPointer { r in
            row.elements.withUnsafeBufferPointer { b in
                for i in 0..<rows { for j in 0..<columns { r[i * columns + j] += b[j] } }
            }
        }
        return result
    }

    /// The sum of the rows, as a `1 × columns` matrix (a bias gradient over the batch).
    public var columnSums: Matrix {
        var result = Matrix(rows: 1, columns: columns)
        for i in 0..<rows { for j in 0..<columns { result.elements[j] += self[i, j] } }
        return result
    }

    public func scaled(by factor: Double) -> Matrix { map { $0 * factor } }

    public var maxMagnitude: Double { elements.reduce(0) { Swift.max($0, Swift.abs($1)) } }
}

extension Matrix {
    /// `self · other` written into `result`, whose storage is reused when it has the right shape:
    /// the product without an allocation, for loops that keep their buffers.
    public func multiply(_ other: Matrix, into result: inout Matrix) {
        precondition(columns == other.rows, "matmul \(shape) · \(other.shape)")
        if result.shape != Shape(rows: rows, columns: other.columns) { result = Matrix(rows: rows, columns: other.columns) }
        guard !elements.isEmpty, !other.elements.isEmpty, !result.elements.isEmpty else {
            result.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    Kernel.multiply(a.baseAddress!, b.baseAddress!, into: c.baseAddress!, m: rows, p: columns, n: other.columns)
                }
            }
        }
    }

    /// Which code path the products take on this machine, for the benchmark.
    public static var kernelPath: String { "\(KernelPath.chosen), chosen at run time" }
}
