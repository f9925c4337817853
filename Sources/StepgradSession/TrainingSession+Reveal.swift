import StepgradEngine

/// What is known at the cursor. x, y, the parameters and the optimizer state carried in
/// (`mW1_prev`) are known from the start; every computed value, optimizer state included,
/// once the cursor has passed its element. A view shows only these, so that a student sees
/// each number appear when it is computed.
extension TrainingSession {
    public func isRevealed(_ q: Quantity, _ cell: Cell) -> Bool {
        revealedValue(q, cell) != nil
    }

    /// The value at the cursor, or `nil` when not yet computed or when there is no such cell.
    public func revealedValue(_ q: Quantity, _ cell: Cell) -> Double? {
        guard let m = matrix(of: q), m.contains(cell) else { return nil }
        guard !q.isGiven else { return m[cell.row, cell.column] }
        guard let op = layout.operation(producing: q) else { return nil }
        let element = layout.start(ofOperation: op) + cell.row * m.columns + cell.column
        return element < place ? m[cell.row, cell.column] : nil
    }

    public func isRevealed(_ reference: CellReference) -> Bool {
        isRevealed(reference.quantity, reference.cell)
    }

    public func revealedValue(_ reference: CellReference) -> Double? {
        revealedValue(reference.quantity, reference.cell)
    }

    /// The loss of the iteration on screen, once revealed.
    public var loss: Double? { revealedValue(.loss, Cell(0, 0)) }

    /// The whole matrix of a quantity in the iteration on screen, revealed or not.
    func matrix(of q: Quantity) -> Matrix? {
        current.matrix(of: q, batch: scenario.batch)
    }

    /// Whether the iteration on screen has this cell.
    func contains(_ reference: CellReference) -> Bool {
        matrix(of: reference.quantity)?.contains(reference.cell) ?? false
    }
}

extension Matrix {
    func contains(_ cell: Cell) -> Bool {
        (0..<rows).contains(cell.row) && (0..<columns).contains(cell.column)
    }
}
