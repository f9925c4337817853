import Foundation

extension Workspace {
    /// The iteration's operations in the order they were computed, read off the workspace
    /// after the arithmetic is done, so that recording cannot change a result.
    func operations(_ parameters: Parameters, _ batch: Batch, loss: Double, steps: [ParameterStep], step: Int) -> [Operation] {
        let L = network.depth
        let context = Operation.Context(convention: network.convention, outputLayer: L, batch: rows)
        var operations: [Operation] = []
        operations.reserveCapacity(6 * L + 2 + 5 * steps.count)
        var overflowed = false
        func add(_ phase: Phase, _ layer: Int?, _ quantity: Quantity, _ rule: Rule, _ result: Matrix, remarks: [Remark] = []) {
            var remarks = remarks
            if !overflowed && !result.elements.allSatisfy(\.isFinite)
                && rule.family.operands.allSatisfy({ $0.value.elements.allSatisfy(\.isFinite) }) {
                overflowed = true
                remarks.append(.overflowsHere(iteration: step))
            }
            operations.append(Operation(phase: phase, layer: layer, quantity: quantity, rule: rule, result: result,
                                        context: context, remarks: remarks))
        }
        // Each quantity is copied out once and shared by every operation that reads it.
        let values = LayerValues(self, parameters, input: batch.input)
        func the(_ region: Workspace.Region, _ l: Int) -> Operand {
            let quantity: Quantity = switch region {
            case .z: .z(l)
            case .a: l == 0 ? .x : .a(l)
            case .da: .da(l)
            case .dz: .dz(l)
            case .dW: .dW(l)
            case .db: .db(l)
            }
            return Operand(quantity, values[region, l])
        }
        func W(_ l: Int) -> Operand { Operand(.W(l), parameters.weights(l)) }

        for l in 1...L {
            let bias = parameters.bias(l).map { Operand(.b(l), $0) }
            add(.forward, l, .z(l), .affine(Affine(weights: W(l), input: the(.a, l - 1), bias: bias)), values[.z, l])
            add(.forward, l, .a(l), .activation(Activate(network.layer(l).activation, z: the(.z, l))), values[.a, l])
        }

        let lossFunction = network.loss, reduction = network.reduction
        let prediction = the(.a, L), target = Operand(.y, batch.target), logits = network.isFused ? the(.z, L) : nil
        add(.loss, nil, .loss, .loss(LossValue(loss: lossFunction, reduction: reduction, prediction: prediction, target: target, logits: logits)),
            Matrix(rows: 1, columns: 1, repeating: loss))
        add(.backward, L, .da(L), .lossGradient(LossGradient(loss: lossFunction, reduction: reduction, prediction: prediction, target: target, logits: logits)),
            values[.da, L])
        if network.isFused {
            add(.backward, L, .dz(L),
                .fusedOutputGradient(OutputGradient(loss: lossFunction, reduction: reduction, prediction: prediction, target: target, logits: logits)),
                values[.dz, L], remarks: shortcutRemarks(batch.target))
        } else {
            add(.backward, L, .dz(L), .activationGradient(ActivationGradient(network.layer(L).activation, da: the(.da, L), z: the(.z, L),
                                                                             a: prediction)), values[.dz, L])
        }
        for l in stride(from: L, through: 1, by: -1) {
            if l < L {
                add(.backward, l, .da(l), .inputGradient(InputGradient(weights: W(l + 1), dz: the(.dz, l + 1))), values[.da, l])
                add(.backward, l, .dz(l), .activationGradient(ActivationGradient(network.layer(l).activation, da: the(.da, l),
                                                                                 z: the(.z, l), a: the(.a, l))), values[.dz, l])
            }
            if network.layer(l).trains(.weights) {
                add(.backward, l, .dW(l), .weightGradient(WeightGradient(dz: the(.dz, l), input: the(.a, l - 1))), values[.dW, l])
            }
            if parameters.bias(l) != nil && network.layer(l).trains(.bias) {
                add(.backward, l, .db(l), .biasGradient(BiasGradient(dz: the(.dz, l))), values[.db, l])
            }
        }

        for s in steps {
            let p = s.parameter, l = p.layer!, isBias = p.kind == .b
            let parameter = Operand(p, s.old), gradient = isBias ? the(.db, l) : the(.dW, l)
            let decayed = DecayedGradient(gradient: gradient, parameter: parameter, decay: network.optimizer.weightDecay)
            func state(_ kind: Quantity.Kind, _ value: Matrix) -> Operand { Operand(.state(kind, of: p), value) }
            func previous(_ kind: Quantity.Kind, _ value: Matrix?) -> Operand {
                Operand(.state(kind, of: p, previous: true), value ?? Matrix(rows: s.old.rows, columns: s.old.columns))
            }
            /// Adds a step of the update phase, its result computed by its own rule.
            func update(_ quantity: Quantity, _ rule: Rule) -> Operand {
                let result = rule.family.evaluated(context)
                add(.update, l, quantity, rule, result)
                return Operand(quantity, result)
            }
            switch network.optimizer {
            case .sgd(let sgd) where sgd.momentum == 0:
                add(.update, l, isBias ? .b_new(l) : .W_new(l), .sgd(SGDStep(sgd, parameter: parameter, direction: .gradient(decayed))),
                    s.new.value)
            case .sgd(let sgd):
                let previousBuffer = s.new.previousFirst.map { Operand(.state(.buf, of: p, previous: true), $0) }
                add(.update, l, .state(.buf, of: p), .momentum(MomentumBuffer(momentum: sgd.momentum, previous: previousBuffer, gradient: decayed)),
                    s.new.first!)
                add(.update, l, isBias ? .b_new(l) : .W_new(l),
                    .sgd(SGDStep(sgd, parameter: parameter, direction: .buffer(state(.buf, s.new.first!)))), s.new.value)
            case .adam(let adam):
                add(.update, l, .state(.m, of: p), .moment(AdamMoment(order: 1, beta: adam.beta1, previous: previous(.m, s.new.previousFirst),
                                                                      gradient: decayed)), s.new.first!)
                add(.update, l, .state(.v, of: p), .moment(AdamMoment(order: 2, beta: adam.beta2, previous: previous(.v, s.new.previousSecond),
                                                                      gradient: decayed)), s.new.second!)
                let mhat = update(.state(.mhat, of: p), .biasCorrection(BiasCorrection(beta: adam.beta1, step: step, moment: state(.m, s.new.first!))))
                let vhat = update(.state(.vhat, of: p), .biasCorrection(BiasCorrection(beta: adam.beta2, step: step, moment: state(.v, s.new.second!))))
                add(.update, l, isBias ? .b_new(l) : .W_new(l), .adam(AdamStep(adam, parameter: parameter, mhat: mhat, vhat: vhat)), s.new.value)
            }
        }
        return operations
    }

