import StepgradEngine

extension Display {
    /// Runs of pieces grouped into lines no wider than `width` when set as text: a display breaks
    /// before an `=`, before an operator between matrices, or at a gap. The LaTeX writer breaks
    /// where the text does.
    func lines(width: Int, style: NumberStyle) -> [[[Piece]]] {
        var lines: [[[Piece]]] = []
        var lineWidth = 0
        for run in runs {
            let runWidth = TextBlock.beside(run.map { $0.block(style: style, ascii: false) }).width
            if !lines.isEmpty && lineWidth + 1 + runWidth <= width {
                lines[lines.count - 1].append(run)
                lineWidth += 1 + runWidth
            } else {
                lines.append([run])
                lineWidth = runWidth
            }
        }
        return lines
    }

    /// Set for a terminal: matrices side by side, continuation lines aligned under the first `=`.
    func text(style: NumberStyle, ascii: Bool, width: Int) -> [String] {
        let head = runs[0].prefix { if case .relation = $0 { false } else { true } }
        let indent = TextBlock(String(repeating: " ", count: TextBlock.beside(head.map {
            $0.block(style: style, ascii: ascii)
        }).width))
        let set = lines(width: width, style: style).enumerated().map { index, runs in
            var pieces = runs.flatMap { $0 }
            if index > 0, case .gap = pieces.first { pieces.removeFirst() }
            var blocks = pieces.map { $0.block(style: style, ascii: ascii) }
            switch pieces.first {
            case .relation? where index > 0: blocks.insert(indent, at: 0)
            case .binary? where index > 0: blocks.insert(TextBlock(indent.lines[0] + "  "), at: 0)
            default: break
            }
            return TextBlock.beside(blocks)
        }
        let separator: [String] = set.contains { $0.height > 1 } ? [""] : []
        return set.enumerated().flatMap { index, block in (index > 0 ? separator : []) + block.printed }
    }
}

extension Display.Piece {
    func block(style: NumberStyle, ascii: Bool) -> TextBlock {
        switch self {
        case .symbol(let s), .relation(let s), .binary(let s): TextBlock(s.unicode)
        case .matrix(let m): TextBlock.matrix(m, style: style, ascii: ascii)
        case .gap: TextBlock("  ")
        }
    }
}
