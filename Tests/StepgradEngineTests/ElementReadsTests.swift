import StepgradEngine
import StepgradScenario
import Testing

/// What a step highlights is computed by index arithmetic (`reads(at:)`), apart from the expansion
/// a student reads; the two must name the same cells in the same order, element by element, for
/// every rule family: on the bundled exercises with other batches, optimizers and conventions, and
/// on the reference fixtures, whose extreme cases take the forms in the logits.
@Suite struct ElementReadsTests {
    @Test func readsAreTheExpansionsReadsForEveryRuleFamily() throws {
        var families = Set<String>()
        let exercises = Exercises.all
        #expect(!exercises.isEmpty, "the bundled exercises were not found")
        for exercise in exercises {
            let scenario = try ScenarioLoader.load(path: exercise.path)
            for (variant, network, parameters, batch) in variants(of: scenario) {
                check("\(exercise.name) \(variant)", network, parameters, batch, iterations: 2, &families)
            }
        }
        for name in Fixture.names {
            let f = try Fixture.load(name)
            check(name, try f.network, f.initialParameters, f.batch, iterations: f.spec.iterations, &families)
        }
        for name in ExactFixture.names {
            let f = try ExactFixture.load(name)
            check(name, try f.network, f.initialParameters, f.batch, iterations: f.spec.iterations, &families)
        }
        #expect(families == ["affine", "activation", "loss", "lossGradient", "fusedOutputGradient", "activationGradient",
                             "weightGradient", "biasGradient", "inputGradient", "momentum", "moment", "biasCorrection",
                             "sgd", "adam"])
    }

    /// Every operation of `iterations` iterations: each element's reads, all elements' reads in one
    /// pass, and the operands read, against what the expansions collect.
    private func check(_ name: String, _ network: Network, _ parameters: Parameters, _ batch: Batch, iterations: Int,
                       _ families: inout Set<String>) {
        var parameters = parameters, state = OptimizerState()
        for t in 1...iterations {
            let iteration = network.iterate(parameters, state, on: batch)
            for op in iteration.trace.operations {
                families.insert(Mirror(reflecting: op.rule).children.first?.label ?? "\(op.rule)")
                let expanded = op.elements.map(\.reads)
                for (i, reads) in expanded.enumerated() where op.reads(at: op.cell(at: i)) != reads {
                    Issue.record("\(name) iteration \(t) \(op.quantity) \(op.cell(at: i)): \(op.reads(at: op.cell(at: i))), expanded \(reads)")
                }
                var passed: [CellReference] = []
                op.forEachRead(ofElements: 0..<op.elementCount) { passed.append(CellReference($0.quantity, Cell($1, $2))) }
                #expect(passed == expanded.flatMap { $0 }, "\(name) iteration \(t) \(op.quantity)")
                let read = Set(expanded.joined().map(\.quantity))
                #expect(op.readOperands == op.operands.filter { read.contains($0.quantity) }, "\(name) iteration \(t) \(op.quantity)")
            }
            parameters = iteration.parameters
            state = iteration.optimizerState
        }
    }

    /// The scenario as written, with a batch of three samples, under momentum, weight decay and Adam,
    /// and in the other weight convention.
    private func variants(of s: Scenario) -> [(String, Network, Parameters, Batch)] {
        let x = s.batch.input, y = s.batch.target
        let three = Batch(input: Matrix(rows: 3 * x.rows, columns: x.columns,
                                        elements: x.elements + x.elements.map { -0.5 * $0 } + x.elements.map { $0 + 0.25 }),
                          target: Matrix(rows: 3 * y.rows, columns: y.columns, elements: y.elements + y.elements + y.elements))
        func with(_ optimizer: Optimizer) -> Network {
            var n = s.network
            n.optimizer = optimizer
            return n
        }
        var flipped = s.network, transposed = s.parameters
        flipped.convention = s.network.convention == .wx ? .wtx : .wx
        transposed.weights = transposed.weights.map(\.transposed)
        var flippedAdam = flipped
        flippedAdam.optimizer = .adam(.init(learningRate: 0.01, weightDecay: 0.1))
        return [
            ("as written", s.network, s.parameters, s.batch),
            ("batch of 3", s.network, s.parameters, three),
            ("momentum", with(.sgd(.init(learningRate: 0.1, momentum: 0.9))), s.parameters, s.batch),
            ("weight decay", with(.sgd(.init(learningRate: 0.1, weightDecay: 0.01))), s.parameters, s.batch),
            ("momentum and weight decay, batch of 3", with(.sgd(.init(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01))),
             s.parameters, three),
            ("Adam", with(.adam(.init(learningRate: 0.01))), s.parameters, s.batch),
            ("Adam with weight decay, batch of 3", with(.adam(.init(learningRate: 0.01, weightDecay: 0.1))), s.parameters, three),
            ("other convention", flipped, transposed, s.batch),
            ("other convention, Adam, batch of 3", flippedAdam, transposed, three),
        ]
    }
}
