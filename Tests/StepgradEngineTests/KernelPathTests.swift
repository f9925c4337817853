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

    /// The overflow check that runs over every workspace: ∞ and NaN found anywhere, nothing finite mistaken.
    @Test func finiteMeansNoInfinityAndNoNaN() {
        let finite = [0, -0.0, 1, -2.5, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1e-310]
        #expect(Matrix(row: finite).allFinite)
        for bad in [Double.infinity, -.infinity, .nan, -.nan, .signalingNaN] {
            for position in [0, 3, 7] {
                var values = finite
                values[position] = bad
                #expect(!Matrix(row: values).allFinite, "\(bad) at \(position)")
            }
        }
        #expect(Matrix(rows: 0, columns: 0).allFinite)
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
