import CStepgradKernel
@testable import StepgradEngine
import Testing

/// The register-blocked kernels against the reference summation, bit for bit, on every path this
/// processor can run (each forced in turn, whichever the CPU check would choose): random shapes
/// with edges that no block size divides, a quarter of the left factors 0 (as after a relu), and
/// right factors that are ∞ or NaN, where skipping a 0 factor is what keeps a sum finite.
@Suite struct KernelPathTests {
    /// The reference: for each element, from +0, the products of nonzero left factors in increasing k.
    static func reference(_ a: [Double], _ b: [Double], m: Int, p: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<p where a[i * p + k] != 0 { sum = sum + a[i * p + k] * b[k * n + j] }
                c[i * n + j] = sum
            }
        }
        return c
    }

    static func transpose(_ x: [Double], rows: Int, columns: Int) -> [Double] {
        (0..<rows * columns).map { t in x[(t % rows) * columns + t / rows] }
    }

    /// Equal as bits: +0 and −0 differ, NaN equals NaN.
    static func same(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// Shapes around the blocks (AVX-512: 6 rows × 32 columns; AVX2: 4 × 12) and the engine's own.
    static let shapes: [(Int, Int, Int)] = [
        (2, 1, 1), (2, 3, 5), (4, 12, 12), (5, 7, 13), (6, 32, 32), (7, 33, 31), (13, 17, 33), (12, 40, 65), (25, 9, 97),
        (32, 64, 32), (32, 32, 10), (64, 784, 128), (64, 128, 10), (3, 2048, 3), (1, 40, 70), (31, 1, 47),
    ]

    @Test(arguments: KernelPath.available)
    func everyPathSumsInTheReferenceOrder(_ path: KernelPath) {
        var g = SplitMix64(seed: 15)
        var shapes = Self.shapes
        for _ in 0..<40 { shapes.append((1 + Int(g.next() % 40), 1 + Int(g.next() % 80), 1 + Int(g.next() % 90))) }
        for (index, (m, p, n)) in shapes.enumerated() {
            let special = index % 5 == 4
            let a = (0..<m * p).map { _ -> Double in
                let u = g.nextUnit()
                return u < 0.25 ? 0 : (u * 4 - 2) * Double(sign: .plus, exponent: Int(g.next() % 40) - 20, significand: 1)
            }
            let b = (0..<p * n).map { _ -> Double in
                let u = g.nextUnit()
                if special && u > 0.99 { return u > 0.995 ? .infinity : .nan }
                return u < 0.1 ? (u < 0.05 ? -0.0 : 0) : u * 4 - 2
            }
            let expected = Self.reference(a, b, m: m, p: p, n: n)
            let bt = Self.transpose(b, rows: p, columns: n), at = Self.transpose(a, rows: m, columns: p)
            var c = [Double](repeating: 7, count: m * n)
            Kernel.multiply(a, b, into: &c, m: m, p: p, n: n, path: path)
            #expect(Self.same(c, expected), "\(path) a·b \(m)×\(p)×\(n)")
            c = [Double](repeating: 7, count: m * n)
            bt.withUnsafeBufferPointer { bt in
                c.withUnsafeMutableBufferPointer { Kernel.multiply(a, transposeOf: bt.baseAddress!, into: $0.baseAddress!, m: m, p: p, n: n, path: path) }
            }
            #expect(Self.same(c, expected), "\(path) a·bᵀ \(m)×\(p)×\(n)")
            c = [Double](repeating: 7, count: m * n)
            at.withUnsafeBufferPointer { at in
                c.withUnsafeMutableBufferPointer { Kernel.multiply(transposeOf: at.baseAddress!, b, into: $0.baseAddress!, m: m, p: p, n: n, path: path) }
            }
            #expect(Self.same(c, expected), "\(path) aᵀ·b \(m)×\(p)×\(n)")
        }
    }

    /// The overflow check that runs over every workspace, on every path: ∞ and NaN found anywhere
    /// (in a vector's body or its tail), nothing finite mistaken.
    @Test(arguments: KernelPath.available)
    func finiteMeansNoInfinityAndNoNaN(_ path: KernelPath) {
        let finite = [0, -0.0, 1, -2.5, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1e-310]
        let values = finite + finite + [3, -4, 5]
        #expect(Self.allFinite(values, path))
        for bad in [Double.infinity, -.infinity, .nan, -.nan, .signalingNaN] {
            for position in [0, 3, 7, 12, 18] {
                var with = values
                with[position] = bad
                #expect(!Self.allFinite(with, path), "\(path): \(bad) at \(position)")
            }
        }
        #expect(Matrix(rows: 0, columns: 0).allFinite)
    }

    static func allFinite(_ x: [Double], _ path: KernelPath) -> Bool {
        x.withUnsafeBufferPointer { Kernel.allFinite($0.baseAddress!, count: $0.count, path: path) }
    }

    /// The bias gradient's column sums and their magnitudes' sums, on every path, against rows added in order: widths around
    /// the vectors' (8 and 32), sums that depend on their order, and ∞ and NaN.
    @Test(arguments: KernelPath.available)
    func columnSumsAddTheRowsInOrder(_ path: KernelPath) {
        var g = SplitMix64(seed: 21)
        for (rows, columns) in [(1, 1), (3, 2), (32, 16), (7, 33), (100, 3), (5, 70), (1000, 2)] {
            let x = (0..<rows * columns).map { t -> Double in
                let u = g.nextUnit()
                if t == 17 && columns == 33 { return .infinity }
                if t == 40 && columns == 70 { return .nan }
                return (u * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 60) - 30, significand: 1)
            }
            var expected = [Double](repeating: 0, count: columns), expectedMagnitudes = expected
            for r in 0..<rows {
                for j in 0..<columns {
                    expected[j] = expected[j] + x[r * columns + j]
                    expectedMagnitudes[j] = expectedMagnitudes[j] + abs(x[r * columns + j])
                }
            }
            var sums = [Double](repeating: 7, count: columns), magnitudes = sums
            x.withUnsafeBufferPointer { x in
                sums.withUnsafeMutableBufferPointer { sums in
                    magnitudes.withUnsafeMutableBufferPointer {
                        Kernel.columnSums(x.baseAddress!, rows: rows, columns: columns, into: sums.baseAddress!, magnitudes: $0.baseAddress!, path: path)
                    }
                }
            }
            #expect(Self.same(sums, expected), "\(path) \(rows)×\(columns)")
            #expect(Self.same(magnitudes, expectedMagnitudes), "\(path) \(rows)×\(columns) magnitudes")
        }
    }

    /// PaperZero's cheap first test, on every path, against its definition: elements on both sides of
    /// the threshold (bound·2⁻⁵⁰, and 2⁻¹⁰⁰⁰ where that is smaller), zeros, ∞ and NaN in the
    /// elements and the bounds, widths around the vectors'.
    @Test(arguments: KernelPath.available)
    func snapCandidatesAreCountedAlike(_ path: KernelPath) {
        var g = SplitMix64(seed: 22)
        for (m, n) in [(1, 1), (2, 3), (32, 16), (5, 9), (16, 2), (3, 33), (64, 10), (1, 70), (21, 1), (11, 4), (7, 2)] {
            func draw(_ special: Bool) -> Double {
                let u = g.nextUnit()
                if special && u < 0.02 { return u < 0.01 ? .nan : .infinity }
                return u * 3 * Double(sign: .plus, exponent: Int(g.next() % 8) - 4, significand: 1)
            }
            let rows = (0..<m).map { i in i == 1 ? .nan : draw(false) }
            let columns = (0..<n).map { j in j == 2 ? 1e-320 : draw(false) }
            let bias = (0..<n).map { j in j % 3 == 0 ? 0 : draw(false) }
            let c = (0..<m * n).map { t -> Double in
                let (i, j) = (t / n, t % n), bound = rows[i] * columns[j] + bias[j]
                let u = g.nextUnit()
                if u < 0.1 { return 0 }
                if u < 0.15 { return draw(true) }
                // Within a few binades of the threshold, either sign.
                let near = Swift.max(bound * 0x1p-50, 0x1p-1000) * Double(sign: .plus, exponent: Int(g.next() % 7) - 3, significand: 1)
                return u < 0.55 ? near : -near
            }
            var expected = 0
            for i in 0..<m {
                for j in 0..<n {
                    let scaled = (rows[i] * columns[j] + bias[j]) * 0x1p-50
                    let threshold = 0x1p-1000 >= scaled ? 0x1p-1000 : scaled
                    if abs(c[i * n + j]).bitPattern &- 1 < threshold.bitPattern { expected += 1 }
                }
            }
            let counted = sg_snap_candidates(path.rawValue, c, m, n, rows, columns, bias)
            #expect(counted == expected, "\(path) \(m)×\(n)")
            #expect(expected > 0 && expected < m * n || m * n < 4, "\(m)×\(n): the draw reaches both sides")
        }
    }

    /// PaperZero's bounds, on every path, against their definition, for the strides the engine uses
    /// (a plain, a transposed; b plain, b transposed) and a row of a that is one number (the bias's):
    /// sums in increasing k, maxima that pass over NaN.
    @Test(arguments: KernelPath.available)
    func snapBoundsAreTakenAlike(_ path: KernelPath) {
        var g = SplitMix64(seed: 23)
        for (m, p, n) in [(1, 1, 1), (32, 2, 16), (16, 32, 16), (13, 17, 9), (3, 40, 2), (9, 5, 33), (1, 32, 16)] {
            let a = (0..<m * p).map { t in t == 5 ? .nan : (g.nextUnit() * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 50) - 25, significand: 1) }
            let b = (0..<p * n).map { t in t == 7 ? .nan : (g.nextUnit() * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 50) - 25, significand: 1) }
            for (aRow, aColumn) in [(p, 1), (1, m)] {
                for (bRow, bColumn) in [(n, 1), (1, p)] {
                    var expectedSums = [Double](repeating: 0, count: m), expectedMaxima = [Double](repeating: 0, count: n)
                    for i in 0..<m { for k in 0..<p { expectedSums[i] = expectedSums[i] + abs(a[i * aRow + k * aColumn]) } }
                    for j in 0..<n { for k in 0..<p { expectedMaxima[j] = Swift.max(expectedMaxima[j], abs(b[k * bRow + j * bColumn])) } }
                    var sums = [Double](repeating: 7, count: m), maxima = [Double](repeating: 7, count: n)
                    sg_snap_bounds(path.rawValue, a, aRow, aColumn, b, bRow, bColumn, m, p, n, &sums, &maxima)
                    #expect(Self.same(sums, expectedSums) && Self.same(maxima, expectedMaxima), "\(path) \(m)×\(p)×\(n) a(\(aRow),\(aColumn)) b(\(bRow),\(bColumn))")
                }
            }
        }
    }

    /// Plain SGD's step on every path against `SGDStep.element`, bit for bit, and its finiteness:
    /// parameters a few ulps either side of the step (where PaperZero's rule makes the new value 0
    /// or keeps the residue), zeros of both signs, subnormals, steps that overflow, ∞ and NaN, in
    /// counts around the vectors' widths.
    @Test(arguments: KernelPath.available)
    func sgdStepsAsTheRuleDoes(_ path: KernelPath) {
        var g = SplitMix64(seed: 24)
        var residues = 0, finiteRuns = 0
        for count in [1, 3, 4, 5, 8, 9, 17, 33, 100] {
            for round in 0..<6 {
                let rate = round == 5 ? 1e300 : g.nextUnit() * 0.5 + 0.001
                let gradient = (0..<count).map { t -> Double in
                    let u = g.nextUnit()
                    if round == 4 && t == count / 2 { return [Double.infinity, -.infinity, .nan][Int(g.next() % 3)] }
                    if u < 0.05 { return u < 0.025 ? -0.0 : 0 }
                    if u < 0.1 { return 1e-310 }
                    return (u * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 20) - 10, significand: 1)
                }
                let before = gradient.map { dp -> Double in
                    let u = g.nextUnit(), step = rate * dp
                    if u < 0.4 && step.isFinite {
                        // A few ulps from the step itself: on paper, p − step = 0.
                        var p = step
                        for _ in 0..<Int(g.next() % 7) { p = u < 0.2 ? p.nextUp : p.nextDown }
                        return p
                    }
                    if u < 0.45 { return u < 0.425 ? 0 : -0.0 }
                    return (u * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 20) - 10, significand: 1)
                }
                let expected = zip(before, gradient).map { SGDStep.element($0, step: $1, learningRate: rate) }
                var after = before
                let finite = after.withUnsafeMutableBufferPointer { p in
                    gradient.withUnsafeBufferPointer { Kernel.sgd(p.baseAddress!, gradient: $0.baseAddress!, learningRate: rate, count: count, path: path) }
                }
                #expect(Self.same(after, expected), "\(path) \(count) elements, round \(round)")
                #expect(finite == expected.allSatisfy(\.isFinite), "\(path) \(count) elements, round \(round)")
                residues += zip(before, expected).filter { $0 != 0 && $1 == 0 }.count
                finiteRuns += finite ? 1 : 0
            }
        }
        #expect(residues > 10 && finiteRuns > 10 && finiteRuns < 54, "the draw reaches the rule's both sides and overflow")
    }

    @Test func theChosenPathIsOneTheMachineRuns() {
        #expect(KernelPath.available.last == KernelPath.chosen)
        #expect(KernelPath.available.first == .portable)
    }
}

private extension Kernel {
    static func multiply(_ a: [Double], _ b: [Double], into c: inout [Double], m: Int, p: Int, n: Int, path: KernelPath) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { multiply(a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, p: p, n: n, path: path) }
            }
        }
    }
}
