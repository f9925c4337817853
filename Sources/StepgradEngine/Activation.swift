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
        switch self {
        case .identity: return z
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .leakyRelu(let s): return z.map { $0 > 0 ? $0 : s * $0 }
        case .sigmoid: return z.map(Activation.sigmoid)
        case .tanh: return z.map { Foundation.tanh($0) }
        case .softmax:
            var a = z
            for r in 0..<z.rows { a.setRow(r, Activation.softmax(z.row(r))) }
            return a
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

    /// Softmax shifted by the maximum, so that large z do not overflow.
    static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}

extension Matrix {
    mutating func setRow(_ r: Int, _ values: [Double]) {
        for j in 0..<columns { self[r, j] = values[j] }
    }
}
