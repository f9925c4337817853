/// The outcome of one training iteration.
public struct Iteration: Hashable, Sendable {
    public var loss: Double
    public var parameters: Parameters
    public var optimizerState: OptimizerState
    /// Empty unless the iteration was recorded.
    public var trace: Trace
}

extension Network {
    /// One iteration — forward, loss, backward, update — as a pure function of its inputs.
    /// With `record`, every operation is kept in the trace.
    public func iterate(_ parameters: Parameters, _ state: OptimizerState, on batch: Batch,
                        record: Bool = true) -> Iteration {
        var recorder = Recorder(enabled: record,
                                context: .init(convention: convention, outputLayer: depth, batch: batch.size))
        let L = depth
        let forward = self.forward(parameters, batch.input, recorder: &recorder)
        let a = forward.activations, z = forward.preactivations

        // Loss
        let lossValue = loss(of: a[L], target: batch.target)
        recorder.add(.loss, nil, .loss, .loss(loss, reduction), [Operand(.a(L), a[L]), Operand(.y, batch.target)],
                     Matrix(rows: 1, columns: 1, repeating: lossValue))

        // Backward
        let gradients = backward(parameters, batch, z: z, a: a, recorder: &recorder)

        // Update
        var state = state
        state.step += 1
        var updated = parameters
        for l in 1...L {
            let named: [(Quantity, Quantity, Quantity, Matrix, Matrix)] =
                [(.W(l), .dW(l), .W_new(l), parameters.weights(l), gradients.weights[l - 1])]
                + (parameters.bias(l).map { [(.b(l), .db(l), .b_new(l), $0, gradients.biases[l - 1]!)] } ?? [])
            for (p, dp, new, value, gradient) in named {
                let key = p.name
                let step = optimizer.update(value, gradient: gradient, first: state.first[key],
                                            second: state.second[key], step: state.step)
                state.first[key] = step.first
                state.second[key] = step.second
                if p.kind == .W { updated.weights[l - 1] = step.value } else { updated.biases[l - 1] = step.value }
                if recorder.enabled {
                    let isBias = p.kind == .b
                    var operands = [Operand(p, value), Operand(dp, gradient)]
                    let rule: Rule
                    switch optimizer {
                    case .sgd(let s):
                        rule = .sgd(s)
                        if let buffer = step.first { operands.append(Operand(.init(.velocity, layer: l, ofBias: isBias), buffer)) }
                    case .adam(let adam):
                        rule = .adam(adam, step: state.step)
                        operands.append(Operand(.init(.m, layer: l, ofBias: isBias), step.first!))
                        operands.append(Operand(.init(.v, layer: l, ofBias: isBias), step.second!))
                    }
                    recorder.add(.update, l, new, rule, operands, step.value)
                }
            }
        }
        return Iteration(loss: lossValue, parameters: updated, optimizerState: state,
                         trace: Trace(operations: recorder.operations))
    }

    /// The forward pass alone: `activations[0]` is the input, `activations[L]` is ŷ.
    public func forward(_ parameters: Parameters, _ input: Matrix) -> (preactivations: [Matrix], activations: [Matrix]) {
        var recorder = Recorder(enabled: false, context: .init(convention: convention, outputLayer: depth, batch: input.rows))
        return forward(parameters, input, recorder: &recorder)
    }

    /// The reduced loss over the batch.
    public func loss(of prediction: Matrix, target: Matrix) -> Double {
        var total = 0.0
        for s in 0..<prediction.rows { total += loss.value(prediction: prediction.row(s), target: target.row(s)) }
        return total * reduction.factor(batch: prediction.rows)
    }

    private func forward(_ parameters: Parameters, _ input: Matrix, recorder: inout Recorder)
        -> (preactivations: [Matrix], activations: [Matrix]) {
        var z = [input], a = [input]
        for l in 1...depth {
            let W = parameters.weights(l), input = a[l - 1]
            var zl = convention == .wx ? input.multiplied(byTransposeOf: W) : input.multiplied(by: W)
            if let b = parameters.bias(l) { zl = zl.addingRow(b) }
            let al = layer(l).activation.apply(zl)
            z.append(zl)
            a.append(al)
            if recorder.enabled {
                let inputName: Quantity = l == 1 ? .x : .a(l - 1)
                let operands = [Operand(.W(l), W), Operand(inputName, input)]
                    + (parameters.bias(l).map { [Operand(.b(l), $0)] } ?? [])
                recorder.add(.forward, l, .z(l), .affine, operands, zl)
                recorder.add(.forward, l, .a(l), .activation(layer(l).activation), [Operand(.z(l), zl)], al)
            }
        }
        return (z, a)
    }

