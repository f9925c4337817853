import StepgradEngine
import StepgradHomework
import StepgradNotation
import TerminalUI

/// The quiz's boxes: a student's question (the formula of the element about to be computed, its
/// arithmetic with the result hidden, and the answer typed), and the lecturer's histogram.
@MainActor
struct QuizOverlay {
    let context: ViewContext

    /// The question's box sits at the bottom of the panels, so the operands above stay in view.
    private func box(height: Int, in area: Rect) -> Rect {
        let width = min(area.width - 2, 100)
        let h = min(height, area.height)
        return Rect(x: area.x + (area.width - width) / 2, y: area.maxY - h, width: width, height: h)
    }

    func drawPrompt(_ prompt: QuizPrompt, operation: Operation, in area: Rect, into grid: inout Grid) {
        let look = context.look
        let label = look.text(InspectorOverlay.label(prompt.question, scene: context.scene))
        let score = prompt.asked > 0 ? " · score \(prompt.right) of \(prompt.asked)" : ""
        let inner = context.dialog(box(height: 8, in: area), title: "Predict the value" + score, into: &grid)
        let element = operation.element(at: prompt.question.cell)
        let lines = [look.text(operation.formula.unicode), Self.hiddenEquation(element, look: look, scene: context.scene)]
        var y = inner.y
        for line in lines where y < inner.maxY {
            grid.write(line, x: inner.x, y: y, style: look[.text], clip: inner, ellipsis: look.glyphs.base.ellipsis)
            y += 1
        }
        y += 1
        guard y < inner.maxY else { return }
        if let answer = prompt.answer {
            let x = grid.write("\(label) = \(answer.typed)  ", x: inner.x, y: y, style: look[.accent], clip: inner)
            let role: Role = answer.mark.earnsMark ? .success : .error
            grid.write(Self.verdict(answer.mark), x: x, y: y, style: look[role], clip: inner, ellipsis: look.glyphs.base.ellipsis)
        } else {
            let x = grid.write("\(label) = ", x: inner.x, y: y, style: look[.text], clip: inner)
            let end = grid.write(prompt.typed, x: x, y: y, style: look[.accent], clip: inner)
            grid.write(" ", x: end, y: y, style: look[.highlight], clip: inner)
        }
        if y + 1 < inner.maxY {
            let hint = prompt.answer == nil ? "type the value · Enter answers" : "waiting for the value to be revealed"
            grid.write(hint, x: inner.x, y: y + 1, style: look[.dim], clip: inner)
        }
    }

    /// What a mark tells the student, in a few words.
    static func verdict(_ mark: QuizMark) -> String {
        switch mark {
        case .correct: "correct"
        case .rounded: "correct, within the rounding of the steps"
        case .carriedForward: "carried forward: right from your earlier answers"
        case .wrong(nil): "wrong"
        case .wrong(let diagnosis?): "wrong: " + diagnosis.shortName
        }
    }

    /// `z₁[0] = 0.1·1.2 + … = ?`: the element's arithmetic without its result.
    static func hiddenEquation(_ element: Element, look: Look, scene: Scene) -> String {
        let full = element.equation(.unicode, style: look.numberStyle, outputLayer: scene.outputLayer, batch: scene.batch)
        let value = " = " + Expression.number(element.value).rendered(.unicode, style: look.numberStyle)
        let shown = full.hasSuffix(value) ? String(full.dropLast(value.count)) : full
        return look.text(shown + " = ?")
    }

    func drawTally(_ tally: QuizTally, question: CellReference, following: Int, in area: Rect, into grid: inout Grid) {
        let look = context.look
        let bars = tally.bars
        let label = look.text(InspectorOverlay.label(question, scene: context.scene))
        let inner = context.dialog(box(height: max(bars.count, 1) + 5, in: area),
                                   title: "Quiz: \(label) · \(tally.total) of \(following) answered", into: &grid)
        guard !bars.isEmpty else {
            grid.write("No answers yet.", x: inner.x, y: inner.y, style: look[.dim], clip: inner)
            grid.write("a reveals the value", x: inner.x, y: inner.maxY - 1, style: look[.dim], clip: inner)
            return
        }
        let names = bars.map { look.text($0.category) }
        let nameWidth = names.map(\.count).max() ?? 0
        let countWidth = String(tally.total).count
        let room = max(inner.width - nameWidth - countWidth - 3, 1)
        for (i, bar) in bars.enumerated() where inner.y + i < inner.maxY - 1 {
            let y = inner.y + i
            let role: Role = bar.category.hasPrefix("wrong") ? .error : .success
            grid.write(names[i], x: inner.x, y: y, style: look[.text], clip: inner)
            let count = String(bar.count)
            grid.write(String(repeating: " ", count: countWidth - count.count) + count, x: inner.x + nameWidth + 1, y: y,
                       style: look[.accent], clip: inner)
            let length = max(1, bar.count * room / max(tally.total, 1))
            grid.write(String(repeating: look.glyphs.progressFull, count: length), x: inner.x + nameWidth + countWidth + 2,
                       y: y, style: look[role], clip: inner)
        }
        grid.write("a reveals the value", x: inner.x, y: inner.maxY - 1, style: look[.dim], clip: inner)
    }
}
