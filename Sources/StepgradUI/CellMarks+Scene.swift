import StepgradEngine

extension CellMarks {
    /// The marks of quantity `q` at this moment: what the last step computed (the element itself
    /// when it computed one, and then the cells it read), and the selection when it is shown.
    /// A larger step reads every operand whole, which its equation already shows, so only the
    /// names of what it read are marked (`ViewContext.labelStyle`) and the colours stay readable.
    @MainActor init(_ q: Quantity, scene: Scene, selection: CellReference?) {
        self.init(columns: scene.matrix(q)?.columns ?? 0)
        if let activity = scene.activity {
            if let run = activity.changedRun(of: q) {
                self.run = run
                runMark = activity.isSingleElement ? .current : .changed
            }
            for cell in activity.readCells(of: q) { cells[cell] = .read }
        }
        if let selection, selection.quantity == q { cells[selection.cell] = .selected }
    }
}
