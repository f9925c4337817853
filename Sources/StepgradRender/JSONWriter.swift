import StepgradEngine
import StepgradNotation

/// The solution for programs. Per-sample quantities (x, y, z, a, dz, da) are arrays of rows, one
/// per sample, even for a single sample; parameters and their gradients keep the scenario's layout,
/// with a bias as a flat list. Values are at full precision; only the expansions are rounded.
struct JSONWriter {
    var style: NumberStyle
    var extent = Extent()

    /// The document with its iterations written to `out` one at a time, as `JSONValue` would
    /// serialize it whole.
    func write(_ solution: Solution, passes: some Sequence<Solution.Pass>, to out: (String) -> Void) {
        var document: [(String, JSONValue)] = [
            ("title", .string(solution.scenario.title)),
            ("convention", .string(solution.scenario.network.convention.rawValue)),
        ]
        if let first = solution.firstOverflow {
            document.append(("overflow", .object([("iteration", .integer(first.iteration)), ("quantity", .string(first.quantity.name))])))
        }
        let head = JSONValue.object(document).serialized()
        out(String(head.dropLast(2)) + ",\n  \"iterations\": [")
        var separator = "\n"
        passes.forEachInOrder(transformedBy: { pass in
            // One buffer of bytes for the iteration.
            var bytes = Array("    ".utf8)
            iteration(pass).write(to: &bytes, indent: 4)
            return String(decoding: bytes, as: UTF8.self)
        }) { text in
            out(separator)
            out(text)
            separator = ",\n"
        }
        out(separator == "\n" ? "]\n}\n" : "\n  ]\n}\n")
    }

    private func iteration(_ pass: Solution.Pass) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("iteration", .integer(pass.number)),
            ("loss", .value(pass.iteration.loss)),
        ]
        if let q = pass.iteration.firstNonFinite { members.append(("firstNonFinite", .string(q.name))) }
        members += [
            ("values", .object(Self.ordered(pass.iteration.trace.values).map { ($0.key.name, value($0.key, $0.value)) })),
            ("trace", .array(pass.iteration.trace.operations.map(operation))),
        ]
        if let check = pass.gradientCheck {
            members.append(("gradientCheck", .array(check.map { result in
                .object([("parameter", .string(result.parameter)), ("maxRelativeError", .value(result.maxRelativeError))])
            })))
        }
        return .object(members)
    }

    /// In the order of a solution, and by name where that order ties (the buffers of W₁ and b₁), so
    /// that the same input gives the same bytes: a dictionary's own order changes from run to run.
    static func ordered(_ values: [Quantity: Matrix]) -> [(key: Quantity, value: Matrix)] {
        values.sorted { $0.key < $1.key || (!($1.key < $0.key) && $0.key.name < $1.key.name) }
    }

    private func value(_ q: Quantity, _ m: Matrix) -> JSONValue {
        if q == .loss, m.count == 1 { return .value(m.elements[0]) }
        if q.isBiasLike { return .array(m.elements.map(JSONValue.value)) }
        return .array(m.rowList.map { .array($0.map(JSONValue.value)) })
    }

    /// An operation summarised by `extent` lists the elements worked and counts the rest in `elementsOmitted`.
    private func operation(_ op: Operation) -> JSONValue {
        let formula = op.formula
        let lines = op.writtenLines(style: style, extent: extent)
        var members: [(String, JSONValue)] = [
            ("phase", .string(op.phase.rawValue)),
            ("layer", op.layer.map(JSONValue.integer) ?? .null),
            ("quantity", .string(op.quantity.name)),
            ("formula", .object([("unicode", .string(formula.unicode)), ("latex", .string(formula.latex))])),
            ("operands", .array(op.operands.map { .string($0.quantity.name) })),
            ("notes", .array(op.notes(style: style, lines: lines, display: nil).map(JSONValue.string))),
            ("elements", .array(lines.enumerated().map { index, line in
                let cell = op.cell(at: index), equations = line.equations
                return .object([
                    ("cell", .object([("row", .integer(cell.row)), ("column", .integer(cell.column))])),
                    ("value", .value(op.result[cell.row, cell.column])),
                    ("expansion", .object([("unicode", .string(equations.unicode)), ("latex", .string(equations.latex))])),
                    ("addsUp", .bool(line.addsUp)),
                ])
            })),
        ]
        if lines.count < op.elementCount { members.append(("elementsOmitted", .integer(op.elementCount - lines.count))) }
        return .object(members)
    }
}
