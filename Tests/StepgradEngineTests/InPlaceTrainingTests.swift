import StepgradEngine
import Testing

/// `Network.train`, the in-place loop that trainers and fast-forward run, against `iterate`, the
/// pure function every trace is read from: the same losses, parameters and optimizer buffers,
/// bit for bit, over several iterations, for every fixture and for each optimizer with its
/// buffers, weight decay and frozen parameters.
@Suite struct InPlaceTrainingTests {
    static func compare(_ network: Network, _ parameters: Parameters, _ batch: Batch, iterations: Int, _ name: String) {
        var pure = parameters, pureState = OptimizerState()
        var inPlace = parameters, inPlaceState = OptimizerState(), scratch = IterationScratch()
        for t in 1...iterations {
            let expected = network.iterate(pure, pureState, on: batch, record: false)
            let step = network.train(&inPlace, &inPlaceState, on: batch, scratch: &scratch)
            #expect(step.loss.bitPattern == expected.loss.bitPattern, "\(name) iteration \(t): loss")
            #expect(inPlace == expected.parameters, "\(name) iteration \(t): parameters")
            #expect(inPlaceState == expected.optimizerState, "\(name) iteration \(t): optimizer state")
            #expect(step.firstNonFinite == expected.firstNonFinite, "\(name) iteration \(t): overflow")
            (pure, pureState) = (expected.parameters, expected.optimizerState)
        }
    }

    @Test(arguments: Fixture.names)
    func fixturesTrainAlikeInPlace(_ name: String) throws {
        let f = try Fixture.load(name)
        Self.compare(try f.network, f.initialParameters, f.batch, iterations: max(3, f.spec.iterations), name)
    }

    static let optimizers: [Optimizer] = [
        .sgd(.init(learningRate: 0.1)), .sgd(.init(learningRate: 0.05, momentum: 0.9)),
        .sgd(.init(learningRate: 0.05, momentum: 0.9, weightDecay: 0.01)), .adam(.init(learningRate: 0.01)),
        .adam(.init(learningRate: 0.01, weightDecay: 0.1)),
    ]

    @Test(arguments: optimizers.indices)
    func everyOptimizerTrainsAlikeInPlace(_ index: Int) {
        let network = Network(inputs: 5, layers: [Layer(units: 7, activation: .relu), Layer(units: 6, activation: .tanh, frozen: [.bias]),
                                                   Layer(units: 3, activation: .softmax, hasBias: false)],
                              loss: .crossEntropy, optimizer: Self.optimizers[index])
        var g = SplitMix64(seed: UInt64(index + 3))
        let input = Matrix(rows: 9, columns: 5, elements: (0..<45).map { _ in g.nextUnit() * 2 - 1 })
        var target = Matrix(rows: 9, columns: 3)
        for s in 0..<9 { target[s, Int(g.next() % 3)] = 1 }
        Self.compare(network, Initializer(seed: 5).parameters(for: network), Batch(input: input, target: target), iterations: 6,
                     "optimizer \(index)")
    }

    @Test func aCopyOfTheScratchKeepsItsOwnWorkspace() {
        let network = Network(inputs: 2, layers: [Layer(units: 3, activation: .tanh), Layer(units: 1)], loss: .mse)
        let parameters = Initializer(seed: 1).parameters(for: network)
        let one = Batch(input: Matrix([[0.5, -1]]), target: Matrix([[1]]))
        var scratch = IterationScratch(), p = parameters, state = OptimizerState()
        _ = network.train(&p, &state, on: one, scratch: &scratch)
        var copy = scratch, q = parameters, other = OptimizerState()
        // Training the copy on a batch of another size must not disturb the original's next iteration.
        _ = network.train(&q, &other, on: Batch(input: Matrix([[1, 2], [3, 4]]), target: Matrix([[0], [1]])), scratch: &copy)
        let expected = network.iterate(p, state, on: one, record: false)
        _ = network.train(&p, &state, on: one, scratch: &scratch)
        #expect(p == expected.parameters)
    }

    /// A training step leaves out softmax with cross-entropy's ∂ŷ where it is provably finite; at and
    /// past the edges of that proof (a logit 700 and 745 below the row's largest, a target large enough
    /// to overflow on its own, ties) it must still find an overflow exactly where `iterate` does.
    @Test(arguments: [(0.0, 1.0), (-699.9, 1.0), (-700.1, 1.0), (-709.0, 1.0), (-745.0, 1.0), (-5.0, 1e307), (-5.0, 1e305), (0.0, 5.6)])
    func aSkippedOutputGradientStillFindsItsOverflow(_ gap: Double, _ y: Double) {
        let network = Network(inputs: 1, layers: [Layer(units: 3, activation: .softmax)], loss: .crossEntropy,
                              optimizer: .sgd(.init(learningRate: 1e-9)))
        // z = x·W + b for x = 1: the true class (column 1) `gap` from the largest, column 0.
        let parameters = Parameters(weights: [Matrix([[0], [0], [0]])], biases: [Matrix([[0, gap, gap - 3]])])
        let batch = Batch(input: Matrix([[1], [1]]), target: Matrix([[0, y, 0], [1, 0, 0]]))
        Self.compare(network, parameters, batch, iterations: 2, "gap \(gap), y \(y)")
        let expected = network.iterate(parameters, OptimizerState(), on: batch, record: false)
        // The cases past e^709.78 overflow, and those within it do not: the comparison above is not vacuous.
        #expect((expected.firstNonFinite != nil) == (gap < -709.78 || y > 1e306), "gap \(gap), y \(y)")
    }
}
