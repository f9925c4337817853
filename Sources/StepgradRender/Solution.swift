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
        let (outline, passes) = Solution.outlined(scenario, iterations: iterations, from: first, checkGradients: checkGradients)
        self = outline
        self.passes = Array(passes)
    }

    /// The solution with its passes still to come: what a writer needs before the first, including
    /// the first overflow, found by training the iterations through the last shown without recording.
    public static func outline(_ scenario: Scenario, iterations: Int, from first: Int = 1) -> Solution {
        outlined(scenario, iterations: iterations, from: first).outline
    }

    /// The outline and its passes, the passes starting from the parameters the outline trained on
    /// its way, so that the iterations before the first shown are trained once, not twice.
    static func outlined(_ scenario: Scenario, iterations: Int, from first: Int = 1,
                         checkGradients: Bool = false) -> (outline: Solution, passes: Passes) {
        let first = max(first, 1)
        var parameters = scenario.parameters, state = OptimizerState(), overflow: Overflow?
        var start: (Parameters, OptimizerState)?
        for number in 1..<first + max(iterations, 0) {
            if number == first { start = (parameters, state) }
            // Past an overflow only the iterations up to the first shown are still needed.
            if overflow != nil && number >= first { break }
            let iteration = scenario.network.iterate(parameters, state, on: scenario.batch, record: false)
            if overflow == nil, let q = iteration.firstNonFinite { overflow = Overflow(iteration: number, quantity: q) }
            parameters = iteration.parameters
            state = iteration.optimizerState
        }
        let (startParameters, startState) = start ?? (parameters, state)
        return (Solution(scenario: scenario, passes: [], firstOverflow: overflow),
                Passes(scenario, iterations: iterations, from: first, parameters: startParameters, state: startState,
                       checkGradients: checkGradients))
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
        private var state: OptimizerState

        public init(_ scenario: Scenario, iterations: Int, from first: Int = 1, checkGradients: Bool = false) {
            var parameters = scenario.parameters, state = OptimizerState()
            for _ in 1..<Swift.max(first, 1) {
                let iteration = scenario.network.iterate(parameters, state, on: scenario.batch, record: false)
                parameters = iteration.parameters
                state = iteration.optimizerState
            }
            self.init(scenario, iterations: iterations, from: first, parameters: parameters, state: state, checkGradients: checkGradients)
        }

        /// The passes from iteration `first`, which starts from `parameters` and `state`.
        init(_ scenario: Scenario, iterations: Int, from first: Int, parameters: Parameters, state: OptimizerState,
             checkGradients: Bool) {
            self.scenario = scenario
            self.checkGradients = checkGradients
            number = Swift.max(first, 1)
            end = number + Swift.max(iterations, 0)
            self.parameters = parameters
            self.state = state
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
