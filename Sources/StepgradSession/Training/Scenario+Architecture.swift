import StepgradEngine
import StepgradScenario

/// A scenario's network changed while training: new shapes need new weights.
extension Scenario {
    /// The initializer used when the file gave its weights rather than `init:`.
    public static let fallbackInitializer = Initializer(seed: 1, scheme: .xavier)

    /// This scenario with `network` and its weights drawn afresh, by the scenario's `init:` (or
    /// `fallbackInitializer` when the file gave the weights), as a newly opened file would be.
    public func redrawn(with network: Network) -> Scenario {
        var next = self
        let initializer = self.initializer ?? Self.fallbackInitializer
        next.network = network
        next.initializer = initializer
        next.parameters = initializer.parameters(for: network)
        return next
    }
}
