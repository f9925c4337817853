import StepgradEngine
import StepgradNotation
import TerminalUI

/// The whole iteration as a list of its operations under their phases, those done ticked and
/// the current one pointed at, so that a student sees where the step stands in the computation.
/// Shown beside the formula when the screen has room.
@MainActor
struct OutlineView {
    let context: ViewContext
    let iteration: Int

    /// Lines the outline needs, borders included.
    var wantedHeight: Int {
        let operations = context.scene.trace.operations
        return operations.count + Set(operations.map(\.phase)).count + 2
    }

    /// Draws the outline; when it is taller than the panel, the part around the current operation.
    func draw(in rect: Rect, into grid: inout Grid) {
        let look = context.look, scene = context.scene
        let inner = context.frame(rect, title: "Iteration \(iteration)", panel: nil, into: &grid).inset(left: 1, right: 1)
        guard inner.height > 0 else { return }
        var lines: [StyledLine] = []
        var currentLine = 0
        var phase: Phase?
        let cursor = scene.cursor
        for (i, op) in scene.trace.operations.enumerated() {
            if op.phase != phase {
                phase = op.phase
                lines.append(StyledLine(text: op.phase.title, role: .title))
            }
            let done = !cursor.isStart && (i < cursor.operation || i == cursor.operation && cursor.revealed == op.elementCount)
            let current = !cursor.isStart && i == cursor.operation
            let mark: String = current ? String(look.glyphs.base.pointer) : done ? String(look.glyphs.done) : " "
            var text = mark + " " + look.text(op.formula.unicode)
            if current && !done { text += "  \(cursor.revealed)/\(op.elementCount)" }
            if current { currentLine = lines.count }
            lines.append(StyledLine(text: text, role: current ? .accent : done ? .dim : .text))
        }
        let first = max(min(currentLine - inner.height / 2, lines.count - inner.height), 0)
        for (y, line) in zip(inner.y..<inner.maxY, lines[first...]) {
            grid.write(line.text, x: inner.x, y: y, style: look[line.role], clip: inner, ellipsis: look.glyphs.base.ellipsis)
        }
    }
}
