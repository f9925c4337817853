import StepgradData
import StepgradEngine
import StepgradScenario

/// Training on a scenario's data: mini-batch after mini-batch through the engine's own
/// `Network.iterate`, so that every step is the same pure pass the step-by-step view shows, and
/// any of them can be opened there (`passScenario`).
///
/// A value: copying a trainer forks the run, and nothing in it is shared or hidden.
public struct Trainer: Sendable {
    /// The scenario's network; its optimizer may be retuned while training (`retune`).
    public private(set) var network: Network
    public let plan: TrainingPlan
    public private(set) var parameters: Parameters
    public private(set) var optimizerState = OptimizerState()
    /// Epochs finished.
    public private(set) var epoch = 0
    /// Mini-batches finished in the epoch under way.
    public private(set) var batchIndex = 0
    /// Mini-batches trained so far, over all epochs.
    public private(set) var iterations = 0
    /// The loss of the last mini-batch trained.
    public private(set) var lastLoss: Double?
    /// The first quantity that overflowed, once one has; training stops there.
    public private(set) var overflow: Quantity?
    /// Each layer's ‖∂L/∂W‖ averaged over the mini-batches of the last epoch finished; empty before
    /// the first.
    public private(set) var epochGradientNorms: [Double] = []
    /// The order of the epoch under way.
    private var order: [Int]
    /// The epoch under way's sums of each layer's gradient norm, and the last mini-batch's norms.
    private var gradientNormSums: [Double], batchGradientNorms: [Double]
    /// The mini-batches trained on, filled in place: one of `batchSize` rows, and one for a smaller
    /// last mini-batch of an epoch. Training allocates nothing of its own per mini-batch.
    private var fullBatch: Batch, lastBatch: Batch
    /// The engine's workspace, reused from one mini-batch to the next.
    private var scratch = IterationScratch()

    /// `nil` unless the scenario has `data:`.
    public init?(_ scenario: Scenario) {
        guard let plan = scenario.training else { return nil }
        network = scenario.network
        self.plan = plan
        parameters = scenario.parameters
        order = plan.order(epoch: 1)
        gradientNormSums = Array(repeating: 0, count: network.depth)
        batchGradientNorms = gradientNormSums
        func batch(_ rows: Int) -> Batch {
            Batch(input: Matrix(rows: rows, columns: plan.train.inputs.columns),
                  target: Matrix(rows: rows, columns: plan.train.targets.columns))
        }
        fullBatch = batch(min(plan.batchSize, plan.train.count))
        lastBatch = batch(plan.train.count - (plan.batchesPerEpoch - 1) * plan.batchSize)
    }

    /// The mini-batch the next step trains on.
    public var nextBatch: Batch { plan.batch(batchIndex, of: order) }

    /// Changes the learning rate, weight decay or any other setting of the optimizer, keeping the
    /// weights and the optimizer's buffers: training goes on from where it is.
    public mutating func retune(_ optimizer: Optimizer) {
        network.optimizer = optimizer
    }

    /// The scenario whose single pass is the next step: these weights, this mini-batch. It opens in
    /// the step-by-step view, where its first iteration is exactly what `step()` computes.
    public func passScenario(_ scenario: Scenario) -> Scenario {
        var pass = scenario
        pass.network = network
        pass.parameters = parameters
        pass.batch = nextBatch
        pass.initializer = nil
        return pass
    }

    /// Trains one mini-batch, in place (`Network.train`): what `Network.iterate` gives, bit for
    /// bit, without allocating.
    @discardableResult
    public mutating func step() -> TrainingStep {
        let last = batchIndex == plan.batchesPerEpoch - 1, first = batchIndex * plan.batchSize
        // A static fill, given what it reads: a method of `self` writing into a property of `self`
        // would have Swift copy the whole trainer first, for exclusive access.
        if last { Self.fill(&lastBatch, from: plan.train, order: order, first: first) } else {
            Self.fill(&fullBatch, from: plan.train, order: order, first: first)
        }
        let network = network, batch = last ? lastBatch : fullBatch
        let outcome = batchGradientNorms.withUnsafeMutableBufferPointer {
            network.train(&parameters, &optimizerState, on: batch, scratch: &scratch, gradientNorms: $0)
        }
        lastLoss = outcome.loss
        overflow = overflow ?? outcome.firstNonFinite
        for l in gradientNormSums.indices { gradientNormSums[l] += batchGradientNorms[l] }
        iterations += 1
        batchIndex += 1
        if batchIndex == plan.batchesPerEpoch {
            epochGradientNorms = gradientNormSums.map { $0 / Double(plan.batchesPerEpoch) }
            for l in gradientNormSums.indices { gradientNormSums[l] = 0 }
            epoch += 1
            batchIndex = 0
            order = plan.order(epoch: epoch + 1)
        }
        return outcome
    }

    /// Copies the rows `order[first...]` of `train` into `batch`, as many as it has: the mini-batch
    /// starting there, as `plan.batch` would build it, without building it.
    private static func fill(_ batch: inout Batch, from train: Dataset, order: [Int], first: Int) {
        let inputs = train.inputs.columns, targets = train.targets.columns
        for r in 0..<batch.size {
            let row = order[first + r]
            for c in 0..<inputs { batch.input.elements[r * inputs + c] = train.inputs.elements[row * inputs + c] }
            for c in 0..<targets { batch.target.elements[r * targets + c] = train.targets.elements[row * targets + c] }
        }
    }

    /// Trains to the end of the epoch under way.
    public mutating func finishEpoch() {
        let current = epoch
        while epoch == current { step() }
    }

    /// The network's outputs for these inputs, one row each.
    public func predict(_ inputs: Matrix) -> Matrix {
        network.forward(parameters, inputs).activations[network.depth]
    }

    /// Loss and (for classes) accuracy on a whole dataset with the current weights.
    public func evaluate(_ dataset: Dataset) -> Evaluation {
        Evaluation(network: network, prediction: predict(dataset.inputs), dataset: dataset)
    }

    /// Both sets' loss and accuracy after the epochs finished so far, and each layer's norms.
    public var metrics: EpochMetrics {
        let norms = (1...network.depth).map { l in
            LayerNorms(weights: parameters.weights(l).frobeniusNorm,
                       gradient: epochGradientNorms.isEmpty ? nil : epochGradientNorms[l - 1])
        }
        return EpochMetrics(epoch: epoch, iterations: iterations, train: evaluate(plan.train),
                            test: plan.test.count > 0 ? evaluate(plan.test) : nil, layers: norms)
    }
}
