import Foundation
import StepgradData
import StepgradEngine

extension Scenario {
    /// The scenario as a file that loads back to the same network, weights and data: every number is
    /// written in Swift's shortest form that reads back to the same double.
    public var yaml: String {
        func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
        func row(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
        func rows(_ m: Matrix, indent: String) -> [String] { m.rowList.map { "\(indent)- \(row($0))" } }
        func list(_ names: [String]) -> String { "[" + names.map(\.yamlQuoted).joined(separator: ", ") + "]" }

        var lines = ["title: \(title.yamlQuoted)", "convention: \(network.convention.rawValue)"]
        if let plan = training {
            var data: [String]
            switch plan.source {
            case .generated(let kind, let samples, let noise):
                data = ["dataset: \(kind.rawValue)", "samples: \(samples)", "noise: \(number(noise))"]
            case .csv(let path, let columns):
                // Absolute: the written file may go to another directory than the one the path was
                // relative to (`train --save elsewhere/`, `w` in the training view).
                data = ["csv: \(URL(fileURLWithPath: path).standardizedFileURL.path.yamlQuoted)"]
                if let features = columns.features { data.append("features: \(list(features))") }
                switch columns.label {
                case .classes(let column, let classes):
                    data.append("label: \(column.yamlQuoted)")
                    if let classes { data.append("classes: \(list(classes))") }
                case .number(let column):
                    data.append("target: \(column.yamlQuoted)")
                }
            }
            data += ["seed: \(plan.seed)", "test-fraction: \(number(plan.testFraction))", "standardize: \(plan.standardize)"]
            lines.append("data: {" + data.joined(separator: ", ") + "}")
            lines.append("batch-size: \(plan.batchSize)")
            lines.append("epochs: \(plan.epochs)")
            lines.append("shuffle: " + (plan.shuffleSeed.map { "{seed: \($0)}" } ?? "false"))
        } else {
            lines.append("input:")
            lines += rows(batch.input, indent: "  ")
            lines.append("target:")
            lines += rows(batch.target, indent: "  ")
        }
        lines.append("layers:")
        for l in 1...network.depth {
            let layer = network.layer(l)
            lines.append("  - units: \(layer.units)")
            lines.append("    activation: \(layer.activation.name)")
            if case .leakyRelu(let slope) = layer.activation { lines.append("    negative-slope: \(number(slope))") }
            if !layer.frozen.isEmpty {
                lines.append("    frozen: [" + Layer.Part.allCases.filter(layer.frozen.contains).map(\.rawValue).joined(separator: ", ") + "]")
            }
            lines.append("    bias: " + (parameters.bias(l).map { row($0.row(0)) } ?? "false"))
            lines.append("    weights:")
            lines += rows(parameters.weights(l), indent: "      ")
        }
        lines.append("loss: \(network.loss.rawValue)")
        lines.append("reduction: \(network.reduction.rawValue)")
        switch network.optimizer {
        case .sgd(let s):
            lines.append("optimizer: {name: sgd, learning-rate: \(number(s.learningRate)), momentum: \(number(s.momentum)), "
                         + "weight-decay: \(number(s.weightDecay))}")
        case .adam(let a):
            lines.append("optimizer: {name: adam, learning-rate: \(number(a.learningRate)), beta1: \(number(a.beta1)), "
                         + "beta2: \(number(a.beta2)), epsilon: \(number(a.epsilon)), weight-decay: \(number(a.weightDecay))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
