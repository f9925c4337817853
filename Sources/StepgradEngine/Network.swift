/// How a layer's weights are laid out, as textbooks differ.
public enum Convention: String, Hashable, Sendable, CaseIterable, Codable {
    /// z = W·x + b, W is out × in.
    case wx = "Wx"
    /// z = Wᵀ·x + b, W is in × out.
    case wtx = "WTx"

    public func weightShape(inputs: Int, units: Int) -> Shape {
        self == .wx ? Shape(rows: units, columns: inputs) : Shape(rows: inputs, columns: units)
    }
}

public struct Layer: Hashable, Sendable {
    public var units: Int
    public var activation: Activation
    public var hasBias: Bool
    /// Parameters kept fixed, as with `requires_grad = False`: no gradient, no update.
    public var frozen: Set<Part>

    /// A layer's parameters, by what a scenario calls them.
    public enum Part: String, Hashable, Sendable, CaseIterable {
        case weights, bias
    }

    public init(units: Int, activation: Activation = .identity, hasBias: Bool = true, frozen: Set<Part> = []) {
        self.units = units
        self.activation = activation
        self.hasBias = hasBias
        self.frozen = frozen
    }

    /// Whether the weights (`.W`) or the bias (`.b`) are trained.
    func trains(_ part: Part) -> Bool { !frozen.contains(part) && (part == .weights || hasBias) }
}

/// The architecture and training rule of an exercise: everything but the numbers.
public struct Network: Hashable, Sendable {
    public var inputs: Int
    public var layers: [Layer]
    public var convention: Convention
    public var loss: Loss
    public var reduction: Reduction
    public var optimizer: Optimizer

    public init(inputs: Int, layers: [Layer], convention: Convention = .wx, loss: Loss,
                reduction: Reduction = .mean, optimizer: Optimizer = .sgd(.init())) {
        self.inputs = inputs
        self.layers = layers
        self.convention = convention
        self.loss = loss
        self.reduction = reduction
        self.optimizer = optimizer
    }

    /// Number of layers, L; layers are numbered 1…L.
    public var depth: Int { layers.count }
    public var outputs: Int { layers.last?.units ?? inputs }

    /// Units feeding layer `l` (1-based).
    public func inputs(ofLayer l: Int) -> Int { l == 1 ? inputs : layers[l - 2].units }
    public func layer(_ l: Int) -> Layer { layers[l - 1] }
    public func weightShape(ofLayer l: Int) -> Shape {
        convention.weightShape(inputs: inputs(ofLayer: l), units: layer(l).units)
    }
}

/// The trainable numbers: one weight matrix and optional bias row per layer.
public struct Parameters: Hashable, Sendable, Codable {
    public var weights: [Matrix]
    /// `1 × units`, or `nil` for a layer without bias.
    public var biases: [Matrix?]

    public init(weights: [Matrix], biases: [Matrix?]) {
        self.weights = weights
        self.biases = biases
    }

    public func weights(_ l: Int) -> Matrix { weights[l - 1] }
    public func bias(_ l: Int) -> Matrix? { biases[l - 1] }
}

/// The data of one iteration: rows are samples.
public struct Batch: Hashable, Sendable {
    public var input: Matrix
    public var target: Matrix
    public init(input: Matrix, target: Matrix) {
        self.input = input
        self.target = target
    }
    public var size: Int { input.rows }
}
