import StepgradEngine

/// What a drawn cell stands for beyond its value, weakest first: a value the element being
/// computed read, one the step computed, one a student got wrong, the single element being
/// computed, the cell the user selected. Computed cells keep their colour (in bold); the others
/// stand out in the theme's own styles.
enum CellMark: Int, Comparable {
    case none, read, changed, wrong, current, selected

    static func < (a: CellMark, b: CellMark) -> Bool { a.rawValue < b.rawValue }
}

/// Which cells of one matrix carry a mark: a run of cells the step computed (row-major in the
/// stored matrix) and a few single cells (the selection, what an element read). Kept as data
/// rather than asked of every cell, so that an overview of a large matrix finds its marked
/// blocks by going through the marks, not through the matrix.
struct CellMarks {
    /// Columns of the stored matrix, to place a cell in the run.
    var columns = 0
    var run: Range<Int> = 0..<0
    var runMark = CellMark.changed
    var cells: [Cell: CellMark] = [:]

    var isEmpty: Bool { run.isEmpty && cells.isEmpty }

    func mark(_ cell: Cell) -> CellMark {
        // Most matrices have no single marks: no need to hash every cell for them.
        max(run.contains(cell.row * columns + cell.column) ? runMark : .none, cells.isEmpty ? .none : cells[cell] ?? .none)
    }

    /// Every marked cell with its mark, the run's first.
    func forEach(_ body: (Cell, CellMark) -> Void) {
        if columns > 0 { for index in run { body(Cell(index / columns, index % columns), runMark) } }
        for (cell, mark) in cells { body(cell, mark) }
    }
}
