import Foundation
import StepgradEngine

extension Dataset {
    /// Files larger than this are refused before they are read.
    public static let maximumCSVBytes = 64 << 20

    /// Values that mean "no value here" in the CSV files people have (UCI's `?`, R's `NA`, pandas' `NaN`).
    static let missingMarks: Set<String> = ["", "?", "na", "n/a", "nan", "null", "none"]

    /// Reads a CSV file; every problem is a `DataError` naming the file and, where there is one, the
    /// row and column.
    public init(csvFile path: String, columns: CSVColumns) throws(DataError) {
        let file = (path as NSString).lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue, let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard size <= Self.maximumCSVBytes else {
            throw DataError(file: path, message: "the file has \(size) bytes; at most \(Self.maximumCSVBytes) are read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw DataError(file: path, message: "the file is not UTF-8 text") }
        do {
            try self.init(csv: CSVTable(parsing: text, file: path), name: file, columns: columns)
        } catch {
            var error = error
            error.file = path
            throw error
        }
    }

    /// The dataset a parsed table holds; `name` names it in errors and headers.
    public init(csv table: CSVTable, name: String, columns: CSVColumns) throws(DataError) {
        func index(of column: String, role: String) throws(DataError) -> Int {
            guard let i = table.header.firstIndex(of: column) else {
                throw DataError(file: name, line: 1, column: column,
                                message: "no such \(role) column; the columns are \(table.header.joined(separator: ", "))")
            }
            return i
        }
        let labelColumn = try index(of: columns.label.column, role: "label")
        let features = columns.features ?? table.header.filter { $0 != columns.label.column }
        guard !features.isEmpty else { throw DataError(file: name, message: "there are no feature columns") }
        var featureColumns: [Int] = []
        for feature in features {
            if feature == columns.label.column {
                throw DataError(file: name, line: 1, column: feature, message: "the label column cannot also be a feature")
            }
            featureColumns.append(try index(of: feature, role: "feature"))
        }
        guard !table.rows.isEmpty else { throw DataError(file: name, message: "the file has a header but no rows of data") }

        var inputs: [Double] = [], labels: [String] = []
        inputs.reserveCapacity(table.rows.count * features.count)
        for (r, row) in table.rows.enumerated() {
            guard row.fields.count == table.header.count else {
                throw DataError(file: name, line: row.line, row: r + 1,
                                message: "\(row.fields.count) fields where the header has \(table.header.count)")
            }
            for c in featureColumns {
                inputs.append(try Self.number(row.fields[c], file: name, line: row.line, row: r + 1, column: table.header[c]))
            }
            let label = row.fields[labelColumn]
            if Self.missingMarks.contains(label.lowercased()) {
                throw DataError(file: name, line: row.line, row: r + 1, column: columns.label.column, message: "missing value")
            }
            labels.append(label)
        }
        let inputMatrix = Matrix(rows: table.rows.count, columns: features.count, elements: inputs)

        switch columns.label {
        case .number(let column):
            var targets: [Double] = []
            for (r, row) in table.rows.enumerated() {
                targets.append(try Self.number(labels[r], file: name, line: row.line, row: r + 1, column: column))
            }
            self.init(name: name, features: features, task: .regression(target: column), inputs: inputMatrix,
                      targets: Matrix(rows: targets.count, columns: 1, elements: targets))
        case .classes(let column, let declared):
            let found = Set(labels)
            let classes = declared ?? found.sorted { a, b in
                if let x = Double(a), let y = Double(b), x != y { return x < y }
                return a < b
            }
            guard classes.count >= 2 else {
                throw DataError(file: name, column: column, message: "classification needs at least 2 classes; found only \(classes.joined(separator: ", "))")
            }
            if let duplicate = classes.enumerated().first(where: { classes[..<$0.offset].contains($0.element) }) {
                throw DataError(file: name, column: column, message: "class \"\(duplicate.element)\" is listed twice")
            }
            for declaredClass in classes where !found.contains(declaredClass) {
                throw DataError(file: name, column: column, message: "class \"\(declaredClass)\" has no samples")
            }
            let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
            var indices: [Int] = []
            for (r, row) in table.rows.enumerated() {
                guard let k = position[labels[r]] else {
                    throw DataError(file: name, line: row.line, row: r + 1, column: column,
                                    message: "\"\(labels[r])\" is not one of the classes \(classes.joined(separator: ", "))")
                }
                indices.append(k)
            }
            self.init(name: name, features: features, task: .classification(classes: classes), inputs: inputMatrix,
                      targets: Self.oneHot(indices, classes: classes.count))
        }
    }

    /// A field as a finite number, or an error naming its place.
    static func number(_ field: String, file: String, line: Int, row: Int, column: String) throws(DataError) -> Double {
        if missingMarks.contains(field.lowercased()) {
            throw DataError(file: file, line: line, row: row, column: column, message: "missing value")
        }
        guard let value = Double(field), value.isFinite else {
            throw DataError(file: file, line: line, row: row, column: column, message: "\"\(field)\" is not a number")
        }
        return value
    }
}
