import StepgradEngine
import StepgradNotation

extension Display {
    /// Runs of pieces grouped into lines no wider than `width` when set as text: a display breaks
    /// before an `=`, before an operator between matrices, or at a gap. The LaTeX writer breaks
    /// where the text does.
    func lines(width: Int, style: NumberStyle) -> [[[Piece]]] {
        breaks(width: width, blocks: pieces.map { $0.block(style: style, ascii: false) }).map { $0.map { Array(pieces[$0]) } }
    }

    /// Set for a terminal: matrices side by side, continuation lines aligned under the first `=`.
    func text(style: NumberStyle, ascii: Bool, width: Int) -> [String] {
        // Each piece is set once, and measured and placed from that.
        let blocks = pieces.map { $0.block(style: style, ascii: ascii) }
        let indent = self.indent(blocks)
        let set = breaks(width: width, blocks: blocks).enumerated().map { index, runs in
            var shown = runs.flatMap { $0 }
            if index > 0, let first = shown.first, case .gap = pieces[first] { shown.removeFirst() }
            let lead = index > 0 ? runs.first.flatMap { Self.lead(of: pieces[$0].first, indent: indent) } : nil
            return TextBlock.beside((lead.map { [$0] } ?? []) + shown.map { blocks[$0] })
        }
        let separator: [String] = set.contains { $0.height > 1 } ? [""] : []
        return set.enumerated().flatMap { index, block in (index > 0 ? separator : []) + block.printed }
    }

    /// The runs, as ranges of `pieces`, grouped into lines; `blocks` are the pieces set as text. A
    /// bracket is one character in Unicode as in ASCII, so either setting measures the same.
    private func breaks(width: Int, blocks: [TextBlock]) -> [[Range<Int>]] {
        func measure(_ run: Range<Int>) -> Int { run.reduce(max(run.count - 1, 0)) { $0 + blocks[$1].width } }
        let indent = self.indent(blocks)
        var lines: [[Range<Int>]] = []
        var lineWidth = 0
        for run in runs {
            let runWidth = measure(run)
            if !lines.isEmpty && lineWidth + 1 + runWidth <= width {
                lines[lines.count - 1].append(run)
                lineWidth += 1 + runWidth
            } else {
                let first = pieces[run].first
                let lead = lines.isEmpty ? nil : Self.lead(of: first, indent: indent)
                lines.append([run])
                lineWidth = (lead.map { $0.width + 1 } ?? 0) + measure(first == .gap ? run.dropFirst() : run)
            }
        }
        return lines
    }

    /// The blank left of the first `=`, under which continuation lines start.
    private func indent(_ blocks: [TextBlock]) -> Int {
        let head = runs[0].prefix { if case .relation = pieces[$0] { false } else { true } }
        return TextBlock.beside(head.map { blocks[$0] }).width
    }

    /// What a continuation line starts with: its `=` under the first, an operator a little past it.
    private static func lead(of first: Piece?, indent: Int) -> TextBlock? {
        switch first {
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
