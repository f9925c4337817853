import StepgradEngine
import Testing

/// Backpropagation against central differences, over every activation, loss,
/// convention and reduction, with one sample and with a batch.
@Suite struct GradientCheckTests {
    static let hidden: [Activation] = [.identity, .relu, .leakyRelu(negativeSlope: 0.1), .sigmoid, .tanh, .softmax]
    /// Outputs a loss can sit on; losses without a required activation try several.
    static func outputs(for loss: Loss) -> [Activation] {
        loss.requiredActivation.map { [$0] } ?? [.identity, .tanh, .sigmoid, .softmax]
    }

    @Test(arguments: Loss.allCases, [1, 3])
    func analyticGradientsMatchCentralDifferences(_ loss: Loss, _ batchSize: Int) {
        var generator = SplitMix64(seed: UInt64(batchSize) &* 1000 &+ UInt64(loss.rawValue.count))
        for convention in Convention.allCases {
            for reduction in Reduction.allCases {
                for (i, activation) in Self.hidden.enumerated() {
                    let outputs = Self.outputs(for: loss)
                    let output = outputs[i % outputs.count]
                    let network = Network(inputs: 3, layers: [
                        Layer(units: 4, activation: activation),
                        Layer(units: 3, activation: .tanh, hasBias: i % 2 == 0),
                        Layer(units: 3, activation: output),
                    ], convention: convention, loss: loss, reduction: reduction)
                    let parameters = randomParameters(network, &generator)
                    let batch = Batch(input: random(batchSize, 3, &generator, scale: 2),
                                      target: target(loss, rows: batchSize, columns: 3, &generator))
                    let results = GradientCheck().run(network, parameters, on: batch)
                    #expect(results.count == 5 + (i % 2 == 0 ? 1 : 0))
                    for result in results {
                        #expect(result.maxRelativeError < 1e-6,
                                "\(loss) \(convention) \(reduction) \(activation)→\(output) batch \(batchSize): \(result.parameter)")
                    }
                }
            }
        }
    }

    @Test func aWrongGradientIsCaught() {
        // The check must be able to fail: compare against a loss the trace did not use.
        let network = Network(inputs: 2, layers: [Layer(units: 2, activation: .sigmoid)], loss: .sse)
        var generator = SplitMix64(seed: 3)
        let parameters = randomParameters(network, &generator)
        let batch = Batch(input: random(1, 2, &generator, scale: 1), target: random(1, 2, &generator, scale: 1))
        let analytic = network.iterate(parameters, OptimizerState(), on: batch).trace.operation(producing: .dW(1))!.result
        var halved = network
        halved.loss = .halfSSE
        let numeric = GradientCheck().run(halved, parameters, on: batch)[0].numeric
        #expect(zip(analytic.elements, numeric.elements).allSatisfy { abs($0 - 2 * $1) < 1e-7 })
        #expect(zip(analytic.elements, numeric.elements).contains { abs($0 - $1) > 1e-3 })
    }

    /// Once values overflow, gradients and differences are ∞ or NaN: the check must not call that agreement.
    @Test(arguments: [Double.nan, .infinity, 1e200])
    func gradientsThatAreNotFiniteAreFlagged(_ weight: Double) {
        let network = Network(inputs: 2, layers: [Layer(units: 2, activation: .identity)], loss: .sse)
        let parameters = Parameters(weights: [Matrix(rows: 2, columns: 2, elements: [weight, 1, 1, weight])], biases: [nil])
        let batch = Batch(input: Matrix(rows: 1, columns: 2, elements: [1e200, 1e200]),
                          target: Matrix(rows: 1, columns: 2, elements: [0, 0]))
        let results = GradientCheck().run(network, parameters, on: batch)
        #expect(results.count == 1 && results[0].maxRelativeError.isNaN)
    }
}

func random(_ rows: Int, _ columns: Int, _ g: inout SplitMix64, scale: Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in (g.nextUnit() * 2 - 1) * scale })
}

func randomParameters(_ network: Network, _ g: inout SplitMix64) -> Parameters {
    Parameters(weights: (1...network.depth).map { l in
                   let s = network.weightShape(ofLayer: l)
                   return random(s.rows, s.columns, &g, scale: 1)
               },
               biases: (1...network.depth).map { l in
                   network.layer(l).hasBias ? random(1, network.layer(l).units, &g, scale: 0.5) : nil
               })
}

/// Targets of the kind each loss expects: class rows (soft, not always summing to 1) or values.
func target(_ loss: Loss, rows: Int, columns: Int, _ g: inout SplitMix64) -> Matrix {
    switch loss {
    case .crossEntropy, .binaryCrossEntropy:
        return Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in (g.nextUnit() * 4).rounded(.down) / 4 })
    default:
        return random(rows, columns, &g, scale: 1)
    }
}
