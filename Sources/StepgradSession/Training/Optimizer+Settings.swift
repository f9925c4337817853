import StepgradEngine

/// The settings the training view changes while training, as TensorFlow Playground offers them.
extension Optimizer {
    /// Playground's learning rates.
    public static let learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
    /// Playground's regularization rates, as weight decay (L2: the optimizer adds λ·w to each gradient).
    public static let weightDecays = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]

    /// The same optimizer with another learning rate.
    public func with(learningRate: Double) -> Optimizer {
        switch self {
        case .sgd(var s): s.learningRate = learningRate; return .sgd(s)
        case .adam(var a): a.learningRate = learningRate; return .adam(a)
        }
    }

    /// The same optimizer with another weight decay.
    public func with(weightDecay: Double) -> Optimizer {
        switch self {
        case .sgd(var s): s.weightDecay = weightDecay; return .sgd(s)
        case .adam(var a): a.weightDecay = weightDecay; return .adam(a)
        }
    }

    /// The next value of `ladder` above (`up`) or below `value`, or `nil` at its end. A value
    /// between rungs (one a file gave) moves to the nearest rung in that direction.
    public static func rung(after value: Double, in ladder: [Double], up: Bool) -> Double? {
        up ? ladder.first { $0 > value * (1 + 1e-9) } : ladder.last { $0 < value * (1 - 1e-9) }
    }
}
