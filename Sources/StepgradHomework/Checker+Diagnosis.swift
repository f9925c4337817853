import StepgradEngine

extension Checker {
    /// One way of arriving at a value: from the exact earlier values, or from the student's own.
    struct Basis {
        var values: [Quantity: Matrix]
        /// The judged step on this basis; its result is the value expected.
        var operation: Operation
        var carried: Matrix
        var isStudent: Bool
    }

    /// A mistake at some step and the value that step takes under it.
    struct Alternative {
        var diagnosis: Diagnosis
        var value: Matrix
        var arithmetic: [Element]
    }

    /// The common mistakes that explain a wrong quantity. `steps` are the quantity's own step and the
    /// unwritten steps it was computed from, where a mistake would not show until this answer.
    /// A mistake must explain every number of the answer; only when none does are a sign error
    /// or a single slipped element considered.
    func findings(for result: QuantityResult, written w: WrittenValue, steps: [Operation], bases: [Basis]) -> [Finding] {
        let q = result.quantity
        var found: [Finding] = []
        if w.writtenTransposed && !q.isPerSample {
            found.append(Finding(diagnosis: .transposed, step: q, withStudentValues: true, alternative: nil, arithmetic: []))
        }
        let wrong = result.wrongElements
        guard !wrong.isEmpty else { return found }

        var whole: [Finding] = []
        func add(_ finding: Finding) {
            if !whole.contains(where: { $0.diagnosis == finding.diagnosis && $0.step == finding.step }) { whole.append(finding) }
        }
        // A few numbers typed in a quiz say nothing of the layout.
        let isMatrix = w.value.rows > 1 && w.value.columns > 1 && w.given == nil
        for basis in bases where isMatrix && !q.isPerSample && w.value.rows == w.value.columns {
            let flipped = basis.operation.result.transposed
            if fits(flipped, w, basis.carried) {
                add(Finding(diagnosis: .transposed, step: q, withStudentValues: basis.isStudent, alternative: flipped, arithmetic: []))
            }
        }
        for basis in bases {
            for step in steps {
                for alternative in alternatives(of: step, values: basis.values) {
                    guard let value = propagate(alternative.value, from: step, to: q, through: steps, values: basis.values),
                          fits(value, w, basis.carried) else { continue }
                    add(Finding(diagnosis: alternative.diagnosis, step: step.quantity, withStudentValues: basis.isStudent,
                                alternative: alternative.value, arithmetic: alternative.arithmetic))
                }
            }
        }
        guard whole.isEmpty else { return found + whole }

        let flipped = wrong.filter { e in
            bases.contains { Tolerance.accepts(e.written, -$0.operation.result[e.cell.row, e.cell.column],
                                               within: Tolerance.unit(decimals: e.decimals) + $0.carried[e.cell.row, e.cell.column]) }
        }
        if flipped.count == wrong.count {
            return found + [Finding(diagnosis: .signError(wrong.map(\.cell)), step: q, withStudentValues: false,
                                    alternative: nil, arithmetic: [])]
        }
        if wrong.count == 1, result.elements.count > 1, let slipped = wrong.first {
            let misread = misreads(at: slipped, in: bases)
            return found + [Finding(diagnosis: .slip(slipped.cell, misreads: misread), step: q, withStudentValues: false,
                                    alternative: nil, arithmetic: [])]
        }
        return found
    }

    /// Every number of the answer matches `alternative` to one unit of its last written place (the
    /// allowance of a step with rounded partial results: how the student worked a mistaken step
    /// out is not known) plus the rounding carried. Only the numbers given count (see `WrittenValue.given`).
    private func fits(_ alternative: Matrix, _ w: WrittenValue, _ carried: Matrix) -> Bool {
        alternative.shape == w.value.shape && (0..<alternative.count).allSatisfy { i in
            w.given?[i] == false || Tolerance.accepts(w.value.elements[i], alternative.elements[i],
                              within: Tolerance.unit(decimals: w.decimals[i]) + carried.elements[i])
        }
    }

