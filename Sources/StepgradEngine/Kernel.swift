import CStepgradKernel

/// The arithmetic of an iteration on raw row-major buffers, shared by the `Matrix` methods
/// and `Network.iterate`, so that every path (traced, untraced, a single product) rounds alike.
///
/// Every product element is a sum over k in increasing order starting from 0, the order of
/// a hand calculation; terms whose left factor is 0 are skipped (half of a relu layer), each
/// product rounded before it is added. The products run on `CStepgradKernel`, whose
/// register-blocked AVX2 and AVX-512 paths keep exactly that order (vectors run across
/// output columns, never across k); the path is chosen once, from what the processor has.
enum Kernel {
    /// The fastest path this processor runs.
    static let path = KernelPath(rawValue: sg_best_path()) ?? .portable

    /// The path of `tanh`: the products' where the processor has FMA, which its vectors use.
    static let tanhPath: KernelPath = path != .portable && sg_has_fma() != 0 ? path : .portable

    /// `a[i] = tanh(z[i])`, the engine's own tanh (see `tanh(_:)`); `a` may be `z`.
    static func tanh(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, count: Int, path: KernelPath = tanhPath) {
        sg_tanh(path.rawValue, z, a, count)
    }

    /// The engine's tanh: the same bits on every path and machine (the C library's differ between
    /// libraries in the last place), within 2 ulps of the exact value. Everything that computes a
    /// tanh — layers, expansions, checks — takes it from here, so that they agree bit for bit.
    static func tanh(_ x: Double) -> Double { sg_tanh1(x) }

    /// Whether none of `count` doubles is ∞ or NaN.
    static func allFinite(_ x: UnsafePointer<Double>, count: Int, path: KernelPath = path) -> Bool {
        sg_all_finite(path.rawValue, x, count) != 0
    }

    /// `sums[j]` = Σ over rows of column j of `x` (rows × columns) and `magnitudes[j]` = Σ of their
    /// magnitudes, rows in increasing order from +0.
    static func columnSums(_ x: UnsafePointer<Double>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Double>,
                           magnitudes: UnsafeMutablePointer<Double>, path: KernelPath = path) {
        sg_column_sums(path.rawValue, x, rows, columns, sums, magnitudes)
    }

    /// Plain SGD in place, `p[i] = SGDStep.element(p[i], step: g[i], learningRate:)` (see sg_sgd);
    /// whether every new value is finite.
    static func sgd(_ p: UnsafeMutablePointer<Double>, gradient g: UnsafePointer<Double>, learningRate: Double, count: Int,
                    path: KernelPath = path) -> Bool {
        sg_sgd(path.rawValue, p, g, learningRate, count) != 0
    }

    /// `c (m×n) = a (m×p) · b (p×n)`.
    static func multiply(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int, path: KernelPath = path) {
        sg_multiply(path.rawValue, a, p, 1, b, n, 1, c, m, p, n)
    }

    /// `c (m×n) = aᵀ · b`, where `a` is p×m.
    static func multiply(transposeOf a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int, path: KernelPath = path) {
        sg_multiply(path.rawValue, a, 1, m, b, n, 1, c, m, p, n)
    }

    /// `c (m×n) = a · bᵀ`, where `b` is n×p.
    static func multiply(_ a: UnsafePointer<Double>, transposeOf b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                         m: Int, p: Int, n: Int, path: KernelPath = path) {
        sg_multiply(path.rawValue, a, p, 1, b, 1, p, c, m, p, n)
    }
}

/// A code path of the matrix products. All give the same bits; they differ in speed.
public enum KernelPath: Int32, CaseIterable, Sendable, CustomStringConvertible {
    /// Plain C, for any processor.
    case portable
    /// 4 doubles a vector, 4×3 vectors of accumulators.
    case avx2
    /// 8 doubles a vector, 6×4 vectors of accumulators.
    case avx512

    /// The path products take on this machine.
    public static var chosen: KernelPath { Kernel.path }

    /// Every path this machine can run: the chosen one and those below it.
    public static var available: [KernelPath] { allCases.filter { $0.rawValue <= Kernel.path.rawValue } }

    public var description: String {
        switch self {
        case .portable: "portable C"
        case .avx2: "AVX2"
        case .avx512: "AVX-512"
        }
    }
}
