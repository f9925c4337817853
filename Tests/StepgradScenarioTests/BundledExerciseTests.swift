import Testing
import StepgradEngine
@testable import StepgradScenario

/// The bundled exercises load, and encode their sources: every expected number below comes from the
/// problem statements, from hand calculation, from Mazur's published example, or from NumPy.
@Suite struct BundledExerciseTests {
    @Test func allAreListedInOrderAndLoad() throws {
        let exercises = Exercises.all
        #expect(exercises.map(\.name) == ["relu-softmax-3-4-3", "softmax-regression", "sigmoid-2-2-2", "xor-tanh"])
        for exercise in exercises {
            let scenario = try ScenarioLoader.load(path: exercise.path)
            #expect(scenario.title == exercise.title)
            #expect(scenario.path == exercise.path)
            #expect(!exercise.title.isEmpty && exercise.title != exercise.name)
        }
    }

    private func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: Exercises.resolve(name))
    }

    private func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= tolerance, "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func reluSoftmaxHomework() throws {
        let s = try load("relu-softmax-3-4-3")
        let n = s.network
        #expect(n.inputs == 3 && n.convention == .wx && n.loss == .crossEntropy && n.reduction == .mean)
        #expect(n.layers == [Layer(units: 4, activation: .relu, hasBias: false),
                             Layer(units: 3, activation: .softmax, hasBias: false)])
        #expect(n.optimizer == .sgd(.init(learningRate: 0.1)))
        #expect(s.batch.input == Matrix(row: [0.5, -1, 2]))
        #expect(s.batch.target == Matrix(row: [1, 1, 0]))
        #expect(s.parameters.weights(1) == Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]))
        #expect(s.parameters.weights(2) == Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]))
        #expect(s.parameters.biases == [nil, nil])
        #expect(s.initializer == nil && s.answers == nil)
        // By hand: z1 = W1·x; z2 = W2·relu(z1) with relu(z1) = (1.2, 0, 0.15, 0.9).
        let forward = n.forward(s.parameters, s.batch.input)
        expectClose(forward.preactivations[1].elements, [1.2, -1.15, 0.15, 0.9], tolerance: 1e-12)
        expectClose(forward.preactivations[2].elements, [0.195, -0.495, 0.465], tolerance: 1e-12)
    }

    @Test func softmaxRegressionHomework() throws {
        let s = try load("softmax-regression")
        let n = s.network
        #expect(n.inputs == 3 && n.convention == .wtx && n.loss == .crossEntropy)
        #expect(n.layers == [Layer(units: 3, activation: .softmax, hasBias: true)])
        #expect(n.optimizer == .sgd(.init(learningRate: 0.1)))
        #expect(s.parameters.weights(1) == Matrix([[0.3, 0.1, -2], [-0.6, -0.5, 2], [-1, -0.5, 0.1]]))
        #expect(s.parameters.bias(1) == Matrix(row: [0.1, 0.1, 0.1]))
        #expect(s.batch.input == Matrix(row: [1, 3, 0]) && s.batch.target == Matrix(row: [0, 1, 0]))
        // By hand (as in the homework): z = Wᵀx + b = (0.3 − 1.8 + 0.1, 0.1 − 1.5 + 0.1, −2 + 6 + 0.1).
        expectClose(n.forward(s.parameters, s.batch.input).preactivations[1].elements, [-1.4, -1.3, 4.1], tolerance: 1e-12)
        // NumPy: W − 0.1·outer(x, softmax(z) − y) and b − 0.1·(softmax(z) − y), W kept inputs × units.
        let step = n.iterate(s.parameters, OptimizerState(), on: s.batch, record: false)
        expectClose([step.loss], [5.408566554451391], tolerance: 1e-12)
        expectClose(step.parameters.weights(1).elements,
                    [0.29959480885832707, 0.19955219453396125, -2.0991470033922885,
                     -0.6012155734250187, -0.20134341639811631, 1.702558989823135, -1.0, -0.5, 0.1], tolerance: 1e-12)
        expectClose(step.parameters.bias(1)?.elements ?? [],
                    [0.0995948088583271, 0.19955219453396125, 0.0008529966077116674], tolerance: 1e-12)
    }

    /// Matt Mazur, "A Step by Step Backpropagation Example" (2015): his published figures.
    @Test func mazurWorkedExample() throws {
        let s = try load("sigmoid-2-2-2")
        let n = s.network
        #expect(n.loss == .halfSSE && n.optimizer == .sgd(.init(learningRate: 0.5)))
        // As on his page, the biases are never updated.
        #expect(n.layers == [Layer(units: 2, activation: .sigmoid, frozen: [.bias]), Layer(units: 2, activation: .sigmoid, frozen: [.bias])])
        let forward = n.forward(s.parameters, s.batch.input)
        expectClose([forward.preactivations[1][0, 0]], [0.3775], tolerance: 1e-12)
        expectClose(forward.activations[1].elements, [0.593269992, 0.596884378], tolerance: 1e-9)
        expectClose(forward.activations[2].elements, [0.75136507, 0.772928465], tolerance: 1e-8)
        let step = n.iterate(s.parameters, OptimizerState(), on: s.batch, record: false)
        expectClose([step.loss], [0.298371109], tolerance: 1e-9)
        expectClose(step.parameters.weights(2).elements, [0.35891648, 0.408666186, 0.511301270, 0.561370121], tolerance: 1e-8)
        expectClose(step.parameters.weights(1).elements, [0.149780716, 0.19956143, 0.24975114, 0.29950229], tolerance: 1e-8)
        #expect(step.parameters.biases == s.parameters.biases)
    }

    /// Mazur's two later figures: the loss after the first update, 0.29102777 (his page prints
    /// 0.291027924, from intermediates he rounded; Tests/Reference/reference.py gives 0.2910277737),
    /// and after 10,000 iterations (9,999 updates) 0.0000351085, the figure of his page.
    @Test func mazurLossAfterTrainingAsPublished() throws {
        let s = try load("sigmoid-2-2-2")
        var parameters = s.parameters, state = OptimizerState(), losses: [Double] = []
        for _ in 1...10_000 {
            let step = s.network.iterate(parameters, state, on: s.batch, record: false)
            losses.append(step.loss)
            parameters = step.parameters
            state = step.optimizerState
        }
        #expect(abs(losses[1] - 0.2910277737) < 5e-11)
        #expect(abs(losses[9_999] - 0.0000351085) < 5e-11)
        #expect(parameters.biases == s.parameters.biases)
    }

    /// The NumPy run behind these figures: SplitMix64 seeded with 7, each weight
    /// (u·2 − 1)·√(6/(in+out)) rounded half away from zero to 2 decimals, W1 then W2 row by row;
    /// then full-batch gradient descent with η = 0.5 on the mean binary cross-entropy.
    @Test func xorIsDrawnFromTheSeedAndLearns() throws {
        let s = try load("xor-tanh")
        let n = s.network
        #expect(s.initializer == Initializer(seed: 7, scheme: .xavier, decimals: 2))
        #expect(n.layers == [Layer(units: 4, activation: .tanh), Layer(units: 1, activation: .sigmoid)])
        #expect(n.loss == .binaryCrossEntropy && n.reduction == .mean && n.optimizer == .sgd(.init(learningRate: 0.5)))
        #expect(s.batch.input == Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        #expect(s.batch.target == Matrix([[0], [1], [1], [0]]))
        #expect(s.parameters.weights(1) == Matrix([[-0.22, -0.97], [0.8, 0.17], [-0.1, -0.5], [-0.06, -0.34]]))
        #expect(s.parameters.weights(2) == Matrix([[-0.8, -0.19, -0.87, 1.01]]))
        #expect(s.parameters.biases == [Matrix(rows: 1, columns: 4), Matrix(rows: 1, columns: 1)])

        var parameters = s.parameters, state = OptimizerState(), losses: [Double] = []
        for _ in 1...1000 {
            let step = n.iterate(parameters, state, on: s.batch, record: false)
            losses.append(step.loss)
            (parameters, state) = (step.parameters, step.optimizerState)
        }
        expectClose([losses[0], losses[249], losses[999]],
                    [0.7039035620093377, 0.03166561542544833, 0.005400459760585166], tolerance: 1e-12)
        let prediction = n.forward(parameters, s.batch.input).activations[2].elements
        #expect(prediction.map { $0 > 0.5 } == [false, true, true, false])
    }
}
