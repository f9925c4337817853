/// The arithmetic of an iteration on raw row-major buffers, shared by the `Matrix` methods
/// and `Network.iterate`, so that every path (traced, untraced, a single product) rounds alike.
///
/// Every product element is a sum over k in increasing order starting from 0, the order of
/// a hand calculation; terms whose left factor is 0 are skipped (half of a relu layer),
/// which changes nothing but the sign of a zero sum. Blocking eight k at a time keeps that
/// order: it only saves reloading the output row.
enum Kernel {
    /// `c (m×n) = a (m×p) · b (p×n)`.
    static func multiply(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int) {
        accumulate(a, rowStride: p, columnStride: 1, b, into: c, m: m, p: p, n: n)
    }

    /// `c (m×n) = aᵀ · b`, where `a` is p×m.
    static func multiply(transposeOf a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int) {
        accumulate(a, rowStride: 1, columnStride: m, b, into: c, m: m, p: p, n: n)
    }

    /// `c (m×n) = a · bᵀ`, where `b` is n×p.
    static func multiply(_ a: UnsafePointer<Double>, transposeOf b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int) {
        guard m > 1 else {
            // One row: dot products in the blocked path's order, four at a time to overlap their latency.
            var j = 0
            while j + 4 <= n {
                let (b0, b1, b2, b3) = (b + j * p, b + (j + 1) * p, b + (j + 2) * p, b + (j + 3) * p)
                var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                for k in 0..<p where a[k] != 0 {
                    s0 += a[k] * b0[k]
                    s1 += a[k] * b1[k]
                    s2 += a[k] * b2[k]
                    s3 += a[k] * b3[k]
                }
                (c[j], c[j + 1], c[j + 2], c[j + 3]) = (s0, s1, s2, s3)
                j += 4
            }
            for j in j..<n {
                let bRow = b + j * p
                var sum = 0.0
                for k in 0..<p where a[k] != 0 { sum += a[k] * bRow[k] }
                c[j] = sum
            }
            return
        }
        // Several rows: transposing b once lets the inner loop run along contiguous rows.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: p * n) { t in
            let bt = t.baseAddress!
            for j in 0..<n { for k in 0..<p { bt[k * n + j] = b[j * p + k] } }
            accumulate(a, rowStride: p, columnStride: 1, bt, into: c, m: m, p: p, n: n)
        }
    }

    /// `c = a · b` with a read through strides; b and c contiguous row-major.
    private static func accumulate(_ a: UnsafePointer<Double>, rowStride: Int, columnStride: Int,
                                   _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, m: Int, p: Int, n: Int) {
        guard m > 0, n > 0 else { return }
        c.update(repeating: 0, count: m * n)
        guard p > 0 else { return }
        withUnsafeTemporaryAllocation(of: UnsafePointer<Double>.self, capacity: p) { rows in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: p) { factors in
                for i in 0..<m {
                    // The nonzero factors of row i, and the rows of b they scale.
                    var count = 0
                    for k in 0..<p {
                        let factor = a[i * rowStride + k * columnStride]
                        if factor != 0 {
                            factors[count] = factor
                            rows[count] = b + k * n
                            count += 1
                        }
                    }
                    let cRow = c + i * n
                    var t = 0
                    while t + 8 <= count {
                        let (a0, a1, a2, a3) = (factors[t], factors[t + 1], factors[t + 2], factors[t + 3])
                        let (a4, a5, a6, a7) = (factors[t + 4], factors[t + 5], factors[t + 6], factors[t + 7])
                        let (b0, b1, b2, b3) = (rows[t], rows[t + 1], rows[t + 2], rows[t + 3])
                        let (b4, b5, b6, b7) = (rows[t + 4], rows[t + 5], rows[t + 6], rows[t + 7])
                        for j in 0..<n {
                            var sum = cRow[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j]
                            sum = sum + a4 * b4[j] + a5 * b5[j] + a6 * b6[j] + a7 * b7[j]
                            cRow[j] = sum
                        }
                        t += 8
                    }
                    while t < count {
                        let (a0, b0) = (factors[t], rows[t])
                        for j in 0..<n { cRow[j] = cRow[j] + a0 * b0[j] }
                        t += 1
                    }
                }
            }
        }
    }
}
