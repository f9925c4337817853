/// What elements read, by index arithmetic over the rule: the same cells, in the same order, as
/// the expansions' `reads`, without building an expression. A step, a matrix equation or a
/// diagnosis that only asks which cells were read uses these; expansions are for what is shown.
extension Operation {
    /// The operand cells element `cell` reads, in the order its expansion reads them (repeats kept):
    /// `element(at: cell).reads`.
    public func reads(at cell: Cell) -> [CellReference] {
        var found: [CellReference] = []
        rule.family.reads(cell.row, cell.column, context) { found.append(CellReference($0.quantity, Cell($1, $2))) }
        return found
    }

    /// Passes each operand cell the elements at `indices` (row-major) read to `body`, element by
    /// element in the order of `reads(at:)`.
    public func forEachRead(ofElements indices: Range<Int>, _ body: (_ operand: Operand, _ row: Int, _ column: Int) -> Void) {
        let family = rule.family
        for i in indices {
            let element = self.cell(at: i)
            family.reads(element.row, element.column, context, body)
        }
    }

    /// The operands some element reads, in the order the rule lists them.
    public var readOperands: [Operand] {
        let operands = operands
        var read = Array(repeating: false, count: operands.count)
        forEachRead(ofElements: 0..<elementCount) { operand, _, _ in
            for k in operands.indices where operands[k].quantity == operand.quantity { read[k] = true }
        }
        return operands.indices.filter { read[$0] }.map { operands[$0] }
    }
}