    /// What `step` gives under each common mistake that can happen there.
    private func alternatives(of step: Operation, values: [Quantity: Matrix]) -> [Alternative] {
        let operands = operandValues(of: step, in: values)
        func recomputed(_ op: Operation, _ changes: [Quantity: Matrix], _ diagnosis: Diagnosis) -> Alternative? {
            guard let alternative = op.recomputed(substituting: operands.merging(changes) { $1 }) else { return nil }
            return Alternative(diagnosis: diagnosis, value: alternative.result, arithmetic: alternative.elements)
        }
        let l = step.layer ?? 0
        let activation = scenario.network.layers.indices.contains(l - 1) ? scenario.network.layer(l).activation : .identity
        switch step.rule {
        case .affine(var affine) where affine.bias != nil:
            var unbiased = step
            affine.bias = nil
            unbiased.rule = .affine(affine)
            return [recomputed(unbiased, [:], .droppedBias(layer: l))].compactMap { $0 }

        case .fusedOutputGradient(let output):
            let loss = output.loss, reduction = output.reduction
            var found: [Alternative] = []
            if let da = values[.da(l)] {
                found.append(Alternative(diagnosis: .missingActivationDerivative(layer: l, activation), value: da, arithmetic: []))
            }
            if loss == .crossEntropy, let p = operands[.a(l)], let y = operands[.y],
               let sum = (0..<y.rows).map({ y.row($0).reduce(0, +) }).first(where: { abs($0 - 1) > 1e-9 }) {
                let scale = reduction.factor(batch: p.rows)
                found.append(Alternative(diagnosis: .shortcutWithoutUnitTarget(targetSum: sum),
                                         value: p.zipMap(y) { scale * ($0 - $1) }, arithmetic: []))
            }
            return found

        case .activationGradient(let gradient) where gradient.function != .identity:
            guard let da = operands[.da(l)] else { return [] }
            return [Alternative(diagnosis: .missingActivationDerivative(layer: l, gradient.function), value: da, arithmetic: [])]

        case .inputGradient:
            guard let updated = values[.W_new(l + 1)] else { return [] }
            return [recomputed(step, [.W(l + 1): updated], .updatedWeights(layer: l + 1))].compactMap { $0 }

        case .loss:
            guard let y = operands[.y] else { return [] }
            return otherTargets(than: y).compactMap { recomputed(step, [.y: $0], .differentTarget(used: $0, actual: y)) }

        case .momentum(let buffer):
            var found = [undecayed(step).flatMap { recomputed($0, [:], .missingWeightDecay) }].compactMap { $0 }
            // torch sets buf = g at the first step; μ·g + g adds a buffer that did not exist yet.
            if buffer.previous == nil, let first = step.recomputed(substituting: operands) {
                found.append(Alternative(diagnosis: .momentumOnFirstStep(momentum: buffer.momentum),
                                         value: first.result.map { (1 + buffer.momentum) * $0 }, arithmetic: []))
            }
            return found

        case .moment, .sgd:
            return [undecayed(step).flatMap { recomputed($0, [:], .missingWeightDecay) }].compactMap { $0 }

        case .biasCorrection(let correction):
            guard let moment = operands[correction.moment.quantity] else { return [] }
            return [Alternative(diagnosis: .missingBiasCorrection(divisor: BiasCorrection.divisor(beta: correction.beta, step: correction.step)),
                                value: moment, arithmetic: [])]

        default:
            return []
        }
    }

    /// `step` with the weight decay λ·p left out of its gradient; `nil` where it has none.
    private func undecayed(_ step: Operation) -> Operation? {
        func plain(_ g: DecayedGradient) -> DecayedGradient? {
            guard g.decay != 0 else { return nil }
            var without = g
            without.decay = 0
            without.parameter = nil
            return without
        }
        var changed = step
        switch step.rule {
        case .momentum(var buffer):
            guard let g = plain(buffer.gradient) else { return nil }
            buffer.gradient = g
            changed.rule = .momentum(buffer)
        case .moment(var moment):
            guard let g = plain(moment.gradient) else { return nil }
            moment.gradient = g
            changed.rule = .moment(moment)
        case .sgd(var update):
            guard case .gradient(let decayed) = update.direction, let g = plain(decayed) else { return nil }
            update.direction = .gradient(g)
            changed.rule = .sgd(update)
        default:
            return nil
        }
        return changed
    }

