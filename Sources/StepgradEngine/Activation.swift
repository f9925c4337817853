import Foundation

/// An activation function with the derivative a hand calculation uses (relu′(0) = 0).
public enum Activation: Hashable, Sendable {
    case identity, relu, sigmoid, tanh, softmax
    case leakyRelu(negativeSlope: Double)

    public static let names = ["identity", "relu", "leaky-relu", "sigmoid", "tanh", "softmax"]

    public var name: String {
        switch self {
        case .identity: "identity"
        case .relu: "relu"
        case .leakyRelu: "leaky-relu"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .softmax: "softmax"
        }
    }

    /// Applies the activation to each row (sample) of `z`.
    public func apply(_ z: Matrix) -> Matrix {
        var a = z
        guard !z.elements.isEmpty else { return a }
        z.elements.withUnsafeBufferPointer { zb in
            a.elements.withUnsafeMutableBufferPointer { ab in
                apply(zb.baseAddress!, into: ab.baseAddress!, rows: z.rows, columns: z.columns)
            }
        }
        return a
    }

    /// `a = f(z)` on `rows × columns` buffers; softmax is taken per row. `a` may be `z` itself
    /// (each element is read before it is written), except for the identity, which has nothing to do then.
    public func apply(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let count = rows * columns
        switch self {
        case .identity: a.update(from: z, count: count)
        case .relu: for i in 0..<count { a[i] = z[i] > 0 ? z[i] : 0 }
        case .leakyRelu(let s): for i in 0..<count { a[i] = z[i] > 0 ? z[i] : s * z[i] }
        case .sigmoid: for i in 0..<count { a[i] = Activation.sigmoid(z[i]) }
        case .tanh: Kernel.tanh(z, into: a, count: count)
        case .softmax: Activation.softmax(z, into: a, rows: rows, columns: columns)
        }
    }

    /// Softmax per row, shifted by the row's maximum so that large z do not overflow; with `shapes`,
    /// each row's `Softmax` too, from the same exponentials (bit for bit `Softmax(row)`), so that
    /// the loss and its gradient need not take them again.
    static func softmax(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, rows: Int, columns: Int,
                        shapes: UnsafeMutablePointer<Softmax>? = nil) {
        guard columns > 0 else { return }
        for r in 0..<rows {
            let zr = z + r * columns, ar = a + r * columns
            var top = 0
            for j in 1..<columns where zr[j] > zr[top] { top = j }
            let largest = zr[top]
            var total = 0.0, others = 0.0
            for j in 0..<columns {
                // exp(±0) is exactly 1: the largest element (and any tie) needs no call.
                let shifted = zr[j] - largest
                ar[j] = shifted == 0 ? 1 : exp(shifted)
                total += ar[j]
                if j != top { others += ar[j] }
            }
            shapes?[r] = Softmax(top: top, largest: largest, others: others)
            for j in 0..<columns { ar[j] /= total }
        }
    }

    /// `dz = da ⊙ f′(z)`, or for softmax the Jacobian product `dz_j = a_j (da_j − Σ_k da_k a_k)`.
    func gradient(da: UnsafePointer<Double>, z: UnsafePointer<Double>, a: UnsafePointer<Double>,
                  into dz: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        let count = rows * columns
        // `da · derivative(z:a:)`, each activation's loop on its own so that it vectorizes.
        switch self {
        case .identity: for i in 0..<count { dz[i] = da[i] * 1 }
        case .relu: for i in 0..<count { dz[i] = da[i] * (z[i] > 0 ? 1 : 0) }
        case .leakyRelu(let s): for i in 0..<count { dz[i] = da[i] * (z[i] > 0 ? 1 : s) }
        case .sigmoid: for i in 0..<count { dz[i] = da[i] * (a[i] * (1 - a[i])) }
        case .tanh: for i in 0..<count { dz[i] = da[i] * (1 - a[i] * a[i]) }
        case .softmax: softmaxGradient(da: da, a: a, into: dz, rows: rows, columns: columns)
        }
    }

    private func softmaxGradient(da: UnsafePointer<Double>, a: UnsafePointer<Double>, into dz: UnsafeMutablePointer<Double>,
                                 rows: Int, columns: Int) {
        for r in 0..<rows {
            let o = r * columns
            var dot = 0.0
            for k in 0..<columns { dot += da[o + k] * a[o + k] }
            for j in 0..<columns { dz[o + j] = a[o + j] * (da[o + j] - dot) }
        }
    }

    /// f′(z) for elementwise activations, from z and a = f(z). Not defined for softmax.
    public func derivative(z: Double, a: Double) -> Double {
        switch self {
        case .identity: return 1
        case .relu: return z > 0 ? 1 : 0
        case .leakyRelu(let s): return z > 0 ? 1 : s
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .softmax: preconditionFailure("softmax has a Jacobian, not an elementwise derivative")
        }
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// The engine's tanh of one number (see `Kernel.tanh(_:)`): what a tanh layer gives, bit for bit.
    public static func tanh(_ z: Double) -> Double { Kernel.tanh(z) }
}
