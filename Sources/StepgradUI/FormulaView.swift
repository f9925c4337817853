import StepgradEngine
import StepgradNotation
import StepgradSession
import TerminalUI

/// The current step in symbols and in numbers: the formula of its operation, then the arithmetic
/// of its elements with the numbers substituted (`z₂[1] = (−0.2)·1.2 + 0.3·0 + … = −0.495`) — the
/// element's whole sum, wrapped, when stepping element by element, else one line per element for
/// as many as fit — and the operation's notes, which are never crowded out.
///
/// Only the elements shown are expanded: an operation of a large layer has thousands.
@MainActor
struct FormulaView {
    let scene: Scene
    let look: Look
    let iteration: Int
    /// Equations already written out for this iteration, shared between frames.
    let equations: EquationTexts

    /// The lines the panel would like, borders included: all of an element's sum, or up to a dozen elements.
    func wantedHeight(width: Int) -> Int {
        guard let activity = scene.activity else { return 4 }
        let operations = activity.operations.map { scene.trace.operations[$0] }
        let elements: Int
        if activity.isSingleElement, let op = operations.last, let cell = scene.step?.changed.last?.cell {
            elements = TextFit.wrap(equation(op, cell), width: width).count
        } else {
            elements = activity.operations.count == 1 ? activity.endElement - activity.firstElement : activity.endElement
        }
        return height(operations, elements: elements, width: width)
    }

    /// The most any step of the iteration would like at `granularity`, so that the panels keep
    /// their size from step to step. Element by element, each operation's first element stands for
    /// all of its elements (they are sums of as many terms): expanding them all would cost more than a frame.
    func steadyHeight(width: Int, granularity: Granularity) -> Int {
        let operations = scene.trace.operations
        switch granularity {
        case .element:
            return operations.map { op in
                height([op], elements: op.elementCount > 0 ? TextFit.wrap(equation(op, op.cell(at: 0)), width: width).count : 0,
                       width: width)
            }.max() ?? 4
        case .operation:
            return operations.map { height([$0], elements: $0.elementCount, width: width) }.max() ?? 4
        case .phase:
            return Dictionary(grouping: operations, by: \.phase).values.map { ops in
                height(ops, elements: ops.map(\.elementCount).reduce(0, +), width: width)
            }.max() ?? 4
        }
    }

    private func height(_ operations: [Operation], elements: Int, width: Int) -> Int {
        let notes = Set(operations.flatMap(\.notes)).map { TextFit.wrap("Note: " + $0, width: width).count }.reduce(0, +)
        let formulas = min(TextFit.pack(operations.map { look.text($0.formula.unicode) }, width: width).count, 2)
        return formulas + min(elements, 12) + notes + 2
    }

    func lines(width: Int, height: Int) -> [StyledLine] {
        guard width > 0, height > 0 else { return [] }
        let ellipsis = String(look.glyphs.base.ellipsis)
        guard let activity = scene.activity, let step = scene.step else {
            let next = scene.operation.map { [StyledLine(text: look.text("Next: " + $0.formula.unicode), role: .accent)] } ?? []
            return [StyledLine(text: "Start of iteration \(iteration): x, y and the parameters are known.", role: .dim)] + next
        }
        let operations = activity.operations.map { scene.trace.operations[$0] }
        guard let op = operations.last else { return [] }
        let formulas = TextFit.pack(operations.map { look.text($0.formula.unicode) }, width: width)
        var head = formulas.prefix(2).map { StyledLine(text: $0, role: .accent) }
        if formulas.count > 2, let last = head.indices.last {
            head[last].text = TextFit.elide(head[last].text + " " + ellipsis, width: width, ellipsis: ellipsis)
        }
        var notes: [StyledLine] = []
        for note in Set(operations.flatMap(\.notes)).sorted() {
            notes += TextFit.wrap(look.text("Note: " + note), width: width).map { StyledLine(text: $0, role: .warning) }
        }
        notes = Array(notes.prefix(max(height - head.count - 1, 0)))
        let room = max(height - head.count - notes.count, 0)
        let body: [StyledLine]
        if activity.isSingleElement, let cell = step.changed.last?.cell {
            body = TextFit.wrap(equation(op, cell), width: width, maxLines: room, ellipsis: ellipsis)
                .map { StyledLine(text: $0, role: .text) }
        } else {
            let first = activity.operations.count == 1 ? activity.firstElement : 0
            body = elementLines(op, first..<max(activity.endElement, first), width: width, room: room, ellipsis: ellipsis)
        }
        return Array((head + body + notes).prefix(height))
    }

    /// One line per element, shortened in the middle, then how many were left out.
    private func elementLines(_ op: Operation, _ elements: Range<Int>, width: Int, room: Int, ellipsis: String) -> [StyledLine] {
        guard room > 0 else { return [] }
        let shown = elements.count > room ? room - 1 : elements.count
        var lines = elements.prefix(shown).map { i in
            StyledLine(text: TextFit.elide(equation(op, op.cell(at: i)), width: width, ellipsis: ellipsis), role: .text)
        }
        if elements.count > shown {
            let more = "\(ellipsis) \(elements.count - shown) more of \(elements.count) elements (g: element by element)"
            lines.append(StyledLine(text: look.text(more), role: .dim))
        }
        return lines
    }

    /// The element's arithmetic with its numbers, as this frame writes it.
    func equation(_ op: Operation, _ cell: Cell) -> String {
        equations.text(CellReference(op.quantity, cell)) {
            look.text(op.element(at: cell).equation(.unicode, style: look.numberStyle, outputLayer: scene.outputLayer,
                                                    batch: scene.batch))
        }
    }

    /// Draws `lines` in the formula panel.
    static func draw(_ lines: [StyledLine], in rect: Rect, context: ViewContext, into grid: inout Grid) {
        let inner = context.frame(rect, title: "Formula", panel: nil, into: &grid).inset(left: 1, right: 1)
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY {
            grid.write(line.text, x: inner.x, y: inner.y + i, style: context.look[line.role], clip: inner,
                       ellipsis: context.look.glyphs.base.ellipsis)
        }
    }
}
