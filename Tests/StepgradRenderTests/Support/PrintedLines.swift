import Foundation

/// The element lines of a worked solution, found in its printed text: `z₁[0] = … = −1.4` in the
/// terminal text, `\left[z_{1}\right]_{0} &= …` rows (with their continuation rows) in LaTeX and
/// Markdown. Each is split at its `=` signs into steps and result, and the † mark noted.
struct PrintedLine {
    var text: String
    var steps: [String]
    var result: String
    var marked: Bool

    init(_ text: String, notation: PrintedArithmetic.Notation) {
        self.text = text
        var body = text
        let mark = notation == .latex ? " \\quad\\dagger" : " †"
        marked = body.hasSuffix(mark)
        if marked { body.removeLast(mark.count) }
        var parts = body.components(separatedBy: " = ")
        result = parts.removeLast()
        steps = Array(parts.dropFirst())
    }

    /// Lines of the text output: indented, a label with an index (or `L`), then `=`.
    static func text(_ output: String) -> [PrintedLine] {
        output.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            guard line.hasPrefix("    "), !line.hasPrefix("     ") else { return nil }
            let body = line.dropFirst(4)
            guard let equals = body.range(of: " = ") else { return nil }
            let label = body[..<equals.lowerBound]
            guard label == "L" || (label.hasSuffix("]") && label.contains("[") && !label.contains(" ")) else { return nil }
            return PrintedLine(String(body), notation: .unicode)
        }
    }

    /// Element rows of LaTeX or Markdown output, continuation rows joined back on.
    static func latex(_ output: String) -> [PrintedLine] {
        var lines: [String] = []
        var current: String?
        func flush() {
            if let current { lines.append(current) }
            current = nil
        }
        for raw in output.split(separator: "\n", omittingEmptySubsequences: false) {
            var row = String(raw)
            if row.hasSuffix(" \\\\") { row.removeLast(3) }
            row = row.replacingOccurrences(of: "\\left. ", with: "").replacingOccurrences(of: "\\right.", with: "")
            if (row.hasPrefix("\\left[") || row.hasPrefix("\\mathcal{L} ")), let split = row.range(of: " &= ") {
                flush()
                current = row[..<split.lowerBound] + " = " + row[split.upperBound...]
            } else if current != nil, row.hasPrefix("&= ") {
                current! += " = " + row.dropFirst(3)
            } else if current != nil, row.hasPrefix("&\\quad ") {
                current! += " " + row.dropFirst(7)
            } else {
                flush()
            }
        }
        flush()
        return lines.map { PrintedLine($0, notation: .latex) }
    }

    /// The steps this line gets wrong: each worked from its printed numbers and compared with the
    /// printed result, allowed half a unit of its last place (and a hair for the functions' Doubles).
    func errors(_ notation: PrintedArithmetic.Notation) throws -> (off: [String], borderline: Bool) {
        var arithmetic = PrintedArithmetic(notation)
        guard !result.contains("NaN"), !result.contains("infty"), !result.contains("∞") else { return ([], false) }
        let printed = try arithmetic.number(result)
        let allowed = printed.unit / ScaledDecimal(2)
        var off: [String] = [], borderline = false
        for step in steps {
            let worked = try arithmetic.evaluate(step)
            // A step that cannot be worked (a number beyond the arithmetic's range) does not add up.
            guard !worked.isNaN else { off.append("\(step) cannot be worked, printed \(result)"); continue }
            let error = (worked - printed.value).magnitude
            let hair = allowed * ScaledDecimal(string: "0.000001")!
            if error > allowed + hair { off.append("\(step) = \(worked), printed \(result)") }
            if (error - allowed).magnitude <= hair { borderline = true }
        }
        return (off, borderline)
    }
}
