import StepgradEngine

/// The `optimizer:` and `init:` sections.
extension ScenarioDecoder {
    private static let sgdKeys = ["name", "learning-rate", "momentum", "weight-decay"]
    private static let adamKeys = ["name", "learning-rate", "beta1", "beta2", "epsilon", "weight-decay"]

    /// `optimizer: sgd`, or a mapping with `name` (default sgd) and that optimizer's settings.
    static func optimizer(_ node: YAMLNode?) throws -> Optimizer {
        guard let node else { return .sgd(.init()) }
        if case .scalar = node.content {
            return try optimizer(named: node.choice("optimizer", among: ["sgd", "adam"]), settings: nil)
        }
        let entries = try node.mappingEntries("'optimizer'")
        let name = try entries.first { $0.key == "name" }.map { entry -> String in
            guard !entry.value.isNull else {
                throw ScenarioError("'name' in 'optimizer' has no value", at: entry.keyPosition)
            }
            return try entry.value.choice("optimizer", among: ["sgd", "adam"])
        } ?? "sgd"
        return try optimizer(named: name, settings: node)
    }

    private static func optimizer(named name: String, settings node: YAMLNode?) throws -> Optimizer {
        let isAdam = name == "adam"
        let fields = try node.map {
            try MappingFields($0, owner: "'optimizer' (\(name))", known: isAdam ? adamKeys : sgdKeys,
                              misplaced: isAdam
                                ? ["momentum": "momentum is an sgd setting; adam's are beta1, beta2 and epsilon"]
                                : ["beta1": "it is an adam setting", "beta2": "it is an adam setting",
                                   "epsilon": "it is an adam setting"])
        }
        func value(_ key: String, default fallback: Double, _ valid: (Double) -> Bool, _ rule: String) throws -> Double {
            guard let node = try fields?.optional(key) else { return fallback }
            let v = try node.number("'\(key)'").value
            guard valid(v) else { throw ScenarioError("'\(key)' must be \(rule), found \(node.scalarText)", at: node.position) }
            return v
        }
        let positive: (Double) -> Bool = { $0 > 0 }, nonNegative: (Double) -> Bool = { $0 >= 0 }
        let fraction: (Double) -> Bool = { $0 >= 0 && $0 < 1 }
        if isAdam {
            let d = Optimizer.Adam()
            return .adam(.init(learningRate: try value("learning-rate", default: d.learningRate, positive, "greater than 0"),
                               beta1: try value("beta1", default: d.beta1, fraction, "at least 0 and less than 1"),
                               beta2: try value("beta2", default: d.beta2, fraction, "at least 0 and less than 1"),
                               epsilon: try value("epsilon", default: d.epsilon, positive, "greater than 0"),
                               weightDecay: try value("weight-decay", default: d.weightDecay, nonNegative, "at least 0")))
        }
        let d = Optimizer.SGD()
        return .sgd(.init(learningRate: try value("learning-rate", default: d.learningRate, positive, "greater than 0"),
                          momentum: try value("momentum", default: d.momentum, fraction, "at least 0 and less than 1"),
                          weightDecay: try value("weight-decay", default: d.weightDecay, nonNegative, "at least 0")))
    }

    /// `init: {seed, scheme, decimals}`.
    static func initializer(_ node: YAMLNode) throws -> Initializer {
        let fields = try MappingFields(node, owner: "'init'", known: ["seed", "scheme", "decimals"])
        let seed = try seedValue(fields.required("seed"), "'seed' in 'init'")
        let scheme = try fields.optional("scheme").map {
            try $0.choice("scheme", Initializer.Scheme.self, synonyms: ["glorot": "xavier", "kaiming": "he"])
        } ?? .xavier
        let decimals = try fields.optional("decimals")?.integer("'decimals' in 'init'", in: ScenarioLimits.initDecimals)
        return Initializer(seed: seed, scheme: scheme, decimals: decimals)
    }
}
