import Foundation
import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

@Suite struct ExerciseGeneratorTests {
    func generator(_ sizes: [Int] = [3, 4, 3], _ activations: [Activation] = [.relu, .softmax], loss: Loss = .crossEntropy,
                   decimals: Int = 1, bias: Bool = false, convention: Convention = .wx, maxDraws: Int = 100) throws -> ExerciseGenerator {
        try ExerciseGenerator(sizes: sizes, activations: activations, loss: loss, decimals: decimals, bias: bias,
                              convention: convention, maxDraws: maxDraws)
    }

    /// Whether every number is a whole multiple of 10⁻ᵈ.
    func friendly(_ m: Matrix, _ decimals: Int) -> Bool {
        m.elements.allSatisfy { v in
            let scaled = v * [1, 10, 100, 1000, 10000][decimals]
            return abs(scaled - scaled.rounded()) < 1e-9
        }
    }

    @Test func aSeedAlwaysGivesTheSameExercise() throws {
        let a = try generator().generate(seed: 7), b = try generator().generate(seed: 7)
        #expect(a.yaml == b.yaml)
        #expect(try generator().generate(seed: 8).yaml != a.yaml)
    }

    @Test(arguments: [0, 1, 2])
    func numbersAreRoundedToTheDecimalsAsked(_ decimals: Int) throws {
        let outcome = try generator(decimals: decimals, bias: true, convention: .wtx).generate(seed: 11)
        let s = outcome.scenario
        #expect(s.parameters.weights.allSatisfy { friendly($0, decimals) })
        #expect(s.parameters.biases.allSatisfy { $0.map { friendly($0, decimals) } == true })
        #expect(friendly(s.batch.input, decimals))
        #expect(s.parameters.weights(1).shape == Shape(rows: 3, columns: 4))
        // Softmax with cross-entropy: a one-hot target.
        #expect(s.batch.target.elements.sorted() == [0, 0, 1])
    }

    @Test func sigmoidTargetsLieInsideZeroToOne() throws {
        let s = try generator([2, 2], [.sigmoid], loss: .mse, decimals: 1).generate(seed: 3).scenario
        #expect(s.batch.target.elements.allSatisfy { $0 > 0 && $0 < 1 })
    }

    /// The drawn scenario is checked independently: ReLU units alive, softmax not saturated.
    @Test(arguments: 0..<12)
    func acceptedDrawsAreNotDegenerate(_ seed: Int) throws {
        let outcome = try generator([3, 2, 3], [.relu, .softmax]).generate(seed: UInt64(seed))
        let s = outcome.scenario
        let W1 = s.parameters.weights(1), W2 = s.parameters.weights(2), x = s.batch.input.row(0)
        let z1 = (0..<2).map { j in (0..<3).reduce(0.0) { $0 + W1[j, $1] * x[$1] } }
        #expect(z1.contains { $0 > 0 })
        #expect(!z1.contains { abs($0) < 1e-12 })
        let a1 = z1.map { max(0, $0) }
        let z2 = (0..<3).map { j in (0..<2).reduce(0.0) { $0 + W2[j, $1] * a1[$1] } }
        let e = z2.map { exp($0) }, total = e.reduce(0, +)
        #expect(e.allSatisfy { $0 / total > 0.01 && $0 / total < 0.99 })
    }

    @Test func redrawsAreCountedAndExplained() throws {
        // With two ReLU units, some seeds draw a dead layer first.
        let outcomes = try (0..<20).map { try generator([3, 2, 3], [.relu, .softmax]).generate(seed: UInt64($0)) }
        let redrawn = try #require(outcomes.first { $0.draw > 1 })
        #expect(redrawn.rejections.count == redrawn.draw - 1)
        #expect(redrawn.rejections.allSatisfy { !$0.isEmpty })
    }

