import StepgradEngine
import StepgradNotation

extension GradeReport {
    /// A table for the terminal: a row per submission, a column per quantity, then the marks.
    public func text() -> String {
        let header = ["submission"] + quantities.map(\.name) + ["marks"]
        let body = rows.map { row in [row.name] + row.verdicts.map(Self.mark) + ["\(row.marks)/\(outOf)"] }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingTrailingSpaces()
        }
        var lines = ["Grading against “\(title)”: 1 mark per quantity; carried forward earns the mark.", ""]
        lines.append(line(header))
        lines += body.map(line)
        lines.append("")
        lines.append("✓ correct   ↪ carried forward   ✗ wrong   · missing")
        if !rows.isEmpty {
            let total = rows.map(\.marks).reduce(0, +)
            let mean = Double(total) / Double(rows.count)
            lines.append("\(rows.count) graded, mean \(NumberStyle(decimals: 1).format(mean))/\(outOf).")
        }
        for skip in skipped { lines.append("Skipped \(skip.name): \(skip.reason)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same for a spreadsheet: verdicts as words, and skipped submissions with their reason.
    public func csv() -> String {
        var lines = [(["submission"] + quantities.map(\.name) + ["marks", "out of", "error"]).map(Self.field).joined(separator: ",")]
        for row in rows {
            lines.append(([row.name] + row.verdicts.map(\.rawValue) + ["\(row.marks)", "\(outOf)", ""]).map(Self.field).joined(separator: ","))
        }
        for skip in skipped {
            lines.append(([skip.name] + quantities.map { _ in "" } + ["", "\(outOf)", skip.reason]).map(Self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func mark(_ verdict: Verdict) -> String {
        switch verdict {
        case .correct: "✓"
        case .carriedForward: "↪"
        case .wrong: "✗"
        case .missing: "·"
        }
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; a leading = + − @ is
    /// defused so that a file name cannot become a spreadsheet formula.
    private static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
