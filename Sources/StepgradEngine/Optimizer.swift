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

    /// One parameter's update: the new value and the new buffers, element by element with the
    /// arithmetic of the update rules (`MomentumBuffer`, `AdamMoment`, `BiasCorrection`, `SGDStep`,
    /// `AdamStep`), so that every line of the update phase reproduces what was stored.
    func update(_ p: Matrix, gradient dp: UnsafePointer<Double>, first: Matrix?, second: Matrix?, step t: Int)
        -> ParameterStep.Result {
        func gradient(_ i: Int) -> Double { DecayedGradient.value(dp[i], p.elements[i], decay: weightDecay) }
        switch self {
        case .sgd(let s) where s.momentum == 0:
            return .init(value: p.generated { SGDStep.element(p.elements[$0], step: gradient($0), learningRate: s.learningRate) })
        case .sgd(let s):
            let buffer = p.generated { i in
                MomentumBuffer.element(previous: first?.elements[i], gradient: gradient(i), momentum: s.momentum)
            }
            return .init(value: p.generated { SGDStep.element(p.elements[$0], step: buffer.elements[$0], learningRate: s.learningRate) },
                         first: buffer)
        case .adam(let a):
            let m = p.generated { AdamMoment.element(previous: first?.elements[$0] ?? 0, gradient: gradient($0), beta: a.beta1, order: 1) }
            let v = p.generated { AdamMoment.element(previous: second?.elements[$0] ?? 0, gradient: gradient($0), beta: a.beta2, order: 2) }
            let c1 = BiasCorrection.divisor(beta: a.beta1, step: t), c2 = BiasCorrection.divisor(beta: a.beta2, step: t)
            let value = p.generated { i in
                AdamStep.element(p.elements[i], mhat: m.elements[i] / c1, vhat: v.elements[i] / c2, a)
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
