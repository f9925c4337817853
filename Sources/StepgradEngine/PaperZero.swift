import CStepgradKernel

/// Zero on paper is zero. A sum whose exact decimal value is 0 — `0.1·1 + 0.2·1 + (−0.3)` —
/// comes out of binary arithmetic as a residue of a few ulps (5.55e−17), and then relu′ of it is 1
/// where a student, rightly, writes 0. So a sum whose magnitude is at most `ulps` units in the last
/// place of the sum of its terms' magnitudes is taken to be exactly 0: a value that small is within
/// the rounding of the sum itself, so no digit of it means anything.
///
/// Every sum of the engine follows the rule: the products and bias sums of z, da, dW and db, and
/// the two-term sums of the updates.
enum PaperZero {
    /// How far from 0, in ulps of Σ|terms|, a sum still counts as 0.
    static let ulps = 4.0

    /// Products of at most this many multiplications (m·n·p) skip the bounds (see `snap`).
    static let smallProduct = 256

    /// `sum`, or 0 when it is a rounding residue of terms whose magnitudes add up to `magnitude`.
    @inline(__always)
    static func snapped(_ sum: Double, magnitude: Double) -> Double {
        // ulps · ulp(m) ≤ m · 2⁻⁵⁰ for a normal m (ulp(x) ≤ x · 2⁻⁵²): a sum past that, or past 2⁻¹⁰⁰⁰
        // when m is tiny, is no residue, found with a multiply instead of `ulp`'s branches.
        if abs(sum) > max(magnitude * 0x1p-50, 0x1p-1000) { return sum }
        return abs(sum) <= ulps * magnitude.ulp ? 0 : sum
    }

    /// a + b under the rule.
    @inline(__always)
    static func sum(_ a: Double, _ b: Double) -> Double { snapped(a + b, magnitude: abs(a) + abs(b)) }

    /// The rule for each element of `c (m×n) = Σₖ a(i,k)·b(k,j) + bias[j]`, already computed.
    /// A cheap bound on Σ|terms| (row sums of |a| times column maxima of |b|) passes over almost
    /// every element; only those that could be residues have their terms' magnitudes added up.
    /// The factors are read through strides, not closures: this runs after every product.
    static func snap(_ c: UnsafeMutablePointer<Double>, m: Int, n: Int, p: Int, bias: UnsafePointer<Double>? = nil,
                     _ a: Strided, _ b: Strided) {
        guard m > 0, n > 0 else { return }
        /// Element (i, j) against its own Σ|terms|, in increasing k: the rule itself.
        func snapExactly(_ i: Int, _ j: Int) {
            var magnitude = bias.map { abs($0[j]) } ?? 0
            for k in 0..<p { magnitude += abs(a[i, k] * b[k, j]) }
            c[i &* n &+ j] = snapped(c[i &* n &+ j], magnitude: magnitude)
        }
        // A small product's elements are each tested against their own Σ|terms| — what the bound
        // stands in for — in fewer operations than the bounds' passes take to set up.
        guard m &* n &* p > Self.smallProduct else {
            for i in 0..<m {
                for j in 0..<n where c[i &* n &+ j] != 0 { snapExactly(i, j) }
            }
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: m + 2 * n) { scratch in
            let rowSums = scratch.baseAddress!, columnMaxima = rowSums + m, biasMagnitudes = columnMaxima + n
            // Each row's Σₖ|a(i,k)| in increasing k and each column's maxₖ|b(k,j)|, in the kernel's vectors.
            sg_snap_bounds(Kernel.path.rawValue, a.base, a.row, a.column, b.base, b.row, b.column, m, p, n, rowSums, columnMaxima)
            for j in 0..<n { biasMagnitudes[j] = bias.map { abs($0[j]) } ?? 0 }
            // First, in the kernel's vectors, whether any element passes the cheap test below: almost
            // always none does, and the products are left as they are.
            let candidates = sg_snap_candidates(Kernel.path.rawValue, c, m, n, rowSums, columnMaxima, biasMagnitudes)
            guard candidates != 0 else { return }
            for i in 0..<m {
                for j in 0..<n {
                    let value = c[i &* n &+ j], biasMagnitude = bias.map { abs($0[j]) } ?? 0
                    // Σ|terms| ≤ bound, and ulp grows with magnitude: past this, not a residue.
                    let bound = rowSums[i] * columnMaxima[j] + biasMagnitude
                    // ulps · ulp(bound) ≤ bound · 2⁻⁵⁰ for a normal bound (ulp(x) ≤ x · 2⁻⁵²), so past that,
                    // or past 2⁻¹⁰⁰⁰ when the bound is tiny, no residue: a multiply instead of `ulp` for almost all.
                    guard value != 0, abs(value) <= max(bound * 0x1p-50, 0x1p-1000), abs(value) <= ulps * bound.ulp else { continue }
                    snapExactly(i, j)
                }
            }
        }
    }

    /// A matrix read in place: element (i, k) is `base[i·row + k·column]`.
    struct Strided {
        var base: UnsafePointer<Double>
        var row: Int
        var column: Int

        @inline(__always)
        subscript(_ i: Int, _ k: Int) -> Double { base[i &* row &+ k &* column] }
    }
}
