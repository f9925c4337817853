import Testing
import StepgradEngine
import StepgradNotation
@testable import StepgradHomework

/// `Operation.recomputed(substituting:)`: the same rule on other operands.
@Suite struct OperationRecomputeTests {
    /// Networks covering every rule: both conventions, a batch, each optimizer.
    static let cases: [(Network, Parameters, Batch)] = {
        let batch = Batch(input: Matrix([[0.5, -1, 2], [1, 0.5, -0.5]]), target: Matrix([[0.2, 0.9], [0.7, 0.1]]))
        let parameters = Parameters(weights: [Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5]]), Matrix([[0.3, -0.2], [0.5, 0.1]])],
                                    biases: [Matrix(row: [0.1, -0.1]), Matrix(row: [0.05, 0])])
        func net(_ activations: [Activation], _ loss: Loss, _ optimizer: Optimizer, _ convention: Convention = .wx) -> Network {
            Network(inputs: 3, layers: activations.map { Layer(units: 2, activation: $0) }, convention: convention,
                    loss: loss, optimizer: optimizer)
        }
        let transposed = Parameters(weights: parameters.weights.map(\.transposed), biases: parameters.biases)
        return [
            (Homework.reluSoftmax.network, Homework.reluSoftmax.parameters, Homework.reluSoftmax.batch),
            (Homework.softmaxRegression.network, Homework.softmaxRegression.parameters, Homework.softmaxRegression.batch),
            (net([.tanh, .sigmoid], .mse, .sgd(.init(learningRate: 0.5, momentum: 0.9, weightDecay: 0.01))), parameters, batch),
            (net([.leakyRelu(negativeSlope: 0.1), .sigmoid], .binaryCrossEntropy, .adam(.init()), .wtx), transposed, batch),
            (net([.sigmoid, .identity], .halfSSE, .sgd(.init()), .wtx), transposed, batch),
            (net([.relu, .softmax], .sse, .sgd(.init())), parameters, batch),
        ]
    }()

    @Test(arguments: 0..<cases.count)
    func withNothingSubstitutedItReproducesTheIteration(_ index: Int) throws {
        let (network, parameters, batch) = Self.cases[index]
        for op in network.iterate(parameters, OptimizerState(), on: batch).trace.operations {
            let again = try #require(op.recomputed(substituting: [:]))
            for (a, b) in zip(again.result.elements, op.result.elements) {
                #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(op.quantity)")
            }
        }
    }

    @Test func followsTheStudentsNumbersThroughAndExpandsThem() throws {
        // dW₂ from the seed's dz₂ = ŷ − y = (−0.644, −0.821, 0.466); NumPy: outer(dz₂, a₁).
        let trace = Homework.reluSoftmax.network.iterate(Homework.reluSoftmax.parameters, OptimizerState(),
                                                          on: Homework.reluSoftmax.batch).trace
        let op = try #require(trace.operation(producing: .dW(2)))
        let followed = try #require(op.recomputed(substituting: [.dz(2): Matrix(row: [-0.644, -0.821, 0.466])]))
        let expected = [-0.7728, 0, -0.0966, -0.5796, -0.9852, 0, -0.12315, -0.7389, 0.5592, 0, 0.0699, 0.4194]
        for (a, b) in zip(followed.result.elements, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(followed.element(at: Cell(1, 3)).equation(style: NumberStyle(decimals: 4), outputLayer: 2)
            == "dW₂[1,3] = (−0.821)·0.9 = −0.7389")
    }

    @Test func aValueOfAnotherShapeIsRefused() throws {
        let trace = Homework.reluSoftmax.network.iterate(Homework.reluSoftmax.parameters, OptimizerState(),
                                                          on: Homework.reluSoftmax.batch).trace
        let op = try #require(trace.operation(producing: .dW(2)))
        #expect(op.recomputed(substituting: [.dz(2): Matrix(row: [1, 2])]) == nil)
    }
}
