import StepgradEngine
import Testing

/// The engine against the independent NumPy reference: every quantity of every
/// iteration, for the homework cases, Mazur's example and random networks.
@Suite struct ReferenceFixtureTests {
    @Test func fixturesArePresent() {
        let names = Fixture.names
        #expect(names.contains("homework1") && names.contains("homework2") && names.contains("mazur"))
        #expect(names.filter { $0.hasPrefix("random-") }.count >= 12)
    }

    @Test(arguments: Fixture.names)
    func everyQuantityMatchesTheReference(_ name: String) throws {
        let fixture = try Fixture.load(name)
        let network = try fixture.network
        var parameters = fixture.initialParameters
        var state = OptimizerState()
        #expect(fixture.iterations.count == fixture.spec.iterations)

        for (t, expected) in fixture.iterations.enumerated() {
            let iteration = network.iterate(parameters, state, on: fixture.batch, record: true)
            let actual = Dictionary(uniqueKeysWithValues: iteration.trace.values.map { ($0.key.name, $0.value) })
            #expect(Set(actual.keys) == Set(expected.keys), "\(name) iteration \(t + 1): quantities differ")
            for (quantity, rows) in expected.sorted(by: { $0.key < $1.key }) {
                guard let value = actual[quantity] else { continue }
                expectClose(value, Matrix(rows), "\(name) iteration \(t + 1) \(quantity)")
            }
            expectClose(Matrix(row: [iteration.loss]), Matrix(expected["loss"]!), "\(name) iteration \(t + 1) loss")
            for l in 1...network.depth {
                expectClose(iteration.parameters.weights(l), Matrix(expected["W\(l)_new"]!), "\(name) W\(l)_new")
                guard let b = iteration.parameters.bias(l) else { continue }
                if let new = expected["b\(l)_new"] {
                    expectClose(b, Matrix(new), "\(name) b\(l)_new")
                } else {
                    #expect(b == parameters.bias(l), "\(name): frozen b\(l) must stay as it was")
                }
            }
            parameters = iteration.parameters
            state = iteration.optimizerState
        }
    }

    @Test func mazurPublishedNumbers() throws {
        // Worked by hand in Mazur's "A Step by Step Backpropagation Example".
        let fixture = try Fixture.load("mazur")
        let iteration = try fixture.network.iterate(fixture.initialParameters, OptimizerState(), on: fixture.batch)
        #expect(abs(iteration.loss - 0.298371109) < 5e-10)
        #expect(abs(iteration.parameters.weights(2)[0, 0] - 0.35891648) < 5e-9)
        #expect(abs(iteration.parameters.weights(1)[0, 0] - 0.149780716) < 5e-10)
    }
}

/// Agreement to about twelve significant digits of the matrix's largest element:
/// the engine and NumPy add in different orders, nothing more.
func expectClose(_ actual: Matrix, _ expected: Matrix, _ what: String, tolerance: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.shape == expected.shape else {
        Issue.record("\(what): shape \(actual.shape), expected \(expected.shape)", sourceLocation: sourceLocation)
        return
    }
    let scale = max(expected.maxMagnitude, 1e-3)
    for i in 0..<expected.count where !(abs(actual.elements[i] - expected.elements[i]) <= tolerance * scale) {
        Issue.record("\(what)[\(i)]: \(actual.elements[i]), expected \(expected.elements[i])", sourceLocation: sourceLocation)
        return
    }
}
