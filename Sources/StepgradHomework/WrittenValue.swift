import StepgradEngine
import StepgradScenario

/// A student's value laid out like the engine's quantity, with the precision of each number.
///
/// Vectors may be written as a row, a column or a flat list, as on paper. A matrix written as the
/// transpose of the expected layout is accepted and remembered, so that the checker can call it a
/// mistake for parameters and their gradients yet read samples-as-columns as a layout choice.
struct WrittenValue: Hashable, Sendable {
    /// In the engine's layout (transposed back when written transposed).
    var value: Matrix
    /// Decimals each number is judged at (see `Tolerance`), row-major in the engine's layout.
    var decimals: [Int]
    /// Written as the transpose of a non-square matrix.
    var writtenTransposed: Bool
    var line: Int?
    /// Row-major, which numbers the student gave; `nil` when every one (an answers file). A quiz
    /// answers element by element: the rest are filled with the values the student's own earlier
    /// answers lead to, and only the given ones are judged and must fit a diagnosis.
    var given: [Bool]? = nil

    /// Some numbers of a quantity typed in a quiz, the rest filled in.
    init(value: Matrix, decimals: [Int], given: [Bool]) {
        self.value = value
        self.decimals = decimals
        self.writtenTransposed = false
        self.given = given
    }

    init(_ written: Answers.Value, of quantity: Quantity, expected: Shape, path: String?) throws(AnswerError) {
        func failure(_ message: String) -> AnswerError {
            AnswerError(path: path, line: written.line, key: quantity.name, message: message)
        }
        let rows = written.rows
        guard let columns = rows.first?.count, columns > 0 else { throw failure("no numbers given") }
        for (r, row) in rows.enumerated() where row.count != columns {
            throw failure("row \(r + 1) has \(row.count) numbers but row 1 has \(columns)")
        }
        guard written.decimals.map(\.count) == rows.map(\.count) else {
            throw failure("the precision of each number was not recorded")
        }
        for (r, row) in rows.enumerated() {
            if let c = row.firstIndex(where: { !$0.isFinite }) {
                throw failure("row \(r + 1), number \(c + 1) is not a finite number")
            }
        }
        var value = Matrix(rows)
        var decimals = Matrix(written.decimals.map { $0.map(Double.init) })
        let shape = value.shape
        let isVector = { (s: Shape) in s.rows == 1 || s.columns == 1 }
        if shape == expected {
            writtenTransposed = false
        } else if isVector(expected) && isVector(shape) && value.count == expected.rows * expected.columns {
            value = Matrix(rows: expected.rows, columns: expected.columns, elements: value.elements)
            decimals = Matrix(rows: expected.rows, columns: expected.columns, elements: decimals.elements)
            writtenTransposed = false
        } else if shape.transposed == expected {
            value = value.transposed
            decimals = decimals.transposed
            writtenTransposed = true
        } else if isVector(expected) {
            throw failure("expected \(expected.rows * expected.columns) numbers, got \(value.count) (\(shape))")
        } else {
            throw failure("expected a \(expected) matrix, got \(shape)")
        }
        self.value = value
        self.decimals = Tolerance.effectiveDecimals(decimals.elements.map { Int($0) })
        self.line = written.line
    }

    /// Read the other way round: for a square batch of per-sample values, samples as columns.
    var transposed: WrittenValue {
        var other = self
        other.value = value.transposed
        other.decimals = Matrix(rows: value.rows, columns: value.columns, elements: decimals.map(Double.init))
            .transposed.elements.map { Int($0) }
        other.writtenTransposed.toggle()
        return other
    }
}
