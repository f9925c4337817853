import StepgradEngine

/// Reads a student's values (an `answers:` section, or an answers file) against the network
/// they are answers for, so that every name, shape and layer is checked before grading.
enum AnswersDecoder {
    static func decode(_ node: YAMLNode, for scenario: Scenario) throws -> Answers {
        let entries = try node.mappingEntries("'answers'")
        let network = scenario.network
        let known = quantities(of: network)
        var values: [Quantity: Answers.Value] = [:]
        for entry in entries {
            let quantity = try quantity(entry.key, at: entry.keyPosition, in: network, known: known)
            // A key with no value is a quantity not answered (yet), as in a handed-out template.
            guard !entry.value.isNull else { continue }
            let expected = shape(of: quantity, in: network, batch: scenario.batch.size)
            values[quantity] = try value(entry.value, of: quantity, expected: expected, network: network)
        }
        return Answers(values: values, path: scenario.path)
    }

    /// Everything an iteration of this network computes, in the order of a written solution:
    /// with momentum or Adam, the optimizer's state too (`bufW1`; `mW1`, `vW1`, `mhatW1`, `vhatW1`).
    static func quantities(of network: Network) -> [Quantity] {
        var all: [Quantity] = [.loss]
        let state: [Quantity.Kind] = switch network.optimizer {
        case .sgd(let s): s.momentum == 0 ? [] : [.buf]
        case .adam: [.m, .v, .mhat, .vhat]
        }
        for l in 1...network.depth {
            let layer = network.layer(l)
            all += [.z(l), .a(l), .da(l), .dz(l)]
            // A frozen parameter has no gradient, no update and no optimizer state.
            if !layer.frozen.contains(.weights) {
                all += [.dW(l), .W_new(l)] + state.map { Quantity.state($0, of: .W(l)) }
            }
            if layer.hasBias && !layer.frozen.contains(.bias) {
                all += [.db(l), .b_new(l)] + state.map { Quantity.state($0, of: .b(l)) }
            }
        }
        return all.sorted()
    }

    /// The parameter whose gradient, update or optimizer state `quantity` is.
    private static func part(of quantity: Quantity) -> Layer.Part? {
        switch quantity.kind {
        case .dW, .W_new: .weights
        case .db, .b_new: .bias
        case _ where quantity.kind.isOptimizerState: quantity.ofBias ? .bias : .weights
        default: nil
        }
    }

    private static func quantity(_ name: String, at position: Position, in network: Network,
                                 known: [Quantity]) throws -> Quantity {
        guard let quantity = Quantity(name: name) else {
            let hint = Suggestion.nearest(to: name, in: known.map(\.name)).map { "; did you mean '\($0)'?" }
                ?? " (answers are named like z1, a1, loss, dz2, dW1, db1, W1_new)"
            throw ScenarioError("unknown quantity '\(name)'\(hint)", at: position)
        }
        if let layer = quantity.layer, layer > network.depth {
            throw ScenarioError("the network has \(ScenarioDecoder.count(network.depth, "layer")), so there is no \(name)",
                                at: position)
        }
        if [.x, .y, .W, .b].contains(quantity.kind) || quantity.isPrevious {
            throw ScenarioError("\(name) is given by the scenario, not computed; answers are computed quantities "
                                + "like z1, a1, loss, dW1 or W1_new", at: position)
        }
        guard known.contains(quantity) else {
            if let layer = quantity.layer, part(of: quantity) == .bias && !network.layer(layer).hasBias {
                throw ScenarioError("layer \(layer) has no bias, so there is no \(name)", at: position)
            }
            if let layer = quantity.layer, let part = part(of: quantity), network.layer(layer).frozen.contains(part) {
                throw ScenarioError("layer \(layer)'s \(part.rawValue) \(part == .bias ? "is" : "are") frozen, so there is no \(name)",
                                    at: position)
            }
            if quantity.kind.isOptimizerState {
                let kept = quantity.kind == .buf ? "momentum buffers (sgd with momentum)" : "moments (adam)"
                throw ScenarioError("\(name) is not computed: its optimizer keeps no \(kept)", at: position)
            }
            throw ScenarioError("\(name) is not computed by this network", at: position)
        }
        return quantity
    }

    /// The shape of a quantity as written on paper, with the words that explain it.
    private static func shape(of quantity: Quantity, in network: Network, batch: Int) -> (shape: Shape, layout: String) {
        guard let l = quantity.layer else { return (Shape(rows: 1, columns: 1), "a single number") }
        let units = network.layer(l).units
        // Optimizer state is laid out like its parameter.
        let kind: Quantity.Kind = quantity.kind.isOptimizerState ? (quantity.ofBias ? .db : .dW) : quantity.kind
        switch kind {
        case .dW, .W_new:
            return (network.weightShape(ofLayer: l),
                    "laid out like W\(l): \(LayerSpec.layout(network.convention)), convention \(network.convention.rawValue)")
        case .db, .b_new:
            return (Shape(rows: 1, columns: units), "one number per unit")
        default:
            let rows = batch == 1 ? "1 sample" : "one row per sample: \(batch) samples"
            return (Shape(rows: batch, columns: units), "\(rows) × \(ScenarioDecoder.count(units, "unit"))")
        }
    }

    private static func value(_ node: YAMLNode, of quantity: Quantity, expected: (shape: Shape, layout: String),
                              network: Network) throws -> Answers.Value {
        let name = quantity.name
        let grid: [[NumberLiteral]]
        var found: Shape
        if case .scalar = node.content {
            grid = [[try node.number("'\(name)'")]]
            found = Shape(rows: 1, columns: 1)
        } else {
            let numbers = try NumberGrid(node, "'\(name)'")
            grid = numbers.rows
            found = numbers.shape
        }
        // A transposed answer is a mistake to diagnose, not bad input: the checker reads it back.
        guard found == expected.shape || found == expected.shape.transposed else {
            let wanted = quantity.kind == .loss ? "a single number" : "\(expected.shape) (\(expected.layout))"
            throw ScenarioError("'\(name)' is \(found), but \(name) is \(wanted)", at: node.position)
        }
        return Answers.Value(rows: grid.map { $0.map(\.value) }, decimals: grid.map { $0.map(\.decimals) },
                             line: node.position.line)
    }
}
