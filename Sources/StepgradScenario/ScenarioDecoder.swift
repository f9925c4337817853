import StepgradEngine

/// Builds a `Scenario` from a parsed document, checking everything that hand-made files get wrong,
/// in the order a reader would: keys, data, layers, then how they fit together.
///
/// Decisions worth knowing:
/// - softmax is accepted only in the output layer: as a hidden activation it is almost always a
///   slip in the layer order, and no course exercise uses it there;
/// - softmax over a single unit is refused (it is constantly 1);
/// - cross-entropy needs a softmax output and targets ≥ 0; binary-cross-entropy needs a sigmoid
///   output and targets in [0, 1]; the squared losses go with any output;
/// - `bias: true` means zeros, like leaving the key out.
enum ScenarioDecoder {
    static let keys = ["title", "convention", "input", "target", "data", "batch-size", "epochs", "shuffle",
                       "layers", "init", "loss", "reduction", "optimizer", "answers"]

    /// Keys that are easy to write at the top level but belong one level down.
    private static let misplaced: [String: String] = {
        var reasons: [String: String] = [:]
        for key in LayerSpec.keys { reasons[key] = "it belongs in a layer, under 'layers'" }
        for key in ["learning-rate", "momentum", "weight-decay", "beta1", "beta2", "epsilon"] {
            reasons[key] = "it belongs under 'optimizer'"
        }
        for key in ["seed", "scheme", "decimals"] { reasons[key] = "it belongs under 'init'" }
        return reasons
    }()

    static func decode(_ root: YAMLNode?, path: String?) throws -> Scenario {
        guard let root else {
            throw ScenarioError("the file is empty; a scenario needs at least 'input', 'target', 'layers' and 'loss'",
                                at: .start)
        }
        guard case .mapping = root.content else {
            throw ScenarioError("a scenario must be a mapping of keys (title, input, target, layers, loss, …), "
                                + "found \(root.kindDescription)", at: root.position)
        }
        let fields = try MappingFields(root, owner: "the scenario", known: keys, misplaced: misplaced)
        let title = try fields.optional("title")?.text("'title'") ?? defaultTitle(path)
        let convention = try fields.optional("convention")
            .map { try $0.choice("convention", Convention.self) }
            ?? .wx

        let plan = try fields.optional("data").map { try trainingPlan($0, fields, path: path) }
        let examples: Examples
        if let plan {
            if let key = ["input", "target"].first(where: { fields.keyPosition($0) != nil }) {
                throw ScenarioError("'\(key)' is not allowed with 'data': the samples come from the data", at: fields.keyPosition(key))
            }
            examples = .data(plan)
        } else {
            if let key = trainingKeys.first(where: { fields.keyPosition($0) != nil }) {
                throw ScenarioError("'\(key)' applies only to a scenario with 'data'", at: fields.keyPosition(key))
            }
            let input = try samples(fields.required("input"), "'input'")
            let target = try samples(fields.required("target"), "'target'")
            guard target.shape.rows == input.shape.rows else {
                throw ScenarioError("'target' has \(count(target.shape.rows, "sample")) but 'input' has "
                                    + "\(count(input.shape.rows, "sample")); give one target row per input row",
                                    at: target.position)
            }
            examples = .given(input: input, target: target)
        }

        let layersNode = try fields.required("layers")
        let specs = try layers(layersNode, inputs: examples.inputs)
        let lossNode = try fields.required("loss")
        let loss = try lossNode.choice("loss", Loss.self, synonyms: lossSynonyms)
        try checkActivations(specs, loss: loss, at: lossNode.position)
        switch examples {
        case .given(_, let target): try checkTarget(target, loss: loss, outputs: specs[specs.count - 1])
        case .data(let plan): try checkOutputs(plan, loss: loss, outputs: specs[specs.count - 1], at: layersNode.position)
        }
        let reduction = try fields.optional("reduction")
            .map { try $0.choice("reduction", Reduction.self) }
            ?? .mean
        let optimizer = try optimizer(fields.optional("optimizer"))

        let network = Network(inputs: examples.inputs, layers: specs.map(\.layer), convention: convention,
                              loss: loss, reduction: reduction, optimizer: optimizer)
        for spec in specs { try spec.checkWeights(in: network) }
        let initNode = try fields.optional("init")
        let initializer = try initNode.map(initializer)
        if let missing = specs.first(where: { $0.weights == nil }), initializer == nil {
            throw ScenarioError("layer \(missing.number) has no 'weights', and the scenario has no 'init' to draw them "
                                + "from; give the weights, or add e.g. 'init: {seed: 1, scheme: xavier, decimals: 2}'",
                                at: missing.position)
        }
        let drawn = specs.contains { $0.weights == nil } ? initializer : nil
        let parameters = self.parameters(specs, network: network, initializer: drawn)

        var scenario = Scenario(title: title, path: path, network: network, parameters: parameters,
                                batch: examples.firstBatch, initializer: drawn, training: plan)
        if let answers = try fields.optional("answers") {
            scenario.answers = try AnswersDecoder.decode(answers, for: scenario)
        }
        return scenario
    }

