import Foundation

/// An optimizer with PyTorch's semantics (`torch.optim.SGD`, `torch.optim.Adam`),
/// so that a user can check a step against PyTorch.
public enum Optimizer: Hashable, Sendable {
    case sgd(SGD)
    case adam(Adam)

    public struct SGD: Hashable, Sendable {
        public var learningRate: Double
        public var momentum: Double
        public var weightDecay: Double
        public init(learningRate: Double = 0.1, momentum: Double = 0, weightDecay: Double = 0) {
            self.learningRate = learningRate
            self.momentum = momentum
            self.weightDecay = weightDecay
        }
    }

    public struct Adam: Hashable, Sendable {
        public var learningRate: Double
        public var beta1: Double
        public var beta2: Double
        public var epsilon: Double
        public var weightDecay: Double
        public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                    epsilon: Double = 1e-8, weightDecay: Double = 0) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
        }
    }

    public var learningRate: Double {
        switch self {
        case .sgd(let s): s.learningRate
        case .adam(let a): a.learningRate
        }
    }

    public var weightDecay: Double {
        switch self {
        case .sgd(let s): s.weightDecay
        case .adam(let a): a.weightDecay
        }
    }
}

/// What an optimizer carries from one iteration to the next, per parameter.
public struct OptimizerState: Hashable, Sendable, Codable {
    /// Completed steps (Adam's t).
    public var step: Int = 0
    /// SGD momentum buffers, or Adam's first moments, keyed by parameter name (`W1`, `b1`).
    public var first: [String: Matrix] = [:]
    /// Adam's second moments.
    public var second: [String: Matrix] = [:]
    public init() {}
}

extension Optimizer {
    /// Whether the optimizer carries buffers between iterations (momentum, Adam's moments).
    var keepsState: Bool {
        if case .sgd(let s) = self { return s.momentum != 0 }
        return true
    }

    /// One parameter's update: the new value and the new buffers.
    /// Follows torch's order of floating-point operations.
    func update(_ p: Matrix, gradient dp: UnsafePointer<Double>, first: Matrix?, second: Matrix?, step t: Int)
        -> ParameterStep.Result {
        let decay = weightDecay
        /// The gradient with weight decay (L2, as torch adds it), and p itself.
        func gradient(_ i: Int) -> Double { decay == 0 ? dp[i] : dp[i] + decay * p.elements[i] }
        switch self {
        case .sgd(let s) where s.momentum == 0:
            return .init(value: p.generated { p.elements[$0] - s.learningRate * gradient($0) })
        case .sgd(let s):
            let buffer = p.generated { i in first.map { s.momentum * $0.elements[i] + gradient(i) } ?? gradient(i) }
            return .init(value: p.generated { p.elements[$0] - s.learningRate * buffer.elements[$0] }, first: buffer)
        case .adam(let a):
            let m = p.generated { a.beta1 * (first?.elements[$0] ?? 0) + (1 - a.beta1) * gradient($0) }
            let v = p.generated { a.beta2 * (second?.elements[$0] ?? 0) + (1 - a.beta2) * gradient($0) * gradient($0) }
            let correction1 = 1 - pow(a.beta1, Double(t))
            let correction2 = 1 - pow(a.beta2, Double(t))
            let stepSize = a.learningRate / correction1
            let value = p.generated { i in
                let denominator = v.elements[i].squareRoot() / correction2.squareRoot() + a.epsilon
                return p.elements[i] - stepSize * m.elements[i] / denominator
            }
            return .init(value: value, first: m, second: v)
        }
    }
}

extension Matrix {
    /// A matrix of this shape whose element i is `element(i)`, written straight into new storage.
    func generated(_ element: (Int) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = element(i) }
            initialized = count
        })
    }
}
