import StepgradEngine
import StepgradScenario

/// Small random exercises covering every activation, loss, reduction, convention, optimizer and
/// batch shape, with numbers of one or two decimals as a homework sheet has them.
enum RandomScenarios {
    static func make(count: Int, seed: UInt64 = 10) -> [Scenario] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in scenario(index, &random) }
    }

    private static let hidden: [Activation] = [.identity, .relu, .leakyRelu(negativeSlope: 0.01), .sigmoid, .tanh, .softmax]
    private static let optimizers: [Optimizer] = [
        .sgd(.init(learningRate: 0.1)),
        .sgd(.init(learningRate: 0.5, momentum: 0.9)),
        .sgd(.init(learningRate: 0.05, weightDecay: 0.01)),
        .adam(.init(learningRate: 0.01)),
        .adam(.init(learningRate: 0.001, weightDecay: 0.1)),
    ]

    private static func scenario(_ index: Int, _ random: inout SplitMix64) -> Scenario {
        // Cycle the categorical choices so that 200 scenarios surely cover every combination axis.
        let loss = Loss.allCases[index % Loss.allCases.count]
        let reduction = Reduction.allCases[(index / 5) % Reduction.allCases.count]
        let convention = Convention.allCases[(index / 2) % Convention.allCases.count]
        let optimizer = optimizers[(index / 3) % optimizers.count]
        let batch = 1 + (index / 7) % 4
        let inputs = Int.random(in: 1...3, using: &random)
        let depth = Int.random(in: 1...2, using: &random)
        let outputs = loss == .binaryCrossEntropy ? Int.random(in: 1...2, using: &random) : Int.random(in: 2...3, using: &random)
        var layers: [Layer] = []
        for l in 1...depth {
            let last = l == depth
            let activation = last ? (loss.requiredActivation ?? hidden[(index + l) % hidden.count])
                : hidden[(index / 11 + l) % hidden.count]
            layers.append(Layer(units: last ? outputs : Int.random(in: 1...3, using: &random), activation: activation,
                                hasBias: Bool.random(using: &random)))
        }
        let network = Network(inputs: inputs, layers: layers, convention: convention, loss: loss, reduction: reduction,
                              optimizer: optimizer)
        var weights: [Matrix] = [], biases: [Matrix?] = []
        for l in 1...depth {
            let shape = network.weightShape(ofLayer: l)
            weights.append(matrix(shape.rows, shape.columns, &random))
            biases.append(network.layer(l).hasBias ? matrix(1, network.layer(l).units, &random) : nil)
        }
        let input = matrix(batch, inputs, &random, scale: 2)
        let target: Matrix
        switch loss {
        case .crossEntropy:
            target = Matrix(rows: batch, columns: outputs, elements: (0..<batch).flatMap { _ in
                let hot = Int.random(in: 0..<outputs, using: &random)
                return (0..<outputs).map { $0 == hot ? 1.0 : 0.0 }
            })
        case .binaryCrossEntropy:
            target = Matrix(rows: batch, columns: outputs, elements: (0..<batch * outputs).map { _ in Double(Int.random(in: 0...1, using: &random)) })
        default:
            target = matrix(batch, outputs, &random)
        }
        return Scenario(title: "Random \(index)", network: network, parameters: Parameters(weights: weights, biases: biases),
                        batch: Batch(input: input, target: target))
    }

    /// Numbers with one or two decimals, as a homework sheet has them.
    private static func matrix(_ rows: Int, _ columns: Int, _ random: inout SplitMix64, scale: Int = 1) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in
            let decimals = Int.random(in: 1...2, using: &random)
            let bound = scale * (decimals == 1 ? 10 : 100)
            return Double(Int.random(in: -bound...bound, using: &random)) / (decimals == 1 ? 10 : 100)
        })
    }
}
