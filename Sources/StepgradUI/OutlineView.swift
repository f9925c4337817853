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

    func draw(in rect: Rect, into grid: inout Grid) {
        let look = context.look, scene = context.scene
        let inner = context.frame(rect, title: "Iteration \(iteration)", panel: nil, into: &grid).inset(left: 1, right: 1)
        var y = inner.y
        var phase: Phase?
        let cursor = scene.cursor
        for (i, op) in scene.trace.operations.enumerated() where y < inner.maxY {
            if op.phase != phase {
                phase = op.phase
                grid.write(op.phase.title, x: inner.x, y: y, style: look[.title], clip: inner)
                y += 1
                guard y < inner.maxY else { break }
            }
            let done = !cursor.isStart && (i < cursor.operation || i == cursor.operation && cursor.revealed == op.elementCount)
            let current = !cursor.isStart && i == cursor.operation
            let mark: String = current ? String(look.glyphs.base.pointer) : done ? String(look.glyphs.done) : " "
            var text = mark + " " + look.text(op.formula.unicode)
            if current && !done { text += "  \(cursor.revealed)/\(op.elementCount)" }
            let role: Role = current ? .accent : done ? .dim : .text
            grid.write(text, x: inner.x, y: y, style: look[role], clip: inner, ellipsis: look.glyphs.base.ellipsis)
            y += 1
        }
    }
}
