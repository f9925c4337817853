import StepgradEngine
import StepgradNotation
import StepgradScenario

/// Writes a drawn exercise as a scenario file, in the format of the bundled exercises.
enum ExerciseFile {
    /// YAML with every number at most `decimals` places, as the student will read it.
    /// Drawn exercises train with plain SGD, so that is the optimizer written.
    static func yaml(_ scenario: Scenario, decimals: Int) -> String {
        let style = NumberStyle(decimals: decimals)
        func number(_ v: Double) -> String { style.format(v, unicodeMinus: false) }
        func row(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
        func sample(_ m: Matrix) -> String { m.rows == 1 ? row(m.row(0)) : "[" + m.rowList.map(row).joined(separator: ", ") + "]" }

        let network = scenario.network
        var lines = [
            "title: \(scenario.title.yamlQuoted)",
            "convention: \(network.convention.rawValue)",
            "input: \(sample(scenario.batch.input))",
            "target: \(sample(scenario.batch.target))",
            "layers:",
        ]
        for l in 1...network.depth {
            let layer = network.layer(l)
            lines.append("  - units: \(layer.units)")
            lines.append("    activation: \(layer.activation.name)")
            if case .leakyRelu(let slope) = layer.activation { lines.append("    negative-slope: \(number(slope))") }
            lines.append("    bias: " + (scenario.parameters.bias(l).map { row($0.row(0)) } ?? "false"))
            lines.append("    weights:")
            for values in scenario.parameters.weights(l).rowList { lines.append("      - \(row(values))") }
        }
        lines.append("loss: \(network.loss.rawValue)")
        lines.append("optimizer:")
        lines.append("  name: sgd")
        lines.append("  learning-rate: \(NumberStyle(decimals: 6).format(network.optimizer.learningRate, unicodeMinus: false))")
        return lines.joined(separator: "\n") + "\n"
    }
}
