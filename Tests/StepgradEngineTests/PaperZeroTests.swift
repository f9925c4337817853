import StepgradEngine
import Testing

/// Zero on paper is zero: a sum whose decimal value is 0 but whose binary value is a residue of a
/// few ulps of Σ|terms| is exactly 0, so that relu′ and leaky-relu′ at the kink follow the paper.
@Suite struct PaperZeroTests {
    /// z = 0.1·1 + 0.2·1 + (−0.3): 5.55e−17 in plain binary arithmetic, 0 on paper.
    func network(_ activation: Activation) -> (Network, Parameters, Batch) {
        let network = Network(inputs: 2, layers: [Layer(units: 1, activation: activation), Layer(units: 1)], loss: .mse)
        let parameters = Parameters(weights: [Matrix([[0.1, 0.2]]), Matrix([[2]])], biases: [Matrix([[-0.3]]), Matrix([[0]])])
        return (network, parameters, Batch(input: Matrix([[1, 1]]), target: Matrix([[1]])))
    }

    @Test func theResidueIsThere() {
        let a = 0.1, b = 0.2, c = -0.3
        let residue: Double = a + b + c
        #expect(residue == 5.551115123125783e-17)
    }

    @Test(arguments: [Activation.relu, .leakyRelu(negativeSlope: 0.1)])
    func aKinkFollowsThePaper(_ activation: Activation) throws {
        let (network, parameters, batch) = network(activation)
        let trace = network.iterate(parameters, OptimizerState(), on: batch).trace
        let z = try #require(trace.operation(producing: .z(1)))
        #expect(z.result == Matrix([[0]]))
        #expect(z.result[0, 0].sign == .plus)
        #expect(trace.operation(producing: .a(1))?.result == Matrix([[0]]))
        // relu′(0) = 0 and leaky-relu′(0) = slope, as by hand: dz₁ = da₁·f′(0).
        let da = try #require(trace.operation(producing: .da(1))?.result[0, 0])
        let slope = activation == .relu ? 0 : 0.1
        #expect(trace.operation(producing: .dz(1))?.result == Matrix([[da * slope]]))
        // The same rule when a marker recomputes the step.
        #expect(z.recomputed(substituting: [:])?.result == Matrix([[0]]))
    }

    /// Values that are small but far above the rounding of their own sum stay as they are.
    @Test func smallButRealValuesStay() {
        let network = Network(inputs: 2, layers: [Layer(units: 1, activation: .relu)], loss: .mse)
        let parameters = Parameters(weights: [Matrix([[1e-20, 0]])], biases: [Matrix([[0]])])
        let trace = network.iterate(parameters, OptimizerState(), on: Batch(input: Matrix([[1, 1]]), target: Matrix([[0]]))).trace
        #expect(trace.operation(producing: .z(1))?.result == Matrix([[1e-20]]))
        let cancelling = Parameters(weights: [Matrix([[0.1, 0.2]])], biases: [Matrix([[-0.3 + 1e-15]])])
        let near = network.iterate(cancelling, OptimizerState(), on: Batch(input: Matrix([[1, 1]]), target: Matrix([[0]]))).trace
        #expect(near.operation(producing: .z(1))?.result[0, 0] != 0)
    }

    /// An update that lands on 0 on paper — 0.3 − 0.1·3 — is 0, not −5.55e−17.
    @Test func anUpdateThatCancelsIsZero() {
        let p = 0.3, product = 0.1 * 3.0
        let plain: Double = p - product
        #expect(plain != 0)
        let network = Network(inputs: 1, layers: [Layer(units: 1, hasBias: false)], loss: .halfSSE, optimizer: .sgd(.init(learningRate: 0.1)))
        // dW = (ŷ − y)·x = (0.3·1 − (−2.7))·1 = 3
        let step = network.iterate(Parameters(weights: [Matrix([[0.3]])], biases: [nil]), OptimizerState(),
                                   on: Batch(input: Matrix([[1]]), target: Matrix([[-2.7]])))
        #expect(step.trace.operation(producing: .dW(1))?.result == Matrix([[3]]))
        #expect(step.parameters.weights(1) == Matrix([[0]]))
    }
}
