import StepgradEngine

/// Everything an iteration starts from besides the data: the point time travel returns to.
struct Snapshot: Hashable, Sendable, Codable {
    var parameters: Parameters
    var optimizerState: OptimizerState

    init(parameters: Parameters, optimizerState: OptimizerState = OptimizerState()) {
        self.parameters = parameters
        self.optimizerState = optimizerState
    }

    /// Where an iteration leaves the training.
    init(after outcome: Iteration) {
        self.init(parameters: outcome.parameters, optimizerState: outcome.optimizerState)
    }

    func iterate(_ network: Network, on batch: Batch, record: Bool) -> Iteration {
        network.iterate(parameters, optimizerState, on: batch, record: record)
    }
}

/// One iteration with its trace: what a session shows and steps through.
struct RecordedIteration: Hashable, Sendable {
    /// 1-based.
    var number: Int
    var input: Snapshot
    var outcome: Iteration

    /// The whole matrix of a quantity in this iteration: data and parameters as given,
    /// results from the trace, optimizer buffers as the update left them.
    func matrix(of q: Quantity, batch: Batch) -> Matrix? {
        switch q.kind {
        case .x: return batch.input
        case .y: return batch.target
        case .W: return q.layer.flatMap { l in input.parameters.weights.indices.contains(l - 1) ? input.parameters.weights(l) : nil }
        case .b: return q.layer.flatMap { l in input.parameters.biases.indices.contains(l - 1) ? input.parameters.bias(l) : nil }
        case _ where q.isPrevious:
            // Carried in from the iteration before: read where this iteration's buffer is computed.
            var current = q
            current.isPrevious = false
            return outcome.trace.operation(producing: current)?.operands.first { $0.quantity == q }?.value
        default: return outcome.trace.operation(producing: q)?.result
        }
    }
}

extension Quantity {
    /// Given before the iteration starts rather than computed by it (data, parameters, carried-in buffers).
    var isGiven: Bool { [.x, .y, .W, .b].contains(kind) || isPrevious }
}
