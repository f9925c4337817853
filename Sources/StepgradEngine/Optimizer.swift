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
    /// One parameter's update. Returns the new value and the new buffers.
    /// Follows torch's order of floating-point operations.
    func update(_ p: Matrix, gradient dp: Matrix, first: Matrix?, second: Matrix?, step t: Int)
        -> (value: Matrix, first: Matrix?, second: Matrix?) {
        let g = weightDecay == 0 ? dp : dp.zipMap(p) { $0 + weightDecay * $1 }
        switch self {
        case .sgd(let s):
            guard s.momentum != 0 else { return (p.zipMap(g) { $0 - s.learningRate * $1 }, nil, nil) }
            let buffer = first.map { $0.zipMap(g) { s.momentum * $0 + $1 } } ?? g
            return (p.zipMap(buffer) { $0 - s.learningRate * $1 }, buffer, nil)
        case .adam(let a):
            let m = (first ?? Matrix(rows: p.rows, columns: p.columns)).zipMap(g) { a.beta1 * $0 + (1 - a.beta1) * $1 }
            let v = (second ?? Matrix(rows: p.rows, columns: p.columns)).zipMap(g) { a.beta2 * $0 + (1 - a.beta2) * $1 * $1 }
            let correction1 = 1 - pow(a.beta1, Double(t))
            let correction2 = 1 - pow(a.beta2, Double(t))
            let stepSize = a.learningRate / correction1
            var value = p
            for i in 0..<value.count {
                let denominator = v.elements[i].squareRoot() / correction2.squareRoot() + a.epsilon
                value.elements[i] -= stepSize * m.elements[i] / denominator
            }
            return (value, m, v)
        }
    }
}
