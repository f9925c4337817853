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
        var value = p, first = first, second = second
        update(&value, gradient: dp, first: &first, second: &second, step: t)
        return .init(value: value, first: first, second: second)
    }

    /// The same update in place: the parameter and its buffers (made on the first step) are
    /// overwritten, so that a training loop that owns them allocates nothing. Whether every new
    /// value is finite (plain SGD finds out on the way; the others look afterwards).
    @discardableResult
    func update(_ p: inout Matrix, gradient dp: UnsafePointer<Double>, first: inout Matrix?, second: inout Matrix?, step t: Int) -> Bool {
        let decay = weightDecay
        /// A buffer of p's shape, taken out of `slot` so that it is the only reference, and whether it was there.
        func take(_ slot: inout Matrix?) -> (Matrix, Bool) {
            guard let kept = slot else { return (Matrix(rows: p.rows, columns: p.columns), false) }
            precondition(kept.shape == p.shape, "optimizer buffer \(kept.shape) for a parameter of \(p.shape)")
            slot = nil
            return (kept, true)
        }
        switch self {
        case .sgd(let s) where s.momentum == 0 && decay == 0:
            (first, second) = (nil, nil)
            // SGDStep.element for every element, in the kernel's vectors.
            return p.elements.withUnsafeMutableBufferPointer { v in
                Kernel.sgd(v.baseAddress!, gradient: dp, learningRate: s.learningRate, count: v.count)
            }
        case .sgd(let s) where s.momentum == 0:
            (first, second) = (nil, nil)
            p.elements.withUnsafeMutableBufferPointer { v in
                for i in 0..<v.count {
                    v[i] = SGDStep.element(v[i], step: DecayedGradient.value(dp[i], v[i], decay: decay), learningRate: s.learningRate)
                }
            }
        case .sgd(let s):
            var (buffer, carried) = take(&first)
            second = nil
            p.elements.withUnsafeMutableBufferPointer { v in
                buffer.elements.withUnsafeMutableBufferPointer { b in
                    for i in 0..<v.count {
                        let g = DecayedGradient.value(dp[i], v[i], decay: decay)
                        b[i] = MomentumBuffer.element(previous: carried ? b[i] : nil, gradient: g, momentum: s.momentum)
                        v[i] = SGDStep.element(v[i], step: b[i], learningRate: s.learningRate)
                    }
                }
            }
            first = buffer
        case .adam(let a):
            var (m, _) = take(&first), (v, _) = take(&second)
            let c1 = BiasCorrection.divisor(beta: a.beta1, step: t), c2 = BiasCorrection.divisor(beta: a.beta2, step: t)
            p.elements.withUnsafeMutableBufferPointer { value in
                m.elements.withUnsafeMutableBufferPointer { m in
                    v.elements.withUnsafeMutableBufferPointer { v in
                        for i in 0..<value.count {
                            let g = DecayedGradient.value(dp[i], value[i], decay: decay)
                            m[i] = AdamMoment.element(previous: m[i], gradient: g, beta: a.beta1, order: 1)
                            v[i] = AdamMoment.element(previous: v[i], gradient: g, beta: a.beta2, order: 2)
                            value[i] = AdamStep.element(value[i], mhat: m[i] / c1, vhat: v[i] / c2, a)
                        }
                    }
                }
            }
            (first, second) = (m, v)
        }
        return p.allFinite
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
