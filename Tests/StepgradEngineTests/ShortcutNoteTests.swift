import StepgradEngine
import Testing

/// The softmax + cross-entropy shortcut dz = ŷ − y holds only for targets summing to 1;
/// the trace must say so exactly when it does not.
@Suite struct ShortcutNoteTests {
    func notes(_ loss: Loss, output: Activation, target: Matrix) -> [Remark] {
        let network = Network(inputs: 2, layers: [Layer(units: 3, activation: output)], loss: loss)
        let parameters = Parameters(weights: [Matrix([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]])], biases: [Matrix(row: [0, 0.1, 0])])
        let input = Matrix(rows: target.rows, columns: 2, elements: (0..<target.rows * 2).map { Double($0) * 0.3 - 0.5 })
        return network.iterate(parameters, OptimizerState(), on: Batch(input: input, target: target))
            .trace.operation(producing: .dz(1))?.remarks ?? [.targetSumIsNotOne(.nan)]
    }

    @Test func homework1TargetSummingToTwo() throws {
        let f = try Fixture.load("homework1")
        let op = try f.network.iterate(f.initialParameters, OptimizerState(), on: f.batch).trace.operation(producing: .dz(2))
        #expect(op?.remarks == [.targetSumIsNotOne(2)])
    }

    @Test func homework2OneHotTarget() throws {
        let f = try Fixture.load("homework2")
        let op = try f.network.iterate(f.initialParameters, OptimizerState(), on: f.batch).trace.operation(producing: .dz(1))
        #expect(op?.remarks == [])
    }

    @Test func batches() {
        #expect(notes(.crossEntropy, output: .softmax, target: Matrix([[0.2, 0.3, 0.5], [0, 1, 0]])) == [])
        #expect(notes(.crossEntropy, output: .softmax, target: Matrix([[0, 1, 0], [0.25, 0.25, 0]])) == [.targetSumIsNotOne(0.5)])
        // Other losses have no such shortcut to warn about.
        #expect(notes(.binaryCrossEntropy, output: .sigmoid, target: Matrix([[1, 1, 0]])) == [])
        #expect(notes(.mse, output: .softmax, target: Matrix([[1, 1, 0]])) == [])
    }
}
