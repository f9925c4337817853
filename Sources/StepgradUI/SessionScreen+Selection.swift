import StepgradEngine
import StepgradSession

/// Focus and selection: Tab walks the panels (none focused is the default, where arrows step),
/// arrows walk the cells the last frame drew — one drawn cell at a time, so an overview moves by
/// blocks — and cross from one matrix to the next at its edge.
extension SessionScreen {
    var focusablePanels: [Panel] {
        Panel.allCases.filter { $0 != .network || lastLayoutShowedNetwork }
    }

    func cycleFocus(by offset: Int) {
        let order: [Panel?] = [nil] + focusablePanels
        let index = order.firstIndex { $0 == focus } ?? 0
        let next = order[(index + offset + order.count) % order.count]
        if let next { focus(next) } else {
            focus = nil
            zoomed = false
        }
    }

    /// Focuses `panel`, selecting a cell in it unless the selection already is there.
    func focus(_ panel: Panel) {
        focus = panel
        let regions = hits.regions.filter { $0.panel == panel }
        if let selection = session.selection,
           regions.contains(where: { $0.source.quantity == selection.quantity && $0.source.position(of: selection.cell) != nil }) {
            return
        }
        if let reference = defaultSelection(in: regions) { session.select(reference) }
    }

    /// The element just computed when the panel shows it, else the first cell of the step's
    /// result, else the first cell drawn.
    private func defaultSelection(in regions: [HitMap.Region]) -> CellReference? {
        let step = session.currentStep
        if let step, let cell = step.changed.last?.cell,
           regions.contains(where: { $0.source.quantity == step.quantity && $0.source.position(of: cell) != nil }) {
            return CellReference(step.quantity, cell)
        }
        let region = regions.last { $0.source.quantity == step?.quantity } ?? regions.first
        return region.map { CellReference($0.source.quantity, $0.source.cell(0, 0)) }
    }

    func moveSelection(rows dr: Int, columns dc: Int) {
        guard let panel = focus else { return }
        let regions = hits.regions.filter { $0.panel == panel }
        guard let selection = session.selection,
              let index = regions.firstIndex(where: { $0.source.quantity == selection.quantity
                                                      && $0.source.position(of: selection.cell) != nil }),
              let (r, c) = regions[index].source.position(of: selection.cell) else {
            if let reference = defaultSelection(in: regions) { session.select(reference) }
            return
        }
        var region = regions[index]
        var row = r + dr * region.fit.rowBlock
        var column = c + dc * region.fit.columnBlock
        if column < 0, index > 0 {
            region = regions[index - 1]
            column = region.source.columns - 1
        } else if column >= region.source.columns, index + 1 < regions.count {
            region = regions[index + 1]
            column = 0
        }
        row = min(max(row, 0), region.source.rows - 1)
        column = min(max(column, 0), region.source.columns - 1)
        session.select(CellReference(region.source.quantity, region.source.cell(row, column)))
    }
}
