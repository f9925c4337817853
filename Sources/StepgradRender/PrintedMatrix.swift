import StepgradEngine
import StepgradNotation

/// A matrix as printed: each number already rounded, so that the text and LaTeX writers set the
/// same digits, and a matrix equation can give each matrix the figures its arithmetic needs.
struct PrintedMatrix: Hashable, Sendable {
    var rows: Int
    var columns: Int
    /// Row-major.
    var numbers: [PrintedNumber]

    init(rows: Int, columns: Int, numbers: [PrintedNumber]) {
        self.rows = rows
        self.columns = columns
        self.numbers = numbers
    }

    init(_ m: Matrix, style: NumberStyle) {
        self.init(rows: m.rows, columns: m.columns, numbers: m.elements.map(style.printed))
    }

    subscript(row: Int, column: Int) -> PrintedNumber { numbers[row * columns + column] }

    var transposed: PrintedMatrix {
        PrintedMatrix(rows: columns, columns: rows, numbers: (0..<columns).flatMap { c in (0..<rows).map { self[$0, c] } })
    }
}
