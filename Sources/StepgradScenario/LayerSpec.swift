import StepgradEngine

/// One entry of `layers:` as written, before the network around it is known.
struct LayerSpec {
    enum Bias {
        case zeros
        case none
        case values(NumberGrid)
    }

    static let keys = ["units", "activation", "negative-slope", "bias", "weights", "frozen"]

    var number: Int
    var units: Int
    var activation: Activation
    var activationPosition: Position
    var bias: Bias
    var weights: NumberGrid?
    /// Parameters kept fixed: `frozen: [bias]`, `[weights]` or both.
    var frozen: Set<Layer.Part> = []
    var position: Position

    var hasBias: Bool {
        if case .none = bias { return false }
        return true
    }

    var layer: Layer { Layer(units: units, activation: activation, hasBias: hasBias, frozen: frozen) }

    init(_ node: YAMLNode, number l: Int) throws {
        let name = "layer \(l)"
        let fields = try MappingFields(node, owner: name, known: Self.keys)
        number = l
        position = node.position
        units = try fields.required("units").integer("'units' of \(name)", in: 1...ScenarioLimits.units)

        let activationNode = try fields.optional("activation")
        activationPosition = activationNode?.position ?? node.position
        let activationName = try activationNode?.choice("activation", among: Activation.names,
                                                        synonyms: Self.activationSynonyms) ?? "identity"
        let slopeNode = try fields.optional("negative-slope")
        switch activationName {
        case "relu": activation = .relu
        case "leaky-relu": activation = .leakyRelu(negativeSlope: try slopeNode?.number("'negative-slope' of \(name)").value ?? 0.01)
        case "sigmoid": activation = .sigmoid
        case "tanh": activation = .tanh
        case "softmax": activation = .softmax
        default: activation = .identity
        }
        if let slopeNode, activationName != "leaky-relu" {
            throw ScenarioError("'negative-slope' applies only to leaky-relu, but \(name) uses \(activationName)",
                                at: fields.keyPosition("negative-slope") ?? slopeNode.position)
        }

        switch try fields.optional("bias") {
        case nil: bias = .zeros
        case let node? where node.scalar == .bool(false): bias = .none
        case let node? where node.scalar == .bool(true): bias = .zeros
        case let node?:
            guard case .sequence = node.content else {
                throw ScenarioError("'bias' of \(name) must be false (no bias) or a list of \(ScenarioDecoder.count(units, "number")), "
                                    + "found \(node.kindDescription)", at: node.position)
            }
            let grid = try NumberGrid(node, "'bias' of \(name)")
            guard grid.isFlat else {
                throw ScenarioError("'bias' of \(name) must be a flat list of \(ScenarioDecoder.count(units, "number")), not rows",
                                    at: node.position)
            }
            guard grid.shape.columns == units else {
                throw ScenarioError("'bias' of \(name) has \(ScenarioDecoder.count(grid.shape.columns, "number")), "
                                    + "but the layer has \(ScenarioDecoder.count(units, "unit"))", at: node.position)
            }
            bias = .values(grid)
        }
        weights = try fields.optional("weights").map { try NumberGrid($0, "'weights' of \(name)") }
        if let node = try fields.optional("frozen") {
            let parts = Layer.Part.allCases.map(\.rawValue)
            let items = node.scalar == nil ? try node.sequence("'frozen' of \(name) (a list of \(parts.joined(separator: ", ")))") : [node]
            for item in items {
                let part = try item.choice("part to freeze in 'frozen' of \(name)", Layer.Part.self)
                if part == .bias && !hasBias {
                    throw ScenarioError("'frozen' of \(name) names the bias, but the layer has none ('bias: false')", at: item.position)
                }
                frozen.insert(part)
            }
        }
    }

    /// Names people use for the activations, to suggest the one stepgrad calls them by.
    private static let activationSynonyms = [
        "linear": "identity", "none": "identity", "id": "identity",
        "logistic": "sigmoid", "sigma": "sigmoid",
        "leakyrelu": "leaky-relu", "lrelu": "leaky-relu",
    ]

    /// Refuses weights whose shape does not fit, saying what would, and when they look transposed.
    func checkWeights(in network: Network) throws {
        guard let weights else { return }
        let expected = network.weightShape(ofLayer: number), found = weights.shape
        guard found != expected else { return }
        let convention = network.convention
        let other: Convention = convention == .wx ? .wtx : .wx
        let inputs = network.inputs(ofLayer: number)
        let source = number == 1 ? "the size of each 'input' sample" : "the units of layer \(number - 1)"
        var message = "'weights' of layer \(number) are \(found), but a layer of \(ScenarioDecoder.count(units, "unit")) "
            + "fed by \(ScenarioDecoder.count(inputs, "input")) (\(source)) needs \(expected) "
            + "in convention \(convention.rawValue) (\(Self.layout(convention)))"
        if found == expected.transposed {
            message += "; the matrix looks transposed: \(found) is the \(other.rawValue) layout (\(Self.layout(other))), "
                + "so transpose it or set 'convention: \(other.rawValue)'"
        }
        throw ScenarioError(message, at: weights.position)
    }

    static func layout(_ convention: Convention) -> String {
        convention == .wx ? "units × inputs" : "inputs × units"
    }
}
