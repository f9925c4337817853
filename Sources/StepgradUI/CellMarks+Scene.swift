import StepgradEngine

extension CellMarks {
    /// The marks of quantity `q` at this moment: what the last step computed (the element itself
    /// when it computed one, and then the cells it read), the cells a student got wrong once
    /// known (never before: that would give the answer away), and the selection when it is shown.
    /// A larger step reads every operand whole, which its equation already shows, so only the
    /// names of what it read are marked (`ViewContext.labelStyle`) and the colours stay readable.
    @MainActor init(_ q: Quantity, scene: Scene, selection: CellReference?, answers: AnswerCheck?) {
        self.init(columns: scene.matrix(q)?.columns ?? 0)
        if let activity = scene.activity {
            if let run = activity.changedRun(of: q) {
                self.run = run
                runMark = activity.isSingleElement ? .current : .changed
            }
            for cell in activity.readCells(of: q) { cells[cell] = .read }
        }
        if let wrong = answers?.result(q)?.wrongElements {
            let known = scene.revealedCount(q)
            for element in wrong where element.cell.row * columns + element.cell.column < known {
                cells[element.cell] = max(cells[element.cell] ?? .none, .wrong)
            }
        }
        if let selection, selection.quantity == q { cells[selection.cell] = .selected }
    }
}
