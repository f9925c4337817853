import StepgradEngine
import StepgradNotation
import StepgradScenario

/// Draws homework exercises with friendly numbers — weights, biases, inputs and targets rounded
/// to a few decimals — and rejects draws a student would learn nothing from: a ReLU layer that is
/// all dead, a ReLU exactly at its kink, a saturated softmax or sigmoid, a gradient that vanishes.
/// Draws come one after another from one SplitMix64 stream, so a seed always gives the same exercise.
public struct ExerciseGenerator: Sendable {
    public let network: Network
    public let decimals: Int
    public let title: String?
    /// How many draws to try before giving up.
    public let maxDraws: Int

    /// `sizes` are the units of every layer, inputs first (3-4-3); one activation per layer after the inputs.
    public init(sizes: [Int], activations: [Activation], loss: Loss, decimals: Int, bias: Bool,
                convention: Convention = .wx, learningRate: Double = 0.1, title: String? = nil,
                maxDraws: Int = 100) throws(GenerationError) {
        guard sizes.count >= 2 else { throw .invalid("--layers needs the inputs and at least one layer, e.g. 3-4-3") }
        guard sizes.allSatisfy({ (1...16).contains($0) }) else {
            throw .invalid("--layers: every layer needs 1 to 16 units for an exercise worked by hand")
        }
        guard activations.count == sizes.count - 1 else {
            throw .invalid("--activations: \(sizes.count - 1) layer(s) need \(sizes.count - 1) activation(s), got \(activations.count)")
        }
        guard (0...4).contains(decimals) else { throw .invalid("--decimals must be 0 to 4") }
        guard learningRate > 0, learningRate.isFinite else { throw .invalid("--learning-rate must be positive") }
        if let required = loss.requiredActivation, activations.last != required {
            throw .invalid("--loss \(loss.rawValue) needs a \(required.name) output layer, got \(activations.last?.name ?? "none")")
        }
        if activations.last == .softmax && sizes.last == 1 {
            throw .invalid("--layers: a softmax over 1 output is always 1; give it at least 2 outputs")
        }
        let layers = zip(sizes.dropFirst(), activations).map { Layer(units: $0, activation: $1, hasBias: bias) }
        network = Network(inputs: sizes[0], layers: layers, convention: convention, loss: loss,
                          optimizer: .sgd(.init(learningRate: learningRate)))
        self.decimals = decimals
        self.title = title
        self.maxDraws = maxDraws
    }

    /// A usable draw, and why the ones before it were rejected.
    public struct Outcome: Sendable {
        public var scenario: Scenario
        /// 1-based.
        public var draw: Int
        /// One reason per rejected draw, in order.
        public var rejections: [String]
        public var decimals: Int

        /// The scenario file to write.
        public var yaml: String { ExerciseFile.yaml(scenario, decimals: decimals) }
    }

    public func generate(seed: UInt64) throws(GenerationError) -> Outcome {
        var random = SplitMix64(seed: seed)
        var rejections: [String] = []
        for draw in 1...maxDraws {
            let scenario = self.draw(&random, seed: seed)
            guard let flaw = flaw(of: scenario) else {
                return Outcome(scenario: scenario, draw: draw, rejections: rejections, decimals: decimals)
            }
            rejections.append(flaw)
        }
        throw GenerationError(
            message: "no usable draw in \(maxDraws) tries from seed \(seed) (the last: \(rejections.last ?? "")); "
                + "try another seed, more decimals or other layers", isInvalidInput: false)
    }

