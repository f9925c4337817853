import StepgradEngine
import StepgradNotation

/// Mazur's view of a weight's gradient: ∂L/∂w written as the chain of derivatives along the
/// weight's path, ∂L/∂a · ∂a/∂z · ∂z/∂w, each factor with its value and where the iteration
/// computed it. For an output layer whose ∂L/∂z is one rule (softmax with cross-entropy), the
/// chain starts there.
extension InspectorOverlay {
    /// Sample lines shown for a batch; the rest are counted.
    static let chainSamples = 4

    func chainRuleLines() -> [StyledLine] {
        let reference = inspection.reference, q = reference.quantity
        guard q.kind == .dW, let l = q.layer, inspection.value != nil else { return [] }
        let scene = context.scene, look = context.look, L = scene.outputLayer
        let unit = reference.cell.row, input = reference.cell.column
        let source: Quantity = l == 1 ? .x : .a(l - 1)
        // ∂a/∂z is a factor of its own where the iteration multiplied da by f′(z) element by element.
        var function: Activation?
        if case .activationGradient(let rule)? = scene.trace.operation(producing: .dz(l))?.rule, rule.function != .softmax {
            function = rule.function
        }
        let batch = scene.batch > 1
        // Per-sample names with the sample left as s in a batch: a₁[s,1].
        func name(_ q: Quantity, _ column: Int) -> String {
            q.symbol(outputLayer: L) + (batch ? "[s,\(column)]" : "[\(column)]")
        }
        let weight = InspectorOverlay.label(CellReference(.W(l), reference.cell), scene: scene)
        let (a, z, x) = (name(.a(l), unit), name(.z(l), unit), name(source, input))
        let sum = batch ? "Σₛ " : ""
        let symbols: String, factors: String
        if let function {
            symbols = "∂L/∂\(weight) = \(sum)∂L/∂\(a) · ∂\(a)/∂\(z) · ∂\(z)/∂\(weight)"
            factors = "= \(sum)d\(a) · \(function.name)′(\(z)) · \(x)"
        } else {
            symbols = "∂L/∂\(weight) = \(sum)∂L/∂\(z) · ∂\(z)/∂\(weight)"
            factors = "= \(sum)d\(z) · \(x)"
        }
        var lines = [StyledLine(text: look.text("chain rule  " + symbols), role: .text),
                     StyledLine(text: look.text("              " + factors), role: .text)]
        let indent = String(repeating: " ", count: 12)
        for s in 0..<min(scene.batch, Self.chainSamples) {
            guard let dz = scene.value(.dz(l), Cell(s, unit)), let xv = scene.value(source, Cell(s, input)) else { continue }
            var parts: [(String, Double, String)] = []
            if let function, let da = scene.value(.da(l), Cell(s, unit)), let zv = scene.value(.z(l), Cell(s, unit)),
               let av = scene.value(.a(l), Cell(s, unit)) {
                let zName = InspectorOverlay.label(CellReference(.z(l), Cell(s, unit)), scene: scene)
                parts = [(InspectorOverlay.label(CellReference(.da(l), Cell(s, unit)), scene: scene), da, where_(.da(l))),
                         ("\(function.name)′(\(zName))", function.derivative(z: zv, a: av),
                          "at \(zName) = \(look.format(zv)), " + where_(.z(l)))]
            } else {
                parts = [(InspectorOverlay.label(CellReference(.dz(l), Cell(s, unit)), scene: scene), dz, where_(.dz(l)))]
            }
            parts.append((InspectorOverlay.label(CellReference(source, Cell(s, input)), scene: scene), xv, where_(source)))
            let product = parts.map { value($0.1) }.joined(separator: "·")
            let head = batch ? "  s = \(s): " : "  = "
            lines.append(StyledLine(text: look.text(indent + head + product + " = " + look.format(parts.map(\.1).reduce(1, *))),
                                    role: .text))
            for (label, v, origin) in parts {
                lines.append(StyledLine(text: look.text(indent + "    " + label + " = " + look.format(v) + "   " + origin), role: .dim))
            }
        }
        if scene.batch > Self.chainSamples {
            let more = scene.batch - Self.chainSamples
            lines.append(StyledLine(text: look.text(indent + "… \(more) more sample\(more == 1 ? "" : "s"); the sum is "
                                                    + look.format(inspection.value ?? .nan)), role: .dim))
        } else if batch {
            lines.append(StyledLine(text: look.text(indent + "sum over the \(scene.batch) samples = " + look.format(inspection.value ?? .nan)),
                                    role: .text))
        }
        return lines
    }

    /// A factor in brackets when negative, as the arithmetic writes it.
    private func value(_ v: Double) -> String {
        let text = context.look.format(v)
        return v < 0 ? "(" + text + ")" : text
    }

    /// Where the iteration computed `q`: its phase and formula, or that it was given.
    private func where_(_ q: Quantity) -> String {
        guard let op = context.scene.trace.operation(producing: q) else { return "given" }
        return op.phase.rawValue + ": " + op.formula.unicode
    }
}
