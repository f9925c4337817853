import Testing
import StepgradEngine
@testable import StepgradScenario

@Suite struct ScenarioParsingTests {
    static let minimal = """
        input: [1, 2]
        target: [1]
        layers:
          - units: 1
            weights: [[0.5, -0.5]]
        loss: mse
        """

    @Test func defaults() throws {
        let s = try ScenarioLoader.parse(Self.minimal, path: "exercises/05-my-net.yaml")
        #expect(s.title == "my-net")
        #expect(s.path == "exercises/05-my-net.yaml")
        #expect(s.network == Network(inputs: 2, layers: [Layer(units: 1, activation: .identity, hasBias: true)],
                                     convention: .wx, loss: .mse, reduction: .mean,
                                     optimizer: .sgd(.init(learningRate: 0.1, momentum: 0, weightDecay: 0))))
        #expect(s.parameters.bias(1) == Matrix(rows: 1, columns: 1))
        #expect(s.initializer == nil && s.answers == nil)
        #expect(try ScenarioLoader.parse(Self.minimal, path: nil).title == "Untitled scenario")
    }

    @Test func everySettingIsRead() throws {
        let s = try ScenarioLoader.parse("""
            title: 42
            convention: WTx
            input:
              - [1, 2]
              - [3, 4]
              - [5, 6]
            target: [[1, 0], [0, 1], [1, 0]]
            layers:
              - units: 3
                activation: leaky-relu
                negative-slope: 0.2
                bias: [0.1, -0.2, 0.3]
                weights: [[1, 2, 3], [4, 5, 6]]
              - units: 2
                activation: softmax
                bias: false
                weights: [[1, 2], [3, 4], [5, 6]]
            loss: cross-entropy
            reduction: sum
            optimizer:
              name: adam
              learning-rate: 0.01
              beta1: 0.8
              beta2: 0.99
              epsilon: 1e-6
              weight-decay: 0.001
            """, path: nil)
        #expect(s.title == "42")
        #expect(s.network == Network(
            inputs: 2,
            layers: [Layer(units: 3, activation: .leakyRelu(negativeSlope: 0.2), hasBias: true),
                     Layer(units: 2, activation: .softmax, hasBias: false)],
            convention: .wtx, loss: .crossEntropy, reduction: .sum,
            optimizer: .adam(.init(learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.001))))
        #expect(s.batch.input == Matrix([[1, 2], [3, 4], [5, 6]]))
        #expect(s.batch.target == Matrix([[1, 0], [0, 1], [1, 0]]))
        #expect(s.parameters == Parameters(weights: [Matrix([[1, 2, 3], [4, 5, 6]]), Matrix([[1, 2], [3, 4], [5, 6]])],
                                           biases: [Matrix(row: [0.1, -0.2, 0.3]), nil]))
    }

    @Test func optimizerShorthandsAndDefaults() throws {
        let adam = try ScenarioLoader.parse(Self.minimal + "\noptimizer: adam", path: nil)
        #expect(adam.network.optimizer == .adam(.init(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)))
        let momentum = try ScenarioLoader.parse(Self.minimal + "\noptimizer: {momentum: 0.9}", path: nil)
        #expect(momentum.network.optimizer == .sgd(.init(learningRate: 0.1, momentum: 0.9)))
        let leaky = try ScenarioLoader.parse(Self.minimal.replacingOccurrences(of: "weights:", with: "activation: leaky-relu\n    weights:"), path: nil)
        #expect(leaky.network.layers[0].activation == .leakyRelu(negativeSlope: 0.01))
        let explicitZeros = try ScenarioLoader.parse(Self.minimal.replacingOccurrences(of: "loss:", with: "    bias: true\nloss:"), path: nil)
        #expect(explicitZeros.parameters.bias(1) == Matrix(rows: 1, columns: 1))
    }

    @Test func jsonIsReadToo() throws {
        let s = try ScenarioLoader.parse("""
            {
            \t"title": "json",
            \t"input": [1, 2],
            \t"target": [1],
            \t"layers": [{"units": 1, "weights": [[0.5, -0.5]], "bias": false}],
            \t"loss": "mse",
            \t"optimizer": {"name": "sgd", "learning-rate": 0.05}
            }
            """, path: "net.json")
        #expect(s.title == "json")
        #expect(s.parameters == Parameters(weights: [Matrix([[0.5, -0.5]])], biases: [nil]))
        #expect(s.network.optimizer.learningRate == 0.05)
    }

    /// A layer without weights is drawn; the NumPy figures are the first weights SplitMix64(7) gives
    /// a 2→4 xavier layer rounded to 2 decimals (see BundledExerciseTests).
    @Test func initFillsOnlyTheLayersWithoutWeights() throws {
        let s = try ScenarioLoader.parse("""
            input: [0, 1]
            target: [1]
            layers:
              - units: 4
                activation: tanh
              - units: 1
                weights: [[1, 2, 3, 4]]
                bias: [0.5]
            init: {seed: 7, scheme: xavier, decimals: 2}
            loss: mse
            """, path: nil)
        #expect(s.initializer == Initializer(seed: 7, scheme: .xavier, decimals: 2))
        #expect(s.parameters.weights(1) == Matrix([[-0.22, -0.97], [0.8, 0.17], [-0.1, -0.5], [-0.06, -0.34]]))
        #expect(s.parameters.weights(2) == Matrix([[1, 2, 3, 4]]))
        #expect(s.parameters.biases == [Matrix(rows: 1, columns: 4), Matrix(row: [0.5])])
        let unused = try ScenarioLoader.parse(Self.minimal + "\ninit: {seed: 1}", path: nil)
        #expect(unused.initializer == nil)
    }

    @Test func aliasesShareValues() throws {
        let s = try ScenarioLoader.parse("""
            input: [1, 2]
            target: [1, 2]
            layers:
              - units: 2
                weights: &square [[0.1, 0.2], [0.3, 0.4]]
              - units: 2
                weights: *square
            loss: mse
            """, path: nil)
        #expect(s.parameters.weights(2) == Matrix([[0.1, 0.2], [0.3, 0.4]]))
    }

    @Test(arguments: [("0.356", 0.356, 3), ("1.2", 1.2, 1), ("2", 2.0, 0), ("2.50", 2.5, 2), ("-0.0966", -0.0966, 4),
                      ("1e-3", 0.001, 3), ("1.5E-3", 0.0015, 4), ("1.5e2", 150.0, 0), ("+.5", 0.5, 1), ("5.", 5.0, 0)])
    func numbersKeepTheirDecimals(_ text: String, _ value: Double, _ decimals: Int) throws {
        let number = try #require(NumberLiteral(text))
        #expect(number.value == value && number.decimals == decimals && number.text == text)
    }

    @Test(arguments: ["", ".", "-", "1e", "1e+", "e5", "1.2.3", "0x10", "1_000", "nan", "inf", "1,5", " 1"])
    func notNumbers(_ text: String) {
        #expect(NumberLiteral(text) == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest(to: "learning_rate", in: ["name", "learning-rate", "momentum"]) == "learning-rate")
        #expect(Suggestion.nearest(to: "laerning-rate", in: ["name", "learning-rate"]) == "learning-rate")
        #expect(Suggestion.nearest(to: "dw1", in: ["dW1", "db1", "W1_new"]) == "dW1")
        #expect(Suggestion.nearest(to: "momentum", in: ["name", "learning-rate"]) == nil)
    }
}
