import StepgradEngine
import StepgradScenario

/// N training iterations of a scenario, each recorded, in the order a student works them:
/// every iteration starts from the parameters and optimizer state the previous one left.
public struct Solution: Hashable, Sendable {
    public struct Pass: Hashable, Sendable {
        /// 1-based.
        public var number: Int
        /// The parameters this iteration starts from.
        public var parameters: Parameters
        public var iteration: Iteration
        /// Central differences at `parameters`, when asked for.
        public var gradientCheck: [GradientCheck.Result]?
    }

    public var scenario: Scenario
    public var passes: [Pass]
    /// The first iteration whose numbers hold ∞ or NaN, and the first such quantity in it, counting
    /// the iterations trained before the first one shown.
    public var firstOverflow: Overflow?

    public struct Overflow: Hashable, Sendable {
        public var iteration: Int
        public var quantity: Quantity
    }

    /// `iterations` passes starting with iteration `first`; the ones before it are trained without recording.
    public init(_ scenario: Scenario, iterations: Int, from first: Int = 1, checkGradients: Bool = false) {
        self = Solution.outline(scenario, iterations: iterations, from: first)
        passes = Array(Passes(scenario, iterations: iterations, from: first, checkGradients: checkGradients))
    }

    /// The solution with its passes still to come: what a writer needs before the first, including
    /// the first overflow, found by training the iterations through the last shown without recording.
    public static func outline(_ scenario: Scenario, iterations: Int, from first: Int = 1) -> Solution {
        var parameters = scenario.parameters, state = OptimizerState(), overflow: Overflow?
        for number in 1..<max(first, 1) + iterations where overflow == nil {
            let iteration = scenario.network.iterate(parameters, state, on: scenario.batch, record: false)
            if let q = iteration.firstNonFinite { overflow = Overflow(iteration: number, quantity: q) }
            parameters = iteration.parameters
            state = iteration.optimizerState
        }
        return Solution(scenario: scenario, passes: [], firstOverflow: overflow)
    }

    private init(scenario: Scenario, passes: [Pass], firstOverflow: Overflow?) {
        self.scenario = scenario
        self.passes = passes
        self.firstOverflow = firstOverflow
    }

    /// The passes one at a time, each recorded only when asked for, so that a long solution is
    /// written in the memory of one iteration.
    public struct Passes: Sequence, IteratorProtocol {
        private let scenario: Scenario
        private let checkGradients: Bool
        private var number: Int
        private let end: Int
        private var parameters: Parameters
        private var state = OptimizerState()

        public init(_ scenario: Scenario, iterations: Int, from first: Int = 1, checkGradients: Bool = false) {
            self.scenario = scenario
            self.checkGradients = checkGradients
            number = Swift.max(first, 1)
            end = number + Swift.max(iterations, 0)
            parameters = scenario.parameters
            for _ in 1..<number {
                let iteration = scenario.network.iterate(parameters, state, on: scenario.batch, record: false)
                parameters = iteration.parameters
                state = iteration.optimizerState
            }
        }

        public mutating func next() -> Pass? {
            guard number < end else { return nil }
            let iteration = scenario.network.iterate(parameters, state, on: scenario.batch)
            let check = checkGradients ? GradientCheck().run(scenario.network, parameters, on: scenario.batch) : nil
            defer {
                number += 1
                parameters = iteration.parameters
                state = iteration.optimizerState
            }
            return Pass(number: number, parameters: parameters, iteration: iteration, gradientCheck: check)
        }
    }
}

extension GradientCheck.Result {
    /// Central differences with h = 1e-6 are good to about 1e-9 on smooth losses, so an error
    /// above 1e-5 is a real disagreement (or a kink of relu sitting exactly on a sample). A
    /// gradient that is not finite never agrees: NaN fails every comparison.
    public var agrees: Bool { maxRelativeError <= 1e-5 }

    /// What the table of results means, for the writers' headings.
    static let explanation = "Backpropagation against central differences (h = 1e-6); relative error = "
        + "|analytic − numeric| / max(1, |analytic|, |numeric|)."
}
