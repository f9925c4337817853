/// A problem with data, placed so that a user can find it: `iris.csv:13: row 12, column "sepal_width": …`.
///
/// `line` is the line of the file (the header is line 1); `row` counts data rows from 1, as a
/// spreadsheet shows them below the header.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String?
    public var line: Int?
    public var row: Int?
    public var column: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let cell = [row.map { "row \($0)" }, column.map { "column \"\($0)\"" }].compactMap { $0 }.joined(separator: ", ")
        return [place, cell, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}
