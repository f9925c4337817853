import Foundation
import StepgradEngine

/// A case written by Tests/Reference/reference.py: the network, its numbers, and the
/// expected value of every quantity of each iteration, computed independently in NumPy.
typealias Fixture = ReferenceFixture<Double>

/// An extreme case (Fixtures/Extremes), computed exactly in mpmath: each value a decimal string.
typealias ExactFixture = ReferenceFixture<String>

struct ReferenceFixture<Value: Decodable & Sendable>: Decodable {
    struct Spec: Decodable {
        struct LayerSpec: Decodable {
            var units: Int
            var activation: String
            var bias: Bool
            var negative_slope: Double?
            var frozen: [String]?
        }
        struct OptimizerSpec: Decodable {
            var kind: String
            var learning_rate: Double
            var weight_decay: Double
            var momentum: Double?
            var beta1: Double?
            var beta2: Double?
            var epsilon: Double?
        }
        var inputs: Int
        var layers: [LayerSpec]
        var convention: String
        var loss: String
        var reduction: String
        var optimizer: OptimizerSpec
        var iterations: Int
    }

    var name: String
    var description: String
    var spec: Spec
    var parameters: [String: [[Double]]]
    var input: [[Double]]
    var target: [[Double]]
    /// Per iteration, every quantity by canonical name (`z1`, `dW2`, `W1_new`, `mW1`, …).
    var iterations: [[String: [[Value]]]]

    /// Fixtures, or its Extremes folder for exact values.
    static var directory: URL {
        let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        return Value.self == String.self ? fixtures.appendingPathComponent("Extremes") : fixtures
    }

    /// Every fixture file's name without extension, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> ReferenceFixture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(ReferenceFixture.self, from: data)
    }

    struct Invalid: Error, CustomStringConvertible { var description: String }

    var network: Network {
        get throws {
            let layers = try spec.layers.map { entry -> Layer in
                Layer(units: entry.units, activation: try Self.activation(entry), hasBias: entry.bias,
                      frozen: Set((entry.frozen ?? []).compactMap(Layer.Part.init(rawValue:))))
            }
            guard let convention = Convention(rawValue: spec.convention), let loss = Loss(rawValue: spec.loss),
                  let reduction = Reduction(rawValue: spec.reduction) else {
                throw Invalid(description: "\(name): unknown convention, loss or reduction")
            }
            return Network(inputs: spec.inputs, layers: layers, convention: convention, loss: loss,
                           reduction: reduction, optimizer: try optimizer)
        }
    }

    var initialParameters: Parameters {
        Parameters(weights: spec.layers.indices.map { Matrix(parameters["W\($0 + 1)"]!) },
                   biases: spec.layers.indices.map { parameters["b\($0 + 1)"].map(Matrix.init) })
    }

    var batch: Batch { Batch(input: Matrix(input), target: Matrix(target)) }

    private var optimizer: Optimizer {
        get throws {
            let o = spec.optimizer
            switch o.kind {
            case "sgd":
                return .sgd(.init(learningRate: o.learning_rate, momentum: o.momentum ?? 0, weightDecay: o.weight_decay))
            case "adam":
                return .adam(.init(learningRate: o.learning_rate, beta1: o.beta1!, beta2: o.beta2!, epsilon: o.epsilon!,
                                   weightDecay: o.weight_decay))
            default:
                throw Invalid(description: "\(name): unknown optimizer \(o.kind)")
            }
        }
    }

    private static func activation(_ entry: Spec.LayerSpec) throws -> Activation {
        switch entry.activation {
        case "identity": .identity
        case "relu": .relu
        case "leaky-relu": .leakyRelu(negativeSlope: entry.negative_slope ?? 0.01)
        case "sigmoid": .sigmoid
        case "tanh": .tanh
        case "softmax": .softmax
        default: throw Invalid(description: "unknown activation \(entry.activation)")
        }
    }
}
