import StepgradEngine

extension CellMarks {
    /// The marks of quantity `q` at this moment: what the last step computed (the element itself
    /// when it computed one, and then the cells it read), and the selection when it is shown.
    /// A larger step reads every operand whole, which its equation already shows, so only the
    /// names of what it read are marked (`ViewContext.labelStyle`) and the colours stay readable.
    @MainActor init(_ q: Quantity, scene: Scene, selection: CellReference?) {
        self.init()
        let selected = selection?.quantity == q ? selection?.cell : nil
        guard let activity = scene.activity else {
            if let selected { perCell = { $0 == selected ? .selected : .none } }
            return
        }
        let changes = activity.changes(q), readsSome = activity.readsSome(q)
        guard changes || readsSome || selected != nil else { return }
        let columns = scene.matrix(q)?.columns ?? 0
        let computed: CellMark = activity.isSingleElement ? .current : .changed
        perCell = { cell in
            if cell == selected { return .selected }
            if changes && activity.changed(q, cell, columns: columns) { return computed }
            return readsSome && activity.read(q, cell) ? .read : .none
        }
    }
}
