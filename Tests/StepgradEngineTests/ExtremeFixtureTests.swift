import Foundation
import StepgradEngine
import Testing

/// Softmax and sigmoid outputs where ŷ rounds to 0 or 1 (logits ±40, ±800, ±1000), against the
/// exact values of Tests/Reference/reference.py (mpmath): every quantity to 1e-9 relative, and
/// never NaN or infinite where the exact value is a double. A value beyond the double range must
/// come out as that infinity (a real overflow), one below it as a number at least as tiny.
@Suite struct ExtremeFixtureTests {
    @Test func casesArePresent() {
        #expect(ExactFixture.names == ["extreme-bce-batch-64-sum", "extreme-sigmoid-mean", "extreme-sigmoid-sum",
                                       "extreme-softmax-losing", "extreme-softmax-winning"])
    }

    @Test(arguments: ExactFixture.names)
    func everyQuantityIsExact(_ name: String) throws {
        let fixture = try ExactFixture.load(name)
        let iteration = try fixture.network.iterate(fixture.initialParameters, OptimizerState(), on: fixture.batch)
        let actual = Dictionary(uniqueKeysWithValues: iteration.trace.values.map { ($0.key.name, $0.value) })
        let expected = fixture.iterations[0]
        #expect(Set(actual.keys) == Set(expected.keys))
        for (quantity, rows) in expected.sorted(by: { $0.key < $1.key }) {
            guard let value = actual[quantity] else { continue }
            let exact = rows.flatMap { $0 }
            try #require(value.count == exact.count, "\(name) \(quantity): \(value.count) elements, expected \(exact.count)")
            for (i, text) in exact.enumerated() {
                let e = try #require(Double(text), "\(name) \(quantity): '\(text)' is not a number")
                let a = value.elements[i]
                #expect(Self.agrees(a, e), "\(name) \(quantity)[\(i)]: \(a), exactly \(text)")
            }
        }
        #expect(iteration.loss.isFinite)
    }

    static func agrees(_ actual: Double, _ exact: Double) -> Bool {
        if exact.isInfinite { return actual == exact }
        if abs(exact) < 1e-300 { return abs(actual) <= 1e-300 }
        return abs(actual - exact) <= 1e-9 * abs(exact)
    }

    /// dŷ of the losing class is −e^2000: a real overflow, reported where it happens.
    @Test func anOverflowBeyondTheDoubleRangeIsReported() throws {
        let fixture = try ExactFixture.load("extreme-softmax-losing")
        let iteration = try fixture.network.iterate(fixture.initialParameters, OptimizerState(), on: fixture.batch)
        #expect(iteration.firstNonFinite == .da(1))
        #expect(iteration.trace.operation(producing: .da(1))?.remarks == [.overflowsHere(iteration: 1)])
        #expect(iteration.trace.operations.filter { !$0.remarks.isEmpty }.count == 1)
    }

    /// An exploding learning rate: finite in iteration 1 until the update overflows the weights,
    /// then ∞ or NaN from the first pre-activation of iteration 2 on, and said so each time.
    @Test func anExplodingLearningRateIsReportedFromWhereItOverflows() {
        let network = Network(inputs: 2, layers: [Layer(units: 1)], loss: .mse, optimizer: .sgd(.init(learningRate: 1e308)))
        let parameters = Parameters(weights: [Matrix([[0.5, -0.5]])], biases: [Matrix([[0.1]])])
        let batch = Batch(input: Matrix([[1, 2]]), target: Matrix([[3]]))
        let first = network.iterate(parameters, OptimizerState(), on: batch)
        #expect(first.loss.isFinite)
        #expect(first.firstNonFinite == .W_new(1))
        #expect(first.trace.operation(producing: .W_new(1))?.remarks == [.overflowsHere(iteration: 1)])
        let second = network.iterate(first.parameters, first.optimizerState, on: batch)
        #expect(second.firstNonFinite == .z(1))
        #expect(second.trace.operation(producing: .z(1))?.remarks == [])
        #expect(!second.loss.isFinite)
        let fine = network.iterate(parameters, OptimizerState(), on: Batch(input: Matrix([[0, 0]]), target: Matrix([[0.1]])))
        #expect(fine.firstNonFinite == nil)
    }

    /// The worked lines never print ∞ or NaN on the way to a finite result (no `NaN/NaN = 0`):
    /// where e^z or 1 − ŷ would, they are written in the logits.
    @Test(arguments: ExactFixture.names)
    func linesStayFiniteOnTheWayToAFiniteValue(_ name: String) throws {
        let fixture = try ExactFixture.load(name)
        let trace = try fixture.network.iterate(fixture.initialParameters, OptimizerState(), on: fixture.batch).trace
        for op in trace.operations {
            for element in op.elements where element.value.isFinite {
                let finite = element.steps.flatMap(Self.numbers).allSatisfy { $0.isFinite }
                #expect(finite, "\(name) \(op.quantity.name)[\(element.cell.row),\(element.cell.column)]")
            }
        }
    }

    /// With the target on the losing class: L = ln(e^1000 + e^−1000) − (−1000) = 2000.
    @Test func theLossOfALosingClassIsWrittenInTheLogits() throws {
        let fixture = try ExactFixture.load("extreme-softmax-losing")
        let trace = try fixture.network.iterate(fixture.initialParameters, OptimizerState(), on: fixture.batch).trace
        let loss = try #require(trace.operation(producing: .loss)?.element(at: Cell(0, 0)))
        let stable = StepgradEngine.Expression.difference(
            .call(.ln, [.sum([.call(.exp, [.number(1000)]), .call(.exp, [.number(-1000)])])]), .number(-1000))
        #expect(loss.steps.first == stable)
        #expect(loss.value == 2000)
    }

    static func numbers(_ e: StepgradEngine.Expression) -> [Double] {
        switch e {
        case .number(let v): [v]
        case .sum(let terms), .product(let terms), .call(_, let terms): terms.flatMap(numbers)
        case .difference(let a, let b), .quotient(let a, let b): numbers(a) + numbers(b)
        case .negation(let a), .square(let a): numbers(a)
        }
    }
}
