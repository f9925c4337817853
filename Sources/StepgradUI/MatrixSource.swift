import StepgradEngine

/// One quantity as a panel shows it: in the orientation of the equation it stands in (a
/// per-sample `a₁` stored one row per sample is drawn as a column, `W₂ᵀ` transposed), possibly
/// narrowed to some display columns (one sample in the network view), and only as far as known.
struct MatrixSource {
    let quantity: Quantity
    let label: String
    let matrix: Matrix
    /// Whether display row r, column c is the stored cell (c, r).
    let transposed: Bool
    /// Known elements of the stored matrix, row-major.
    let revealed: Int
    /// The display columns shown.
    let columnRange: Range<Int>
    /// A student's values for the quantity rather than its own.
    let isStudents: Bool

    init(_ quantity: Quantity, label: String, matrix: Matrix, revealed: Int, transposed: Bool,
         columns: Range<Int>? = nil, isStudents: Bool = false) {
        self.quantity = quantity
        self.isStudents = isStudents
        self.label = label
        self.matrix = matrix
        self.revealed = revealed
        self.transposed = transposed
        let all = 0..<(transposed ? matrix.rows : matrix.columns)
        self.columnRange = columns.map { $0.clamped(to: all) } ?? all
    }

    /// The quantity from `scene`, or `nil` when the iteration has no such quantity.
    @MainActor init?(_ quantity: Quantity, label: String, scene: Scene, transposed: Bool, columns: Range<Int>? = nil) {
        guard let m = scene.matrix(quantity) else { return nil }
        self.init(quantity, label: label, matrix: m, revealed: scene.revealedCount(quantity), transposed: transposed,
                  columns: columns)
    }

    var rows: Int { transposed ? matrix.columns : matrix.rows }
    var columns: Int { columnRange.count }

    /// The stored cell shown at display row `r`, column `c` (counted within `columnRange`).
    func cell(_ r: Int, _ c: Int) -> Cell {
        let column = c + columnRange.lowerBound
        return transposed ? Cell(column, r) : Cell(r, column)
    }

    /// The display position of a stored cell, if shown.
    func position(of cell: Cell) -> (row: Int, column: Int)? {
        let (r, c) = transposed ? (cell.column, cell.row) : (cell.row, cell.column)
        guard columnRange.contains(c), r >= 0, r < rows else { return nil }
        return (r, c - columnRange.lowerBound)
    }

    func value(_ r: Int, _ c: Int) -> Double? {
        let stored = cell(r, c)
        let index = stored.row * matrix.columns + stored.column
        return index < revealed ? matrix.elements[index] : nil
    }

    /// The largest finite magnitude among the known values: the limit of this quantity's own
    /// scale. Unknown values stay out, so the legend never gives away what is still to come.
    var knownScale: HeatmapScale {
        HeatmapScale(values: matrix.elements.prefix(min(revealed, matrix.count)))
    }
}
