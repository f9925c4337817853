import StepgradEngine
import StepgradNotation

extension Display {
    /// Runs of pieces grouped into lines no wider than `width` when set as text: a display breaks
    /// before an `=`, before an operator between matrices, or at a gap. The LaTeX writer breaks
    /// where the text does.
    func lines(width: Int, style: NumberStyle) -> [[[Piece]]] {
        func measure(_ pieces: [Piece]) -> Int {
            pieces.map { $0.block(style: style, ascii: false).width }.reduce(max(pieces.count - 1, 0), +)
        }
        let indent = self.indent(style: style, ascii: false)
        var lines: [[[Piece]]] = []
        var lineWidth = 0
        for run in runs {
            let runWidth = measure(run)
            if !lines.isEmpty && lineWidth + 1 + runWidth <= width {
                lines[lines.count - 1].append(run)
                lineWidth += 1 + runWidth
            } else {
                let lead = lines.isEmpty ? nil : Self.lead(of: run, indent: indent)
                lines.append([run])
                lineWidth = (lead.map { $0.width + 1 } ?? 0) + measure(run.first == .gap ? Array(run.dropFirst()) : run)
            }
        }
        return lines
    }

    /// Set for a terminal: matrices side by side, continuation lines aligned under the first `=`.
    func text(style: NumberStyle, ascii: Bool, width: Int) -> [String] {
        let indent = self.indent(style: style, ascii: ascii)
        let set = lines(width: width, style: style).enumerated().map { index, runs in
            var pieces = runs.flatMap { $0 }
            if index > 0, case .gap = pieces.first { pieces.removeFirst() }
            let lead = index > 0 ? runs.first.flatMap { Self.lead(of: $0, indent: indent) } : nil
            return TextBlock.beside((lead.map { [$0] } ?? []) + pieces.map { $0.block(style: style, ascii: ascii) })
        }
        let separator: [String] = set.contains { $0.height > 1 } ? [""] : []
        return set.enumerated().flatMap { index, block in (index > 0 ? separator : []) + block.printed }
    }

    /// The blank left of the first `=`, under which continuation lines start.
    private func indent(style: NumberStyle, ascii: Bool) -> Int {
        let head = runs[0].prefix { if case .relation = $0 { false } else { true } }
        return TextBlock.beside(head.map { $0.block(style: style, ascii: ascii) }).width
    }

    /// What a continuation line starts with: its `=` under the first, an operator a little past it.
    private static func lead(of run: [Piece], indent: Int) -> TextBlock? {
        switch run.first {
        case .relation?: TextBlock(String(repeating: " ", count: indent))
        case .binary?: TextBlock(String(repeating: " ", count: indent + 2))
        default: nil
        }
    }
}

extension Display.Piece {
    func block(style: NumberStyle, ascii: Bool) -> TextBlock {
        switch self {
        case .symbol(let s), .relation(let s), .binary(let s): TextBlock(s.unicode)
        case .matrix(let m): TextBlock.matrix(m, ascii: ascii)
        case .gap: TextBlock("  ")
        }
    }
}
