import StepgradEngine

/// What a command will cost, estimated from the scenario before any of the work starts, so
/// that a small file asking for a huge network or batch is refused in a moment with a message
/// saying which limit it passes and how to lower it, instead of running out of memory.
///
/// The measure is the number of arithmetic terms a worked iteration writes out (every product
/// of `z = W·x` and of the backward pass, every element of the activations, the loss and the
/// update): explain, check and the screen build an expansion for each, at roughly 100 bytes
/// and a few microseconds a term today. The gradient check is counted in floating-point
/// operations: two forward passes per parameter.
public enum WorkBudget {
    /// Terms written out by one command (all its iterations): about 2 GB of memory at most.
    public static let terms = 20_000_000
    /// Floating-point operations of a gradient check, or of the iterations trained without a
    /// trace before the first one written out (`explain --from`): seconds, not hours.
    public static let operations = 10_000_000_000

    /// An estimate of the terms one iteration writes out. Saturates instead of overflowing.
    public static func termsPerIteration(_ scenario: Scenario) -> Int {
        let batch = scenario.batch.size
        var total = 0
        var inputs = scenario.network.inputs
        for layer in scenario.network.layers {
            let units = layer.units
            let weights = inputs.saturatingMultiply(units)
            // Forward products, the input gradient, the weight gradient; per-unit work; the update.
            total = total.saturatingAdd(weights.saturatingMultiply(batch).saturatingMultiply(3))
            total = total.saturatingAdd(units.saturatingMultiply(batch).saturatingMultiply(4))
            total = total.saturatingAdd(weights.saturatingAdd(units).saturatingMultiply(6))
            if layer.activation == .softmax {
                // Every output of a softmax reads every other, forward and backward.
                total = total.saturatingAdd(units.saturatingMultiply(units).saturatingMultiply(batch).saturatingMultiply(2))
            }
            inputs = units
        }
        return total
    }

    /// Refuses `command` on `scenario` when its estimate passes a limit.
    public static func check(_ scenario: Scenario, command: String, iterations: Int = 1, trainedFirst: Int = 0,
                             gradientCheck: Bool = false) throws(ScenarioError) {
        let perIteration = termsPerIteration(scenario)
        let estimate = perIteration.saturatingMultiply(iterations)
        let shape = ([scenario.network.inputs] + scenario.network.layers.map(\.units)).map(String.init).joined(separator: "-")
        let size = "\(scenario.batch.size.grouped) sample\(scenario.batch.size == 1 ? "" : "s"), layers \(shape)"
        if estimate > terms {
            let lower = iterations > 1 && perIteration <= terms
                ? "lower --iterations to \(max(1, terms / max(perIteration, 1)))"
                : "use fewer samples or smaller layers"
            throw ScenarioError(path: scenario.path, message:
                "\(command) would write out about \(estimate.grouped) arithmetic terms (\(size), \(iterations.grouped) "
                + "iteration\(iterations == 1 ? "" : "s")); the limit is \(terms.grouped) (about 2 GB of memory): \(lower)")
        }
        var forward = 0, inputs = scenario.network.inputs
        for layer in scenario.network.layers {
            forward = forward.saturatingAdd(inputs.saturatingMultiply(layer.units).saturatingMultiply(scenario.batch.size))
            inputs = layer.units
        }
        // An untraced iteration: a product forward, two backward, each a multiply and an add.
        let training = forward.saturatingMultiply(6).saturatingMultiply(trainedFirst)
        if training > operations {
            throw ScenarioError(path: scenario.path, message:
                "training \(trainedFirst.grouped) iterations first would take about \(training.grouped) floating-point operations "
                + "(\(size)); the limit is \(operations.grouped): lower --from")
        }
        guard gradientCheck else { return }
        let parameters = scenario.parameters.weights.map(\.count).reduce(0) { $0.saturatingAdd($1) }
            .saturatingAdd(scenario.parameters.biases.compactMap { $0?.count }.reduce(0) { $0.saturatingAdd($1) })
        let checking = parameters.saturatingMultiply(forward).saturatingMultiply(2)
        if checking > operations {
            throw ScenarioError(path: scenario.path, message:
                "--check-gradients would take about \(checking.grouped) floating-point operations (\(size)); the limit is "
                + "\(operations.grouped): leave out --check-gradients, or use fewer samples or smaller layers")
        }
    }
}

extension Int {
    func saturatingMultiply(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }

    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
