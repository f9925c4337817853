import Foundation

extension Workspace {
    /// The iteration's operations in the order they were computed, read off the workspace
    /// after the arithmetic is done, so that recording cannot change a result.
    func operations(_ parameters: Parameters, _ batch: Batch, loss: Double, steps: [ParameterStep], step: Int) -> [Operation] {
        let L = network.depth
        let context = Operation.Context(convention: network.convention, outputLayer: L, batch: rows)
        var operations: [Operation] = []
        operations.reserveCapacity(6 * L + 2 + steps.count)
        func add(_ phase: Phase, _ layer: Int?, _ quantity: Quantity, _ rule: Rule, _ operands: [Operand], _ result: Matrix,
                 remarks: [Remark] = []) {
            operations.append(Operation(phase: phase, layer: layer, quantity: quantity, rule: rule, operands: operands,
                                        result: result, context: context, remarks: remarks))
        }
        // Each quantity is copied out once and shared by every operation that reads it.
        let values = LayerValues(self, parameters, input: batch.input)
        func input(_ l: Int) -> Operand { Operand(l == 1 ? .x : .a(l - 1), values[.a, l - 1]) }

        for l in 1...L {
            let weights = Operand(.W(l), parameters.weights(l))
            add(.forward, l, .z(l), .affine, parameters.bias(l).map { [weights, input(l), Operand(.b(l), $0)] } ?? [weights, input(l)], values[.z, l])
            add(.forward, l, .a(l), .activation(network.layer(l).activation), [Operand(.z(l), values[.z, l])], values[.a, l])
        }

        let lossFunction = network.loss, reduction = network.reduction
        let prediction = Operand(.a(L), values[.a, L]), predictionAndTarget = [prediction, Operand(.y, batch.target)]
        add(.loss, nil, .loss, .loss(lossFunction, reduction), predictionAndTarget, Matrix(rows: 1, columns: 1, repeating: loss))

        add(.backward, L, .da(L), .lossGradient(lossFunction, reduction), predictionAndTarget, values[.da, L])
        if network.isFused {
            add(.backward, L, .dz(L), .fusedOutputGradient(lossFunction, reduction), predictionAndTarget, values[.dz, L],
                remarks: shortcutRemarks(batch.target))
        } else {
            add(.backward, L, .dz(L), .activationGradient(network.layer(L).activation),
                [Operand(.da(L), values[.da, L]), Operand(.z(L), values[.z, L]), prediction], values[.dz, L])
        }
        for l in stride(from: L, through: 1, by: -1) {
            if l < L {
                add(.backward, l, .da(l), .inputGradient, [Operand(.W(l + 1), parameters.weights(l + 1)), Operand(.dz(l + 1), values[.dz, l + 1])], values[.da, l])
                add(.backward, l, .dz(l), .activationGradient(network.layer(l).activation),
                    [Operand(.da(l), values[.da, l]), Operand(.z(l), values[.z, l]), Operand(.a(l), values[.a, l])], values[.dz, l])
            }
            add(.backward, l, .dW(l), .weightGradient, [Operand(.dz(l), values[.dz, l]), input(l)], values[.dW, l])
            if parameters.bias(l) != nil {
                add(.backward, l, .db(l), .biasGradient, [Operand(.dz(l), values[.dz, l])], values[.db, l])
            }
        }

        for s in steps {
            let p = s.parameter, l = p.layer!, isBias = p.kind == .b
            let gradient = isBias ? Operand(.db(l), values[.db, l]) : Operand(.dW(l), values[.dW, l])
            let rule: Rule, operands: [Operand]
            switch network.optimizer {
            case .sgd(let sgd):
                rule = .sgd(sgd)
                operands = s.new.first.map { [Operand(p, s.old), gradient, Operand(Quantity(.velocity, layer: l, ofBias: isBias), $0)] }
                    ?? [Operand(p, s.old), gradient]
            case .adam(let adam):
                rule = .adam(adam, step: step)
                operands = [Operand(p, s.old), gradient, Operand(Quantity(.m, layer: l, ofBias: isBias), s.new.first!),
                            Operand(Quantity(.v, layer: l, ofBias: isBias), s.new.second!)]
            }
            add(.update, l, isBias ? .b_new(l) : .W_new(l), rule, operands, s.new.value)
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