    /// Gradients of the loss for every parameter, in the parameters' layout.
    private func backward(_ parameters: Parameters, _ batch: Batch, z: [Matrix], a: [Matrix],
                          recorder: inout Recorder) -> (weights: [Matrix], biases: [Matrix?]) {
        let L = depth, scale = reduction.factor(batch: batch.size)
        let y = batch.target, yHat = a[L]
        var dW = [Matrix](), db = [Matrix?]()
        dW.reserveCapacity(L)

        // ∂L/∂ŷ
        var da = yHat
        for s in 0..<yHat.rows {
            for j in 0..<yHat.columns {
                da[s, j] = scale * loss.gradient(prediction: yHat[s, j], target: y[s, j], outputs: yHat.columns)
            }
        }
        let outputActivation = layer(L).activation
        let fused = loss.requiredActivation == outputActivation
        if recorder.enabled {
            recorder.add(.backward, L, .da(L), .lossGradient(loss, reduction), [Operand(.a(L), yHat), Operand(.y, y)], da)
        }

        var dz: Matrix
        if fused {
            dz = Self.fusedOutputGradient(loss, yHat: yHat, y: y, scale: scale)
            if recorder.enabled {
                recorder.add(.backward, L, .dz(L), .fusedOutputGradient(loss, reduction),
                             [Operand(.a(L), yHat), Operand(.y, y)], dz, notes: shortcutNotes(y))
            }
        } else {
            dz = Self.activationGradient(outputActivation, da: da, z: z[L], a: yHat)
            if recorder.enabled {
                recorder.add(.backward, L, .dz(L), .activationGradient(outputActivation),
                             [Operand(.da(L), da), Operand(.z(L), z[L]), Operand(.a(L), yHat)], dz)
            }
        }

        for l in stride(from: L, through: 1, by: -1) {
            if l < L {
                let W = parameters.weights(l + 1)
                da = convention == .wx ? dz.multiplied(by: W) : dz.multiplied(byTransposeOf: W)
                let activation = layer(l).activation
                let previous = dz
                dz = Self.activationGradient(activation, da: da, z: z[l], a: a[l])
                if recorder.enabled {
                    recorder.add(.backward, l, .da(l), .inputGradient,
                                 [Operand(.W(l + 1), W), Operand(.dz(l + 1), previous)], da)
                    recorder.add(.backward, l, .dz(l), .activationGradient(activation),
                                 [Operand(.da(l), da), Operand(.z(l), z[l]), Operand(.a(l), a[l])], dz)
                }
            }
            let input = a[l - 1], inputName: Quantity = l == 1 ? .x : .a(l - 1)
            let dWl = convention == .wx ? dz.transposeMultiplied(by: input) : input.transposeMultiplied(by: dz)
            dW.append(dWl)
            let dbl = parameters.bias(l) == nil ? nil : dz.columnSums
            db.append(dbl)
            if recorder.enabled {
                recorder.add(.backward, l, .dW(l), .weightGradient, [Operand(.dz(l), dz), Operand(inputName, input)], dWl)
                if let dbl { recorder.add(.backward, l, .db(l), .biasGradient, [Operand(.dz(l), dz)], dbl) }
            }
        }
        return (dW.reversed(), db.reversed())
    }

    static func fusedOutputGradient(_ loss: Loss, yHat: Matrix, y: Matrix, scale: Double) -> Matrix {
        var dz = yHat
        for s in 0..<yHat.rows {
            // softmax + CE: ŷ·Σy − y (= ŷ − y only when the target sums to 1).
            let targetSum = loss == .crossEntropy ? y.row(s).reduce(0, +) : 1
            let perOutput = loss == .binaryCrossEntropy ? 1 / Double(yHat.columns) : 1
            for j in 0..<yHat.columns {
                dz[s, j] = scale * perOutput * (yHat[s, j] * targetSum - y[s, j])
            }
        }
        return dz
    }

    static func activationGradient(_ activation: Activation, da: Matrix, z: Matrix, a: Matrix) -> Matrix {
        guard activation == .softmax else {
            var dz = da
            for i in 0..<dz.count { dz.elements[i] *= activation.derivative(z: z.elements[i], a: a.elements[i]) }
            return dz
        }
        // dz_j = ŷ_j (da_j − Σ_k da_k ŷ_k)
        var dz = da
        for s in 0..<da.rows {
            var dot = 0.0
            for k in 0..<da.columns { dot += da[s, k] * a[s, k] }
            for j in 0..<da.columns { dz[s, j] = a[s, j] * (da[s, j] - dot) }
        }
        return dz
    }

    private func shortcutNotes(_ y: Matrix) -> [String] {
        guard loss == .crossEntropy else { return [] }
        let sums = (0..<y.rows).map { y.row($0).reduce(0, +) }
        guard let off = sums.first(where: { abs($0 - 1) > 1e-12 }) else { return [] }
        let shown = NumberStyle(decimals: 6).format(off)
        return ["The target sums to \(shown), not 1, so the familiar shortcut dz = ŷ − y does not hold: "
                + "the exact gradient is dz = ŷ·Σy − y."]
    }
}

/// Collects operations only when asked to, so that the untraced path pays nothing.
struct Recorder {
    let enabled: Bool
    let context: Operation.Context
    var operations: [Operation] = []

    init(enabled: Bool, context: Operation.Context) {
        self.enabled = enabled
        self.context = context
    }

    mutating func add(_ phase: Phase, _ layer: Int?, _ quantity: Quantity, _ rule: Rule, _ operands: [Operand],
                      _ result: Matrix, notes: [String] = []) {
        guard enabled else { return }
        operations.append(Operation(phase: phase, layer: layer, quantity: quantity, rule: rule, operands: operands,
                                    result: result, context: context, notes: notes))
    }
}

