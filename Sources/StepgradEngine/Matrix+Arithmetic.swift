// The few matrix operations a dense network needs, written as tight loops:
// the benchmark holds them against NumPy.

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
        var result = Matrix(rows: rows, columns: other.columns)
        let n = other.columns, inner = columns
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        let cRow = c.baseAddress! + i * n
                        for k in 0..<inner {
                            let aik = a[i * inner + k]
                            if aik == 0 { continue }
                            let bRow = b.baseAddress! + k * n
                            for j in 0..<n { cRow[j] += aik * bRow[j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// `self · otherᵀ`, without forming the transpose.
    public func multiplied(byTransposeOf other: Matrix) -> Matrix {
        precondition(columns == other.columns, "matmul \(shape) · \(other.shape)ᵀ")
        var result = Matrix(rows: rows, columns: other.rows)
        let n = other.rows, inner = columns
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        let aRow = a.baseAddress! + i * inner
                        for j in 0..<n {
                            let bRow = b.baseAddress! + j * inner
                            var sum = 0.0
                            for k in 0..<inner { sum += aRow[k] * bRow[k] }
                            c[i * n + j] = sum
                        }
                    }
                }
            }
        }
        return result
    }

    /// `selfᵀ · other`, without forming the transpose.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows, "matmul \(shape)ᵀ · \(other.shape)")
        var result = Matrix(rows: columns, columns: other.columns)
        let m = columns, n = other.columns
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    for k in 0..<rows {
                        let bRow = b.baseAddress! + k * n
                        for i in 0..<m {
                            let aki = a[k * m + i]
                            if aki == 0 { continue }
                            let cRow = c.baseAddress! + i * n
                            for j in 0..<n { cRow[j] += aki * bRow[j] }
                        }
                    }
                }
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
