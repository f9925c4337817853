import StepgradEngine
import StepgradNotation

/// The solution for programs. Per-sample quantities (x, y, z, a, dz, da) are arrays of rows, one
/// per sample, even for a single sample; parameters and their gradients keep the scenario's layout,
/// with a bias as a flat list. Values are at full precision; only the expansions are rounded.
struct JSONWriter {
    var style: NumberStyle

    func write(_ solution: Solution) -> String {
        let iterations = solution.passes.map { pass -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("iteration", .integer(pass.number)),
                ("loss", .value(pass.iteration.loss)),
                ("values", .object(pass.iteration.trace.values.sorted { $0.key < $1.key }.map { ($0.key.name, value($0.key, $0.value)) })),
                ("trace", .array(pass.iteration.trace.operations.map(operation))),
            ]
            if let check = pass.gradientCheck {
                members.append(("gradientCheck", .array(check.map { result in
                    .object([("parameter", .string(result.parameter)), ("maxRelativeError", .value(result.maxRelativeError))])
                })))
            }
            return .object(members)
        }
        let document = JSONValue.object([
            ("title", .string(solution.scenario.title)),
            ("convention", .string(solution.scenario.network.convention.rawValue)),
            ("iterations", .array(iterations)),
        ])
        return document.serialized() + "\n"
    }

    private func value(_ q: Quantity, _ m: Matrix) -> JSONValue {
        if q == .loss, m.count == 1 { return .value(m.elements[0]) }
        if q.isBiasLike { return .array(m.elements.map(JSONValue.value)) }
        return .array(m.rowList.map { .array($0.map(JSONValue.value)) })
    }

    private func operation(_ op: Operation) -> JSONValue {
        let formula = op.formula
        let L = op.context.outputLayer, B = op.context.batch
        return .object([
            ("phase", .string(op.phase.rawValue)),
            ("layer", op.layer.map(JSONValue.integer) ?? .null),
            ("quantity", .string(op.quantity.name)),
            ("formula", .object([("unicode", .string(formula.unicode)), ("latex", .string(formula.latex))])),
            ("operands", .array(op.operands.map { .string($0.quantity.name) })),
            ("notes", .array(op.notes.map(JSONValue.string))),
            ("elements", .array(op.elements.map { element in
                .object([
                    ("cell", .object([("row", .integer(element.cell.row)), ("column", .integer(element.cell.column))])),
                    ("value", .value(element.value)),
                    ("expansion", .object([
                        ("unicode", .string(element.equation(.unicode, style: style, outputLayer: L, batch: B))),
                        ("latex", .string(element.equation(.latex, style: style, outputLayer: L, batch: B))),
                    ])),
                ])
            })),
        ])
    }
}
