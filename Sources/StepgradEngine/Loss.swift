import Foundation

/// A loss per sample, then reduced over the batch.
public enum Loss: String, Hashable, Sendable, CaseIterable {
    case crossEntropy = "cross-entropy"
    case binaryCrossEntropy = "binary-cross-entropy"
    case mse, sse
    case halfSSE = "half-sse"

    /// The output activation the loss needs, if any.
    public var requiredActivation: Activation? {
        switch self {
        case .crossEntropy: .softmax
        case .binaryCrossEntropy: .sigmoid
        default: nil
        }
    }

    /// ℓ for one sample.
    public func value(prediction p: [Double], target y: [Double]) -> Double {
        value(prediction: p[...], target: y[...])
    }

    /// ℓ for one sample, from any row view: arrays, slices of a matrix, the iteration's buffers.
    func value<Row: Collection<Double>>(prediction p: Row, target y: Row) -> Double {
        let n = Double(p.count)
        switch self {
        case .crossEntropy:
            return -zip(y, p).reduce(0) { $0 + ($1.0 == 0 ? 0 : $1.0 * log($1.1)) }
        case .binaryCrossEntropy:
            let sum = zip(y, p).reduce(0.0) { acc, yp in
                let (y, p) = yp
                let positive = y == 0 ? 0 : y * log(p)
                let negative = y == 1 ? 0 : (1 - y) * log(1 - p)
                return acc + positive + negative
            }
            return -sum / n
        case .mse: return zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / n
        case .sse: return zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        case .halfSSE: return 0.5 * zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
    }

    /// ∂ℓ/∂ŷ for one element, before the batch reduction.
    public func gradient(prediction p: Double, target y: Double, outputs n: Int) -> Double {
        switch self {
        case .crossEntropy: return y == 0 ? 0 : -y / p
        case .binaryCrossEntropy: return (p - y) / (p * (1 - p)) / Double(n)
        case .mse: return 2 * (p - y) / Double(n)
        case .sse: return 2 * (p - y)
        case .halfSSE: return p - y
        }
    }
}

/// How per-sample losses combine over a batch.
public enum Reduction: String, Hashable, Sendable, CaseIterable {
    case mean, sum

    public func factor(batch: Int) -> Double { self == .mean ? 1 / Double(batch) : 1 }
}
