import StepgradEngine
import StepgradNotation

extension Display {
    /// LaTeX math without delimiters: one line, or `aligned` rows broken where the text breaks,
    /// continuation rows aligned on their `=`.
    func latex(style: NumberStyle, width: Int) -> String {
        let lines = self.lines(width: width, style: style)
        guard lines.count > 1 else { return Self.latex(pieces, style: style) }
        var rows: [String] = []
        for (index, runs) in lines.enumerated() {
            var pieces = runs.flatMap { $0 }
            // A row that starts a statement (the first, or one after a gap) is aligned at its own
            // first relation, as the text sets it from the margin; a continuation starts past the `=`.
            let startsStatement = index == 0 || pieces.first == .gap
            if case .gap = pieces.first { pieces.removeFirst() }
            if startsStatement {
                let split = pieces.firstIndex { if case .relation = $0 { true } else { false } } ?? pieces.endIndex
                rows.append(Self.latex(Array(pieces[..<split]), style: style) + " & "
                            + Self.latex(Array(pieces[split...]), style: style))
                continue
            }
            let lead = if case .binary = pieces.first { "& \\quad " } else { "& " }
            rows.append(lead + Self.latex(pieces, style: style))
        }
        return "\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    private static func latex(_ pieces: [Piece], style: NumberStyle) -> String {
        pieces.map { piece in
            switch piece {
            case .symbol(let s), .relation(let s), .binary(let s): s.latex
            case .matrix(let m): pmatrix(m)
            case .gap: "\\qquad"
            }
        }.joined(separator: " ")
    }

    private static func pmatrix(_ m: PrintedMatrix) -> String {
        let rows = (0..<m.rows).map { r in (0..<m.columns).map { m[r, $0].latex }.joined(separator: " & ") }
        return "\\begin{pmatrix} " + rows.joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }
}