    /// The samples of a scenario: written in the file, or drawn from its data.
    private enum Examples {
        case given(input: NumberGrid, target: NumberGrid)
        case data(TrainingPlan)

        var inputs: Int {
            switch self {
            case .given(let input, _): input.shape.columns
            case .data(let plan): plan.train.features.count
            }
        }

        /// What a single pass (`open`, `explain`) works on: the file's samples, or the first mini-batch.
        var firstBatch: Batch {
            switch self {
            case .given(let input, let target): Batch(input: input.matrix, target: target.matrix)
            case .data(let plan): plan.batch(0, of: plan.order(epoch: 1))
            }
        }
    }

    private static func checkOutputs(_ plan: TrainingPlan, loss: Loss, outputs output: LayerSpec, at position: Position) throws {
        let columns = plan.train.targets.columns
        guard output.units != columns else { return }
        let what = plan.train.classes.map { "\(count($0.count, "class", plural: "classes")) (\($0.joined(separator: ", "))), one output each" }
            ?? "a single number to predict"
        throw ScenarioError("the output layer (layer \(output.number)) has \(count(output.units, "unit")), but the data has \(what)",
                            at: output.position)
    }

    private static let lossSynonyms = [
        "ce": "cross-entropy", "crossentropy": "cross-entropy", "categorical-cross-entropy": "cross-entropy",
        "nll": "cross-entropy", "bce": "binary-cross-entropy", "mean-squared-error": "mse",
        "squared-error": "sse", "sum-of-squares": "sse",
    ]

    /// The file's name without directory, extension and numeric order prefix.
    private static func defaultTitle(_ path: String?) -> String {
        guard let path else { return "Untitled scenario" }
        return Exercises.exerciseName(fileName: String(path.split(separator: "/").last ?? Substring(path)))
    }

    private static func samples(_ node: YAMLNode, _ what: String) throws -> NumberGrid {
        let grid = try NumberGrid(node, what)
        guard grid.shape.rows <= ScenarioLimits.samples else {
            throw ScenarioError("\(what) has \(count(grid.shape.rows, "sample")); stepgrad allows at most "
                                + "\(ScenarioLimits.samples.grouped)", at: grid.rowPositions[ScenarioLimits.samples])
        }
        guard grid.shape.columns <= ScenarioLimits.units else {
            throw ScenarioError("\(what) has \(grid.shape.columns.grouped) values per sample; stepgrad allows at most "
                                + "\(ScenarioLimits.units.grouped)", at: grid.position)
        }
        return grid
    }