    /// Says when the softmax + cross-entropy shortcut dz = ŷ − y does not hold.
    private func shortcutRemarks(_ y: Matrix) -> [Remark] {
        guard network.loss == .crossEntropy else { return [] }
        let sums = (0..<y.rows).map { y.row($0).reduce(0, +) }
        guard let off = sums.first(where: { abs($0 - 1) > 1e-12 }) else { return [] }
        return [.targetSumIsNotOne(off)]
    }
}

/// Every region of the workspace as a matrix, for the trace; a₀ is the input.
private struct LayerValues {
    private var matrices: [Matrix]

    init(_ work: borrowing Workspace, _ parameters: Parameters, input: Matrix) {
        let none = Matrix(rows: 0, columns: 0)
        matrices = [input]
        matrices.reserveCapacity(1 + Workspace.Region.allCases.count * work.network.depth)
        for l in 1...work.network.depth {
            for region in Workspace.Region.allCases {
                switch region {
                // An identity layer's a is its z: share the storage.
                case .a where work.network.layer(l).activation == .identity: matrices.append(matrices[matrices.count - 1])
                case .db where parameters.bias(l) == nil: matrices.append(none)
                default: matrices.append(work.matrix(region, l))
                }
            }
        }
    }

    subscript(_ region: Workspace.Region, _ l: Int) -> Matrix {
        l == 0 ? matrices[0] : matrices[1 + Workspace.Region.allCases.count * (l - 1) + region.rawValue]
    }
}
