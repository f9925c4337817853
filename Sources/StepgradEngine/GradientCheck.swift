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
        var results: [Result] = []
        for l in 1...network.depth {
            if network.layer(l).trains(.weights) {
                results.append(compare(network, parameters, batch, trace, .dW(l)) { $0.weights[l - 1] } set: { $0.weights[l - 1] = $1 })
            }
            if parameters.bias(l) != nil && network.layer(l).trains(.bias) {
                results.append(compare(network, parameters, batch, trace, .db(l)) { $0.biases[l - 1]! } set: { $0.biases[l - 1] = $1 })
            }
        }
        return results
    }

    private func compare(_ network: Network, _ parameters: Parameters, _ batch: Batch, _ trace: Trace, _ gradient: Quantity,
                         get: (Parameters) -> Matrix, set: (inout Parameters, Matrix) -> Void) -> Result {
        let analytic = trace.operation(producing: gradient)!.result
        var numeric = Matrix(rows: analytic.rows, columns: analytic.columns)
        var worst = 0.0
        for i in 0..<numeric.count {
            func loss(_ delta: Double) -> Double {
                var p = parameters
                var value = get(p)
                value.elements[i] += delta
                set(&p, value)
                return network.loss(of: network.forward(p, batch.input).activations.last!, target: batch.target)
            }
            numeric.elements[i] = (loss(step) - loss(-step)) / (2 * step)
            let a = analytic.elements[i], n = numeric.elements[i]
            // `max` would drop a NaN (no comparison with it is true), and ∞ against ∞ gives NaN:
            // either way the check cannot vouch for the element, so NaN stays.
            let error = a.isFinite && n.isFinite ? abs(a - n) / max(1, abs(a), abs(n)) : .nan
            worst = worst.isNaN || error.isNaN ? .nan : max(worst, error)
        }
        let name = gradient.kind == .dW ? Quantity.W(gradient.layer!).name : Quantity.b(gradient.layer!).name
        return Result(parameter: name, analytic: analytic, numeric: numeric, maxRelativeError: worst)
    }
}