    private static func layers(_ node: YAMLNode, inputs: Int) throws -> [LayerSpec] {
        let items = try node.sequence("'layers'")
        guard !items.isEmpty else {
            throw ScenarioError("'layers' is empty; a network needs at least one layer", at: node.position)
        }
        guard items.count <= ScenarioLimits.layers else {
            throw ScenarioError("the network has \(items.count) layers; stepgrad allows at most \(ScenarioLimits.layers)",
                                at: items[ScenarioLimits.layers].position)
        }
        let specs = try items.enumerated().map { try LayerSpec($1, number: $0 + 1) }
        var total = 0, fanIn = inputs
        for spec in specs {
            total += fanIn * spec.units + (spec.hasBias ? spec.units : 0)
            fanIn = spec.units
        }
        guard total <= ScenarioLimits.parameters else {
            throw ScenarioError("the network has \(total.grouped) weights and biases; stepgrad allows at most "
                                + "\(ScenarioLimits.parameters.grouped)", at: node.position)
        }
        return specs
    }

    private static func checkActivations(_ specs: [LayerSpec], loss: Loss, at lossPosition: Position) throws {
        let output = specs[specs.count - 1]
        if let hidden = specs.dropLast().first(where: { $0.activation == .softmax }) {
            throw ScenarioError("softmax is allowed only in the output layer, but layer \(hidden.number) is hidden "
                                + "(the output is layer \(output.number)); use relu, tanh or sigmoid there",
                                at: hidden.activationPosition)
        }
        if output.activation == .softmax, output.units == 1 {
            throw ScenarioError("softmax over a single unit is always 1 and cannot learn; for one output "
                                + "use sigmoid with binary-cross-entropy", at: output.activationPosition)
        }
        if let required = loss.requiredActivation, output.activation != required {
            let advice = loss == .crossEntropy
                ? "give the output layer 'activation: softmax', or for one sigmoid output use binary-cross-entropy"
                : "give the output layer 'activation: sigmoid', or for softmax outputs use cross-entropy"
            throw ScenarioError("\(loss.rawValue) needs a \(required.name) output, but the output layer "
                                + "(layer \(output.number)) uses \(output.activation.name); \(advice)", at: lossPosition)
        }
    }

    private static func checkTarget(_ target: NumberGrid, loss: Loss, outputs output: LayerSpec) throws {
        guard target.shape.columns == output.units else {
            throw ScenarioError("'target' has \(count(target.shape.columns, "value")) per sample, but the output layer "
                                + "(layer \(output.number)) has \(count(output.units, "unit"))", at: target.position)
        }
        let valid: (Double) -> Bool, rule: String
        switch loss {
        case .crossEntropy: (valid, rule) = ({ $0 >= 0 }, "cross-entropy needs targets of at least 0")
        case .binaryCrossEntropy: (valid, rule) = ({ $0 >= 0 && $0 <= 1 }, "binary-cross-entropy needs targets from 0 to 1")
        default: return
        }
        for (r, row) in target.rows.enumerated() {
            if let j = row.firstIndex(where: { !valid($0.value) }) {
                throw ScenarioError("\(rule), but 'target' row \(r + 1) has \(row[j].text) at position \(j + 1)",
                                    at: target.rowPositions[r])
            }
        }
    }

    private static func parameters(_ specs: [LayerSpec], network: Network, initializer: Initializer?) -> Parameters {
        var parameters = initializer?.parameters(for: network)
            ?? Parameters(weights: specs.map { _ in Matrix(rows: 0, columns: 0) }, biases: specs.map { _ in nil })
        for (i, spec) in specs.enumerated() {
            if let weights = spec.weights { parameters.weights[i] = weights.matrix }
            switch spec.bias {
            case .none: parameters.biases[i] = nil
            case .zeros: parameters.biases[i] = Matrix(rows: 1, columns: spec.units)
            case .values(let grid): parameters.biases[i] = grid.matrix
            }
        }
        return parameters
    }

    /// "1 sample", "3 samples".
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n.grouped) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
