import StepgradEngine
import StepgradNotation
import StepgradScenario

/// What a reader needs to know before the first number: architecture, loss, optimizer, layout.
/// Written once in Unicode; the LaTeX writer converts it with `latexText`.
struct ScenarioSummary {
    var facts: [(label: String, value: String)]
    /// Vectors are drawn as columns whatever the convention, so that every product is literal.
    var layoutNote: String

    init(_ scenario: Scenario) {
        let network = scenario.network
        let layers = network.layers.map { layer in
            var slope = ""
            if case .leakyRelu(let s) = layer.activation { slope = " (slope \(NumberStyle.exact.format(s)))" }
            return "\(layer.units) \(layer.activation.name)" + slope + (layer.hasBias ? "" : " (no bias)")
        }
        let samples = scenario.batch.size == 1 ? "1 sample" : "\(scenario.batch.size) samples"
        let reduction = network.reduction == .mean ? "mean over \(samples)" : "sum over \(samples)"
        let layout = network.convention == .wx
            ? "Wx: W is units × inputs, z = W·x + b"
            : "WTx: W is inputs × units, z = Wᵀ·x + b"
        let frozen = (1...max(network.depth, 1)).flatMap { l in
            network.layers.indices.contains(l - 1)
                ? Layer.Part.allCases.filter { network.layer(l).frozen.contains($0) }
                    .map { ($0 == .weights ? Quantity.W(l) : Quantity.b(l)).symbol() }
                : []
        }
        facts = [
            ("Network", (["\(network.inputs) inputs"] + layers).joined(separator: " → ")),
            ("Loss", "\(network.loss.rawValue), \(reduction)"),
            ("Optimizer", Self.describe(network.optimizer)),
            ("Weights", layout),
        ] + (frozen.isEmpty ? [] : [("Frozen", frozen.joined(separator: ", ") + " (never updated)")])
        layoutNote = scenario.batch.size == 1
            ? "Vectors are written as columns."
            : "Vectors are written as columns, one column per sample; z[j,s] is unit j of sample s."
    }

    static func describe(_ optimizer: Optimizer) -> String {
        func n(_ v: Double) -> String { NumberStyle.exact.format(v) }
        switch optimizer {
        case .sgd(let s):
            return "SGD, η = \(n(s.learningRate))"
                + (s.momentum != 0 ? ", momentum μ = \(n(s.momentum))" : "")
                + (s.weightDecay != 0 ? ", weight decay λ = \(n(s.weightDecay))" : "")
        case .adam(let a):
            return "Adam, η = \(n(a.learningRate)), β₁ = \(n(a.beta1)), β₂ = \(n(a.beta2)), ε = \(n(a.epsilon))"
                + (a.weightDecay != 0 ? ", weight decay λ = \(n(a.weightDecay))" : "")
        }
    }
}