    /// Targets a student may have used instead of y: each one-hot (for one sample), and y scaled
    /// to sum to 1 where it does not.
    private func otherTargets(than y: Matrix) -> [Matrix] {
        var targets: [Matrix] = []
        if y.rows == 1 {
            for k in 0..<y.columns {
                var oneHot = Matrix(rows: 1, columns: y.columns)
                oneHot[0, k] = 1
                targets.append(oneHot)
            }
        }
        var normalized = y
        for s in 0..<y.rows {
            let sum = y.row(s).reduce(0, +)
            for j in 0..<y.columns where sum != 0 { normalized[s, j] = y[s, j] / sum }
        }
        targets.append(normalized)
        return targets.reduce(into: []) { unique, t in if t != y && !unique.contains(t) { unique.append(t) } }
    }

    /// The judged quantity when `step` takes `value` and the unwritten steps after it follow.
    private func propagate(_ value: Matrix, from step: Operation, to quantity: Quantity, through steps: [Operation],
                           values: [Quantity: Matrix]) -> Matrix? {
        let order = trace.operations.map(\.quantity)
        guard let start = order.firstIndex(of: step.quantity) else { return nil }
        var values = values
        values[step.quantity] = value
        for later in trace.operations[(start + 1)...] where steps.contains(where: { $0.quantity == later.quantity }) {
            guard let result = later.recomputed(substituting: operandValues(of: later, in: values)) else { return nil }
            values[later.quantity] = result.result
        }
        return values[quantity]
    }

    /// The steps `op` was computed from whose results the student did not write, nearest first.
    func unwrittenSteps(feeding op: Operation, written: Set<Quantity>) -> [Operation] {
        var found: [Operation] = [], seen: Set<Quantity> = []
        var queue = op.operands.map(\.quantity)
        while let q = queue.popLast() {
            guard seen.insert(q).inserted, !written.contains(q), let producer = trace.operation(producing: q) else { continue }
            found.append(producer)
            queue += producer.operands.map(\.quantity)
        }
        return found
    }

    /// Single operand numbers whose misreading — a flipped sign, or a neighbouring number of the
    /// same matrix — reproduces the slipped element.
    private func misreads(at element: ElementResult, in bases: [Basis]) -> [Misread] {
        var found: [Misread] = []
        let cell = element.cell
        for basis in bases {
            let op = basis.operation
            // A guess must reproduce the written number itself, not merely come near it.
            let allowance = Tolerance.halfUnit(decimals: element.decimals) + basis.carried[cell.row, cell.column]
            var references: [CellReference] = []
            for reference in op.reads(at: cell) where !references.contains(reference) { references.append(reference) }
            for reference in references {
                guard let operand = op.operands.first(where: { $0.quantity == reference.quantity }) else { continue }
                let actual = operand.value[reference.cell.row, reference.cell.column]
                var candidates: [Double] = []
                for c in [-actual] + operand.value.elements where c != actual && !candidates.contains(c) { candidates.append(c) }
                for candidate in candidates {
                    var misread = operand.value
                    misread[reference.cell.row, reference.cell.column] = candidate
                    guard let alternative = op.recomputed(substituting: [reference.quantity: misread]),
                          Tolerance.accepts(element.written, alternative.result[cell.row, cell.column], within: allowance)
                    else { continue }
                    if !found.contains(where: { $0.reference == reference && abs($0.read - candidate) < 1e-9 }) {
                        found.append(Misread(reference: reference, actual: actual, read: candidate))
                    }
                }
            }
        }
        return Array(found.prefix(3))
    }
}
