/// A comma-separated file as text: a header of column names and rows of fields, each row with the
/// line it starts on. Fields may be quoted (`"a, b"`, `""` for a quote inside); blank lines are skipped;
/// fields are trimmed of spaces. Numbers are read later, by the loader that knows which columns matter.
public struct CSVTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// The file's line the row starts on (the header is usually line 1).
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    /// `file` only names the file in errors.
    public init(parsing text: String, file: String) throws(DataError) {
        var records: [Row] = []
        var fields: [String] = [], field = "", quoted = false, fieldWasQuoted = false
        var line = 1, recordLine = 1
        func endField() {
            fields.append(fieldWasQuoted ? field : field.trimmingSpaces)
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
            fields = []
        }
        var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    if c.isNewline { line += 1 }
                    field.append(c)
                }
            } else if fieldWasQuoted && c != "," && !c.isNewline {
                // After a field's closing quote only spaces may come before the comma.
                guard c == " " || c == "\t" else {
                    throw DataError(file: file, line: line, message: "text after the closing quote of field \(fields.count + 1)")
                }
            } else if c == "\"" && field.allSatisfy({ $0 == " " || $0 == "\t" }) {
                quoted = true
                fieldWasQuoted = true
                field = ""
            } else if c == "," {
                endField()
            } else if c.isNewline {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
        }
        if quoted { throw DataError(file: file, line: recordLine, message: "a quoted field is never closed") }
        endRecord()
        guard let first = records.first else { throw DataError(file: file, message: "the file is empty: it needs a header line of column names") }
        header = first.fields
        rows = Array(records.dropFirst())
        for (index, name) in header.enumerated() {
            if name.isEmpty { throw DataError(file: file, line: first.line, message: "column \(index + 1) of the header has no name") }
            if header[..<index].contains(name) { throw DataError(file: file, line: first.line, column: name, message: "two columns have this name") }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
