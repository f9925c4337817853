/// The outcome of one training iteration.
public struct Iteration: Hashable, Sendable {
    public var loss: Double
    public var parameters: Parameters
    public var optimizerState: OptimizerState
    /// Empty unless the iteration was recorded.
    public var trace: Trace
    /// The first quantity, in the order computed, holding ∞ or NaN: where the numbers overflowed
    /// (a learning rate that explodes, a value beyond the double range). `nil` while all are finite.
    public var firstNonFinite: Quantity? = nil
}

extension Network {
    /// One iteration — forward, loss, backward, update — as a pure function of its inputs.
    /// With `record`, every operation is kept in the trace, built when first read. With
    /// `gradientNorms` (one element a layer), each layer's ‖∂L/∂W‖ is written there (0 for frozen
    /// weights): what the training view plots, without a copy of the gradients.
    public func iterate(_ parameters: Parameters, _ state: OptimizerState, on batch: Batch,
                        record: Bool = true, gradientNorms: UnsafeMutableBufferPointer<Double>? = nil) -> Iteration {
        let work = Workspace(self, rows: batch.size)
        work.forward(parameters, batch.input)
        let lossValue = work.loss(batch.target)
        work.backward(parameters, batch.target)
        if let gradientNorms { work.writeGradientNorms(gradientNorms) }

        var state = state
        state.step += 1
        var weights: [Matrix] = [], biases: [Matrix?] = [], steps: [ParameterStep] = []
        weights.reserveCapacity(depth)
        biases.reserveCapacity(depth)
        if record { steps.reserveCapacity(2 * depth) }
        for l in 1...depth {
            let w = parameters.weights(l)
            if layer(l).trains(.weights) {
                let newW = step(w, .W(l), gradient: work.pointer(.dW, l), &state)
                weights.append(newW.value)
                if record { steps.append(ParameterStep(parameter: .W(l), old: w, new: newW)) }
            } else {
                weights.append(w)
            }
            if let b = parameters.bias(l), layer(l).trains(.bias) {
                let newB = step(b, .b(l), gradient: work.pointer(.db, l), &state)
                biases.append(newB.value)
                if record { steps.append(ParameterStep(parameter: .b(l), old: b, new: newB)) }
            } else {
                biases.append(parameters.bias(l))
            }
        }
        let updated = Parameters(weights: weights, biases: biases)
        let trace = record ? Trace(Recording(network: self, workspace: work.contents, parameters: parameters, batch: batch,
                                             loss: lossValue, steps: steps, step: state.step)) : Trace()
        let overflow = work.firstNonFinite(loss: lossValue) ?? steps.lazy.compactMap { $0.firstNonFinite }.first
            ?? (1...depth).lazy.compactMap { l in
                updated.weights(l).elements.allSatisfy(\.isFinite) ? (updated.bias(l)?.elements.allSatisfy(\.isFinite) ?? true ? nil : .b_new(l))
                    : .W_new(l)
            }.first
        return Iteration(loss: lossValue, parameters: updated, optimizerState: state, trace: trace, firstNonFinite: overflow)
    }

    /// The forward pass alone: `activations[0]` is the input, `activations[L]` is ŷ.
    public func forward(_ parameters: Parameters, _ input: Matrix) -> (preactivations: [Matrix], activations: [Matrix]) {
        let work = Workspace(self, rows: input.rows)
        work.forward(parameters, input)
        return ([input] + (1...depth).map { work.matrix(.z, $0) }, [input] + (1...depth).map { work.matrix(.a, $0) })
    }

    /// The reduced loss over the batch, from the prediction alone.
    public func loss(of prediction: Matrix, target: Matrix) -> Double {
        prediction.withPointer { p in
            target.withPointer { y in
                LossValue.compute(loss, reduction, prediction: p, logits: Optional<UnsafePointer<Double>>.none, target: y, rows: prediction.rows, columns: prediction.columns)
            }
        }
    }

    /// One parameter's update; an optimizer with buffers keeps them under the parameter's name.
    private func step(_ value: Matrix, _ parameter: Quantity, gradient: UnsafePointer<Double>,
                      _ state: inout OptimizerState) -> ParameterStep.Result {
        guard optimizer.keepsState || !state.first.isEmpty || !state.second.isEmpty else {
            return optimizer.update(value, gradient: gradient, first: nil, second: nil, step: state.step)
        }
        let key = parameter.name
        var new = optimizer.update(value, gradient: gradient, first: state.first[key], second: state.second[key], step: state.step)
        new.previousFirst = state.first[key]
        new.previousSecond = state.second[key]
        state.first[key] = new.first
        state.second[key] = new.second
        return new
    }
}

/// What the update did to one parameter, kept for the trace.
struct ParameterStep {
    /// The optimizer's output: the new value and the new buffers, with the buffers it started from.
    struct Result {
        var value: Matrix
        var first: Matrix?
        var second: Matrix?
        var previousFirst: Matrix? = nil
        var previousSecond: Matrix? = nil
    }
    var parameter: Quantity
    var old: Matrix
    var new: Result

    /// The first of this update's results holding ∞ or NaN, in the order computed.
    var firstNonFinite: Quantity? {
        func bad(_ m: Matrix?) -> Bool { m.map { !$0.elements.allSatisfy(\.isFinite) } ?? false }
        if bad(new.first) { return .state(new.second == nil ? .buf : .m, of: parameter) }
        if bad(new.second) { return .state(.v, of: parameter) }
        if bad(new.value) { return parameter.kind == .b ? .b_new(parameter.layer!) : .W_new(parameter.layer!) }
        return nil
    }
}
