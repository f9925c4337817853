import StepgradEngine
import StepgradNotation

/// The display math of an operation, shared by the LaTeX and Markdown writers, which differ only
/// in how they fence it (`$$…$$` or a ```math block).
struct LaTeXMath {
    var style: NumberStyle
    var width: Int

    /// Display math, and how much wider than a line it still is after breaking (1 when it fits):
    /// a matrix row cannot break, so LaTeX sets such a block smaller.
    struct Block {
        var latex: String
        var overflow = 1.0
    }

    /// Elements per block: a page (or a browser) can break between blocks, never inside one.
    private let elementsPerBlock = 4

    /// The formula continued by its matrix equation (`z_1 = W_1 x + b_1 = (…)(…) + (…) = (…)`),
    /// then the elements of each row of the result.
    func blocks(for op: Operation, lines: [WrittenLine], display: Display?) -> [Block] {
        var blocks = equation(op, display).map(block)
        var chunk: [WrittenLine] = [], row: Int?
        func flush() {
            guard !chunk.isEmpty else { return }
            let rows = chunk.flatMap { $0.latexRows(width: width) }
            blocks.append(Block(latex: "\\begin{aligned}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{aligned}"))
            chunk = []
        }
        for (index, line) in lines.enumerated() {
            let cell = op.cell(at: index)
            if chunk.count == elementsPerBlock || row.map({ $0 != cell.row }) == true { flush() }
            chunk.append(line)
            row = cell.row
        }
        flush()
        return blocks
    }

    /// One display when the matrix equation has the formula's left side, else the formula alone first.
    private func equation(_ op: Operation, _ display: Display?) -> [Display] {
        let formula = Display([.symbol(Symbol(op.formula.unicode, op.formula.latex))])
        guard let display else { return [formula] }
        guard case .symbol(let lhs)? = display.pieces.first, case .relation? = display.pieces.dropFirst().first,
              op.formula.unicode.hasPrefix(lhs.unicode + " = "), op.formula.latex.hasPrefix(lhs.latex + " = ") else {
            return [formula, display]
        }
        let rhs = Symbol(String(op.formula.unicode.dropFirst(lhs.unicode.count + 3)),
                         String(op.formula.latex.dropFirst(lhs.latex.count + 3)))
        var merged = display
        merged.pieces.insert(contentsOf: [.symbol(rhs), .relation(.equals)], at: 2)
        return [merged]
    }

    func given(_ pass: Solution.Pass, of solution: Solution, extent: Extent) -> Block {
        block(solution.given(pass, style: style, extent: extent))
    }

    private func block(_ display: Display) -> Block {
        let widest = display.text(style: style, ascii: false, width: width).map(\.count).max() ?? 0
        return Block(latex: display.latex(style: style, width: width), overflow: max(1, Double(widest) / Double(width)))
    }

    /// The most columns of a matrix in `displays`: pmatrix stops at 10 unless told otherwise.
    static func matrixColumns(_ displays: [Display]) -> Int {
        displays.flatMap(\.pieces).compactMap { if case .matrix(let m) = $0 { m.columns } else { nil } }.max() ?? 0
    }
}
