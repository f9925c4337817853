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

    /// Whether the loss is a mean over every element under `reduction: mean`, as torch's MSELoss and
    /// BCELoss are: a sample's sum over its outputs is then divided by their number.
    public var averagesOutputs: Bool { self == .mse || self == .binaryCrossEntropy }

    /// What a sample's sum over its `n` outputs is divided by: n for an elementwise mean, else 1.
    /// Under `reduction: sum` nothing is averaged: torch's sum over every element.
    public func outputDivisor(_ n: Int, _ reduction: Reduction) -> Double {
        averagesOutputs && reduction == .mean ? Double(n) : 1
    }

    /// ℓ for one sample from the prediction ŷ.
    public func value(prediction p: [Double], target y: [Double], reduction: Reduction = .mean) -> Double {
        value(prediction: p[...], target: y[...], divisor: outputDivisor(p.count, reduction))
    }

    /// ℓ for one sample from ŷ, from any row view: arrays, slices of a matrix, the iteration's buffers.
    func value<Row: Collection<Double>>(prediction p: Row, target y: Row, divisor: Double) -> Double {
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
            return -sum / divisor
        case .mse: return zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / divisor
        case .sse: return zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        case .halfSSE: return 0.5 * zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
    }

    /// ℓ for one sample of cross-entropy or binary cross-entropy from the logits z, in forms that
    /// neither overflow nor cancel: Σⱼ yⱼ·(ln Σₖ e^zₖ − zⱼ) with the log-sum-exp taken about the
    /// largest z, and y·ln(1 + e^−z) + (1 − y)·ln(1 + e^z) with ln(1 + e^x) = max(x, 0) + ln(1 + e^−|x|).
    /// `shape`, when given, is `Softmax(z)` taken already.
    func value<Row: Collection<Double>>(logits z: Row, target y: Row, divisor: Double, shape: Softmax? = nil) -> Double
    where Row.Index == Int {
        switch self {
        case .crossEntropy:
            let shape = shape ?? Softmax(z)
            var total = 0.0
            for (j, yj) in zip(z.indices, y) where yj != 0 { total += yj * shape.negativeLog(j, of: z) }
            return total
        default:
            var total = 0.0
            for (zj, yj) in zip(z, y) {
                if yj != 0 { total += yj * Self.softplus(-zj) }
                if yj != 1 { total += (1 - yj) * Self.softplus(zj) }
            }
            return total / divisor
        }
    }

    /// ∂ℓ/∂ŷ for one element from ŷ, before the batch reduction.
    public func gradient(prediction p: Double, target y: Double, divisor: Double) -> Double {
        switch self {
        case .crossEntropy: return y == 0 ? 0 : -y / p
        case .binaryCrossEntropy: return (p - y) / (p * (1 - p)) / divisor
        case .mse: return 2 * (p - y) / divisor
        case .sse: return 2 * (p - y)
        case .halfSSE: return p - y
        }
    }

    /// ln(1 + eˣ), exact for every x where it is finite.
    static func softplus(_ x: Double) -> Double { max(x, 0) + log1p(exp(-abs(x))) }
}

/// A softmax row taken about its largest logit, for the loss and its gradients at any scale:
/// ŷⱼ = e^(zⱼ − m)/(1 + S) with m the largest z and S the sum of e^(zₖ − m) over the other k.
struct Softmax {
    /// Index of the largest logit (the first, on ties).
    let top: Int
    let largest: Double
    /// S: Σ e^(zₖ − m) over k ≠ top.
    let others: Double

    init(top: Int, largest: Double, others: Double) {
        self.top = top
        self.largest = largest
        self.others = others
    }

    init<Row: Collection<Double>>(_ z: Row) where Row.Index == Int {
        var top = z.startIndex
        for k in z.indices where z[k] > z[top] { top = k }
        var others = 0.0
        for k in z.indices where k != top { others += exp(z[k] - z[top]) }
        self.top = top
        largest = z[top]
        self.others = others
    }

    /// −ln ŷⱼ = (m − zⱼ) + ln(1 + S): two terms that are never negative, so nothing cancels.
    func negativeLog<Row: Collection<Double>>(_ j: Int, of z: Row) -> Double where Row.Index == Int {
        (largest - z[j]) + log1p(others)
    }
}

/// How per-sample losses combine over a batch. `sum` is torch's `reduction='sum'`: the sum over
/// every element, with no averaging over outputs either.
public enum Reduction: String, Hashable, Sendable, CaseIterable {
    case mean, sum

    public func factor(batch: Int) -> Double { self == .mean ? 1 / Double(batch) : 1 }
}
