/// Central differences, to check backpropagation against the definition of a derivative.
public struct GradientCheck: Hashable, Sendable {
    public struct Result: Hashable, Sendable {
        /// The parameter's canonical name (`W1`, `b2`).
        public var parameter: String
        public var analytic: Matrix
        public var numeric: Matrix
        /// max |analytic − numeric| / max(1, |analytic|, |numeric|) over the elements; NaN when
        /// any element's error is not a number (a gradient or a difference that is NaN or ∞).
        public var maxRelativeError: Double
    }

    public var step: Double
    public init(step: Double = 1e-6) { self.step = step }

    public func run(_ network: Network, _ parameters: Parameters, on batch: Batch) -> [Result] {
        let trace = network.iterate(parameters, OptimizerState(), on: batch).trace
        /// The analytic gradient of `parameter` against central differences of the loss; `nil` when it has none (frozen).
        func compare(_ parameter: Quantity, _ value: Matrix, gradient: Quantity, set: (inout Parameters, Matrix) -> Void) -> Result? {
            guard let analytic = trace.operation(producing: gradient)?.result else { return nil }
            var numeric = Matrix(rows: analytic.rows, columns: analytic.columns)
            var worst = 0.0
            for i in 0..<numeric.count {
                func loss(_ delta: Double) -> Double {
                    var moved = value, p = parameters
                    moved.elements[i] += delta
                    set(&p, moved)
                    return network.loss(of: network.forward(p, batch.input).activations[network.depth], target: batch.target)
                }
                numeric.elements[i] = (loss(step) - loss(-step)) / (2 * step)
                let a = analytic.elements[i], n = numeric.elements[i]
                // `max` would drop a NaN (no comparison with it is true), and ∞ against ∞ gives NaN:
                // either way the check cannot vouch for the element, so NaN stays.
                let error = a.isFinite && n.isFinite ? abs(a - n) / max(1, abs(a), abs(n)) : .nan
                worst = worst.isNaN || error.isNaN ? .nan : max(worst, error)
            }
            return Result(parameter: parameter.name, analytic: analytic, numeric: numeric, maxRelativeError: worst)
        }
        var results: [Result] = []
        for l in 1...network.depth {
            // A frozen parameter has no gradient, so nothing to check.
            if let r = compare(.W(l), parameters.weights(l), gradient: .dW(l), set: { $0.weights[l - 1] = $1 }) { results.append(r) }
            if let b = parameters.bias(l), let r = compare(.b(l), b, gradient: .db(l), set: { $0.biases[l - 1] = $1 }) { results.append(r) }
        }
        return results
    }
}