    @Test func noUsableDrawWithinTheBoundIsAnError() throws {
        let seeds = try (0..<20).map { try generator([3, 2, 3], [.relu, .softmax]).generate(seed: UInt64($0)) }
        let seed = try #require(seeds.firstIndex { $0.draw > 1 })
        let error = #expect(throws: GenerationError.self) {
            try generator([3, 2, 3], [.relu, .softmax], maxDraws: 1).generate(seed: UInt64(seed))
        }
        #expect(error?.isInvalidInput == false)
        #expect(error?.message.hasPrefix("no usable draw in 1 tries from seed \(seed)") == true)
    }

    @Test func flawsAreRecognised() throws {
        let g = try generator([2, 2, 2], [.relu, .softmax])
        func scenario(_ W1: [[Double]], _ W2: [[Double]], x: [Double] = [1, 1]) -> Scenario {
            Scenario(title: "t", network: g.network, parameters: Parameters(weights: [Matrix(W1), Matrix(W2)], biases: [nil, nil]),
                     batch: Batch(input: Matrix(row: x), target: Matrix(row: [1, 0])))
        }
        #expect(g.flaw(of: scenario([[-1, 0], [0, -1]], [[1, 0], [0, 1]]))?.contains("dead") == true)
        #expect(g.flaw(of: scenario([[1, -1], [1, 0]], [[1, 0], [0, 1]]))?.contains("exactly 0") == true)
        #expect(g.flaw(of: scenario([[2, 2], [1, 0]], [[3, 0], [-3, 0]]))?.contains("saturates") == true)
        #expect(g.flaw(of: scenario([[0.5, 0.2], [0.1, 0.3]], [[0.2, -0.1], [-0.3, 0.4]])) == nil)
        // Inputs that vanish: x = 0.0001 gives gradients of W₁ below 0.001.
        #expect(g.flaw(of: scenario([[0.5, 0.2], [0.1, 0.3]], [[0.2, -0.1], [-0.3, 0.4]], x: [0.0001, 0.0001]))?.contains("vanishes") == true)
    }

    @Test func invalidOptionsAreRefused() {
        func message(_ sizes: [Int], _ activations: [Activation], _ loss: Loss, decimals: Int = 1) -> String? {
            do {
                _ = try ExerciseGenerator(sizes: sizes, activations: activations, loss: loss, decimals: decimals, bias: false)
                return nil
            } catch {
                return error.isInvalidInput ? error.message : "not invalid input"
            }
        }
        #expect(message([3], [], .mse)?.contains("--layers") == true)
        #expect(message([3, 4, 3], [.relu], .crossEntropy)?.contains("2 layer(s) need 2 activation(s), got 1") == true)
        #expect(message([3, 4, 3], [.relu, .sigmoid], .crossEntropy)?.contains("needs a softmax output layer") == true)
        #expect(message([3, 3], [.softmax], .crossEntropy, decimals: 7)?.contains("--decimals") == true)
        #expect(message([3, 40], [.sigmoid], .mse)?.contains("1 to 16 units") == true)
        #expect(message([3, 4, 3], [.relu, .softmax], .crossEntropy) == nil)
    }

    @Test func theFileNamesEveryPart() throws {
        let yaml = try generator(bias: true, convention: .wtx).generate(seed: 5).yaml
        for key in ["title: \"3-4-3 network (relu, softmax; cross-entropy), seed 5\"", "convention: WTx", "input: [", "target: [",
                    "layers:", "  - units: 4", "    activation: relu", "    bias: [", "    weights:", "loss: cross-entropy",
                    "optimizer:", "  name: sgd", "  learning-rate: 0.1"] {
            #expect(yaml.contains(key), "\(key)")
        }
        #expect(!yaml.contains("−"))
    }
}

/// What `stepgrad new` writes opens with the scenario loader as the very exercise drawn.
@Suite struct ExerciseFileTests {
    static let options: [([Int], [Activation], Loss, Int, Bool, Convention)] = [
        ([3, 4, 3], [.relu, .softmax], .crossEntropy, 1, false, .wx),
        ([3, 3], [.softmax], .crossEntropy, 2, true, .wtx),
        ([2, 3, 2], [.tanh, .sigmoid], .mse, 1, true, .wx),
        ([2, 2, 1], [.leakyRelu(negativeSlope: 0.01), .sigmoid], .binaryCrossEntropy, 0, true, .wtx),
        ([4, 3, 2], [.sigmoid, .identity], .halfSSE, 3, false, .wx),
    ]

    @Test(arguments: 0..<options.count)
    func theFileLoadsAsTheExerciseDrawn(_ index: Int) throws {
        let (sizes, activations, loss, decimals, bias, convention) = Self.options[index]
        let generator = try ExerciseGenerator(sizes: sizes, activations: activations, loss: loss, decimals: decimals,
                                              bias: bias, convention: convention, title: "Quiz \"3\" — part 2")
        let outcome = try generator.generate(seed: 42)
        let loaded = try ScenarioLoader.parse(outcome.yaml, path: "new.yaml")
        #expect(loaded.title == "Quiz \"3\" — part 2")
        #expect(loaded.network == outcome.scenario.network)
        #expect(loaded.parameters == outcome.scenario.parameters)
        #expect(loaded.batch == outcome.scenario.batch)
    }
}
