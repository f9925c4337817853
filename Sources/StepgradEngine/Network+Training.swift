extension Network {
    /// One untraced iteration — forward, loss, backward, update — that overwrites `parameters` and
    /// `state` with their next values, computing in `scratch`'s workspace: what `iterate(record:
    /// false)` returns, bit for bit, without allocating (once the workspace and any optimizer
    /// buffers exist, and when nothing else holds the parameters' storage). With `gradientNorms`,
    /// as `iterate`.
    public func train(_ parameters: inout Parameters, _ state: inout OptimizerState, on batch: Batch,
                      scratch: inout IterationScratch, gradientNorms: UnsafeMutableBufferPointer<Double>? = nil) -> TrainingStep {
        scratch.workspace(self, rows: batch.size).with { work in
            train(work, &parameters, &state, on: batch, gradientNorms)
        }
    }

    private func train(_ work: borrowing Workspace, _ parameters: inout Parameters, _ state: inout OptimizerState,
                       on batch: Batch, _ gradientNorms: UnsafeMutableBufferPointer<Double>?) -> TrainingStep {
        work.forward(parameters, batch.input)
        let loss = work.loss(batch.target)
        work.backward(parameters, batch.target, training: true)
        if let gradientNorms { work.writeGradientNorms(gradientNorms) }
        let overflowBefore = work.firstNonFinite(loss: loss)

        state.step += 1
        let keepsState = optimizer.keepsState || !state.first.isEmpty || !state.second.isEmpty
        var overflow = overflowBefore
        for l in 1...depth {
            let weightsFinite = layer(l).trains(.weights)
                ? update(&parameters.weights[l - 1], .W(l), gradient: work.pointer(.dW, l), &state, keepsState)
                : parameters.weights(l).allFinite
            let biasFinite = parameters.biases[l - 1] == nil ? true
                : layer(l).trains(.bias) ? update(&parameters.biases[l - 1]!, .b(l), gradient: work.pointer(.db, l), &state, keepsState)
                : parameters.biases[l - 1]!.allFinite
            if overflow == nil && !weightsFinite { overflow = .W_new(l) }
            else if overflow == nil && !biasFinite { overflow = .b_new(l) }
        }
        return TrainingStep(loss: loss, firstNonFinite: overflow)
    }

    /// Whether every new value is finite.
    private func update(_ value: inout Matrix, _ parameter: Quantity, gradient: UnsafePointer<Double>,
                        _ state: inout OptimizerState, _ keepsState: Bool) -> Bool {
        guard keepsState else {
            var none: Matrix?, neither: Matrix?
            return optimizer.update(&value, gradient: gradient, first: &none, second: &neither, step: state.step)
        }
        let key = parameter.name
        var first = state.first.removeValue(forKey: key), second = state.second.removeValue(forKey: key)
        defer { (state.first[key], state.second[key]) = (first, second) }
        return optimizer.update(&value, gradient: gradient, first: &first, second: &second, step: state.step)
    }
}

/// What an untraced iteration of `Network.train` reports.
public struct TrainingStep: Hashable, Sendable {
    public var loss: Double
    /// As `Iteration.firstNonFinite`.
    public var firstNonFinite: Quantity?
}
