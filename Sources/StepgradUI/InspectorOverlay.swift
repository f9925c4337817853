import StepgradEngine
import StepgradNotation
import StepgradSession
import TerminalUI

/// The selected cell in full: its value (once computed), the formula of its operation, the whole
/// arithmetic that produced it, and its values in the iterations before (data never changes, so
/// x and y have none).
@MainActor
struct InspectorOverlay {
    let context: ViewContext
    let inspection: Inspection
    let history: [IterationValue]

    /// `z₂[1]`, `W₂[1,2]`, `L`: one index for a vector of one sample or a bias, two otherwise, row
    /// and column as drawn (`z₁[j,s]`, unit j of sample s, in a batch), as the formula panel writes them.
    static func label(_ reference: CellReference, scene: Scene) -> String {
        let q = reference.quantity, cell = reference.cell
        let name = q.symbol(outputLayer: scene.outputLayer)
        if q == .loss { return name }
        let vector = (q.isPerSample && scene.batch == 1) || Equation.isVectorLike(q) && !q.isPerSample
        if vector { return "\(name)[\(cell.column)]" }
        return q.isPerSample ? "\(name)[\(cell.column),\(cell.row)]" : "\(name)[\(cell.row),\(cell.column)]"
    }

    private func kind(_ q: Quantity) -> String {
        switch q.kind {
        case .x: "input, given"
        case .y: "target, given"
        case .W, .b: "parameter, as this iteration starts"
        case _ where q.isPrevious: "optimizer state, carried in from the previous iteration"
        default: "computed in the \(context.scene.trace.operation(producing: q)?.phase.rawValue ?? "") phase"
        }
    }

    func lines(width: Int) -> [StyledLine] {
        let look = context.look
        let q = inspection.reference.quantity
        var lines = [StyledLine(text: look.text(kind(q)), role: .dim)]
        if let value = inspection.value {
            lines.append(StyledLine(text: "value       " + look.format(value), role: .accent))
        } else {
            lines.append(StyledLine(text: "value       not computed yet at the cursor: step on to see it", role: .warning))
        }
        if let formula = inspection.formula {
            lines.append(StyledLine(text: look.text("formula     " + formula.unicode), role: .text))
        }
        if let equation = inspection.equation(.unicode, style: look.numberStyle) {
            let wrapped = TextFit.wrap(look.text(equation), width: max(width - 12, 10))
            for (i, line) in wrapped.enumerated() {
                lines.append(StyledLine(text: (i == 0 ? "arithmetic  " : "            ") + line, role: .text))
            }
        }
        lines += chainRuleLines()
        lines += answerLines(width: width)
        if q.kind == .x || q.kind == .y { return lines }
        if history.count > 1 {
            let spark = Sparkline.bars(history.map(\.value), width: min(history.count, 24), glyphs: look.glyphs)
            lines.append(StyledLine(text: "history     " + spark, role: .text))
            let recent = history.suffix(8).map { "it. \($0.iteration): " + look.format($0.value) }
            for line in TextFit.pack(recent, width: max(width - 12, 10), separator: "  ") {
                lines.append(StyledLine(text: "            " + line, role: .dim))
            }
        } else {
            lines.append(StyledLine(text: "history     none before this iteration", role: .dim))
        }
        return lines
    }

    /// How the student's answer for this cell was judged, once the cell is known (before, the
    /// verdict would give the value away), and the mistake the checker found behind a wrong quantity.
    private func answerLines(width: Int) -> [StyledLine] {
        guard let answers = context.answers, let result = answers.result(inspection.reference.quantity) else { return [] }
        let look = context.look, indent = String(repeating: " ", count: 12)
        guard let element = answers.element(inspection.reference) else {
            return [StyledLine(text: "yours       not written", role: .dim)]
        }
        let written = look.format(element.written)
        guard inspection.value != nil else {
            return [StyledLine(text: "yours       \(written), judged once the cursor gets here", role: .dim)]
        }
        var lines: [StyledLine]
        switch element.verdict {
        case .correct, .missing:
            lines = [StyledLine(text: "yours       \(written): right to the \(element.decimals) decimals written", role: .success)]
        case .carriedForward:
            lines = [StyledLine(text: "yours       \(written): carried forward, right from your own earlier answers", role: .warning)]
            if let own = element.carriedForward {
                let equation = own.equation(.unicode, style: look.numberStyle, outputLayer: answers.report.context.outputLayer,
                                            batch: answers.report.context.batch)
                lines += TextFit.wrap(look.text(equation), width: max(width - 12, 10)).map { StyledLine(text: indent + $0, role: .dim) }
            }
        case .wrong:
            let allowance = NumberStyle(decimals: max(element.decimals + 1, 1)).format(element.allowance)
            lines = [StyledLine(text: look.text("yours       \(written): wrong, the value is \(look.format(element.expected)) (± \(allowance) accepted)"),
                                role: .error)]
        }
        if result.verdict == .wrong {
            for finding in result.findings {
                let why = finding.explanation(of: result.quantity, context: answers.report.context, style: look.numberStyle)
                for (i, line) in TextFit.wrap(look.text(why), width: max(width - 12, 10)).enumerated() {
                    lines.append(StyledLine(text: (i == 0 ? "why         " : indent) + line, role: .warning))
                }
            }
        }
        return lines
    }

    /// Across the bottom of `area`, so the panels above stay in view with the cell marked.
    func draw(in area: Rect, into grid: inout Grid) {
        let width = min(area.width - 2, 100)
        let lines = self.lines(width: width - 4)
        let height = min(lines.count + 2, area.height)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.maxY - height, width: width, height: height)
        let title = Self.label(inspection.reference, scene: context.scene) + " · Esc closes"
        let inner = context.dialog(rect, title: title, into: &grid)
        for (i, line) in lines.enumerated() where i < inner.height {
            grid.write(line.text, x: inner.x, y: inner.y + i, style: context.look[line.role], clip: inner,
                       ellipsis: context.look.glyphs.base.ellipsis)
        }
    }
}