    private func draw(_ random: inout SplitMix64, seed: UInt64) -> Scenario {
        let unit = Self.pow10(decimals)
        /// A multiple of 10⁻ᵈ in `low…high`, made as k/10ᵈ so that it is exactly the number its text reads.
        func number(_ low: Double, _ high: Double) -> Double {
            let from = Int((low * unit).rounded(.up)), to = max(from, Int((high * unit).rounded(.down)))
            return Double(from + min(to - from, Int(random.nextUnit() * Double(to - from + 1)))) / unit
        }
        /// Within ±bound, and at least ±1 unit so that 0 decimals still varies.
        func number(within bound: Double) -> Double { number(-max(bound, 1 / unit), max(bound, 1 / unit)) }
        func matrix(_ rows: Int, _ columns: Int, within bound: Double) -> Matrix {
            Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in number(within: bound) })
        }
        var weights: [Matrix] = [], biases: [Matrix?] = []
        for l in 1...network.depth {
            let shape = network.weightShape(ofLayer: l)
            weights.append(matrix(shape.rows, shape.columns, within: 0.5))
            biases.append(network.layer(l).hasBias ? matrix(1, network.layer(l).units, within: 0.5) : nil)
        }
        let input = matrix(1, network.inputs, within: 2)
        let outputs = network.outputs, output = network.layer(network.depth).activation
        var target = Matrix(rows: 1, columns: outputs)
        if output == .softmax {
            target[0, min(outputs - 1, Int(random.nextUnit() * Double(outputs)))] = 1
        } else if network.loss == .binaryCrossEntropy {
            for j in 0..<outputs { target[0, j] = random.nextUnit() < 0.5 ? 0 : 1 }
        } else if output == .sigmoid {
            // Inside (0, 1) and away from its ends, as a sigmoid can reach it.
            for j in 0..<outputs { target[0, j] = decimals == 0 ? Double(j % 2) : number(0.1, 0.9) }
        } else {
            target = matrix(1, outputs, within: 1)
        }
        let name = title ?? defaultTitle(seed: seed)
        return Scenario(title: name, network: network, parameters: Parameters(weights: weights, biases: biases),
                        batch: Batch(input: input, target: target))
    }

    /// Why a draw makes a poor exercise, or `nil` when it is a good one.
    func flaw(of scenario: Scenario) -> String? {
        let trace = network.iterate(scenario.parameters, OptimizerState(), on: scenario.batch).trace
        for l in 1...network.depth {
            let activation = network.layer(l).activation
            guard let z = trace.operation(producing: .z(l))?.result, let a = trace.operation(producing: .a(l))?.result else { continue }
            if activation == .relu && z.elements.allSatisfy({ $0 <= 0 }) { return "every ReLU of layer \(l) is dead" }
            if activation.hasKink, let j = z.elements.firstIndex(where: { abs($0) < 1e-12 }) {
                return "z\(l)[\(j)] is exactly 0, where the \(activation.name) has no derivative"
            }
            if activation == .softmax || activation == .sigmoid, let p = a.elements.first(where: { $0 < 0.01 || $0 > 0.99 }) {
                return "the \(activation.name) of layer \(l) saturates (an output of \(NumberStyle(decimals: 4).format(p)))"
            }
        }
        // Checked after the activations, whose saturation is the likelier cause.
        for l in 1...network.depth {
            if let dW = trace.operation(producing: .dW(l))?.result, dW.maxMagnitude < 1e-3 {
                return "the gradient of W\(l) vanishes (every element below 0.001)"
            }
        }
        return nil
    }

    private func defaultTitle(seed: UInt64) -> String {
        let sizes = ([network.inputs] + network.layers.map(\.units)).map(String.init).joined(separator: "-")
        let activations = network.layers.map(\.activation.name).joined(separator: ", ")
        return "\(sizes) network (\(activations); \(network.loss.rawValue)), seed \(seed)"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1) { value, _ in value * 10 } }
}

extension Activation {
    /// ReLU and leaky ReLU have no derivative at 0; a hand calculation there is ambiguous.
    var hasKink: Bool {
        switch self {
        case .relu, .leakyRelu: true
        default: false
        }
    }
}

/// An exercise that cannot be made: invalid options, or no usable draw within the bound.
public struct GenerationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Whether the options themselves are at fault (rather than the luck of the draw).
    public var isInvalidInput: Bool
    public var description: String { message }

    static func invalid(_ message: String) -> GenerationError { GenerationError(message: message, isInvalidInput: true) }
}
