import StepgradData
import StepgradEngine
import StepgradScenario

/// Training on a scenario's data: mini-batch after mini-batch through the engine's own
/// `Network.iterate`, so that every step is the same pure pass the step-by-step view shows, and
/// any of them can be opened there (`passScenario`).
///
/// A value: copying a trainer forks the run, and nothing in it is shared or hidden.
public struct Trainer: Sendable {
    public let network: Network
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
    /// The order of the epoch under way.
    private var order: [Int]
    /// What `step()` reuses from one mini-batch to the next: the batch's storage and the engine's workspace.
    private var batch = Batch(input: Matrix(rows: 0, columns: 0), target: Matrix(rows: 0, columns: 0))
    private var scratch = IterationScratch()

    /// `nil` unless the scenario has `data:`.
    public init?(_ scenario: Scenario) {
        guard let plan = scenario.training else { return nil }
        network = scenario.network
        self.plan = plan
        parameters = scenario.parameters
        order = plan.order(epoch: 1)
    }

    /// The mini-batch the next step trains on.
    public var nextBatch: Batch { plan.batch(batchIndex, of: order) }

    /// The scenario whose single pass is the next step: these weights, this mini-batch. It opens in
    /// the step-by-step view, where its first iteration is exactly what `step()` computes.
    public func passScenario(_ scenario: Scenario) -> Scenario {
        var pass = scenario
        pass.parameters = parameters
        pass.batch = nextBatch
        pass.initializer = nil
        return pass
    }

    /// Trains one mini-batch, in place: what `Network.iterate` gives, without allocating.
    @discardableResult
    public mutating func step() -> TrainingStep {
        plan.fill(&batch, batchIndex, of: order)
        let outcome = network.train(&parameters, &optimizerState, on: batch, scratch: &scratch)
        lastLoss = outcome.loss
        overflow = overflow ?? outcome.firstNonFinite
        iterations += 1
        batchIndex += 1
        if batchIndex == plan.batchesPerEpoch {
            epoch += 1
            batchIndex = 0
            order = plan.order(epoch: epoch + 1)
        }
        return outcome
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

    /// Both sets' loss and accuracy after the epochs finished so far.
    public var metrics: EpochMetrics {
        EpochMetrics(epoch: epoch, iterations: iterations, train: evaluate(plan.train),
                     test: plan.test.count > 0 ? evaluate(plan.test) : nil)
    }
}
