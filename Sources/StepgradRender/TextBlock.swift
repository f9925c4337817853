import StepgradEngine
import StepgradNotation
import Synchronization

/// A rectangle of text, for setting matrices side by side with the symbols between them.
struct TextBlock: Hashable, Sendable {
    var lines: [String]
    var width: Int

    init(lines: [String]) {
        let width = lines.map(\.count).max() ?? 0
        self.width = width
        self.lines = lines.map { $0.padding(to: width) }
    }

    init(_ text: String) { self.init(lines: [text]) }

    var height: Int { lines.count }
    /// The lines as printed: no trailing blanks.
    var printed: [String] { lines.map(\.trimmingTrailingSpaces) }
    /// The line a one-line neighbour is set against.
    var middle: Int { (height - 1) / 2 }

    /// Blocks left to right, one blank apart, centred on their middle lines.
    static func beside(_ blocks: [TextBlock]) -> TextBlock {
        let above = blocks.map(\.middle).max() ?? 0
        let below = blocks.map { $0.height - 1 - $0.middle }.max() ?? 0
        let lines = (0...(above + below)).map { row in
            blocks.map { block in
                let line = row - (above - block.middle)
                return block.lines.indices.contains(line) ? block.lines[line] : String(repeating: " ", count: block.width)
            }.joined(separator: " ")
        }
        return TextBlock(lines: lines)
    }

    /// A matrix in brackets, columns aligned on the decimal point. Kept once set: a display is
    /// measured for breaking before it is set, and the same matrices recur from display to display.
    static func matrix(_ m: PrintedMatrix, ascii: Bool) -> TextBlock {
        let key = MatrixKey(matrix: m, ascii: ascii)
        if let known = matrices.withLock({ $0[key] }) { return known }
        let block = setMatrix(m, ascii: ascii)
        matrices.withLock { table in
            if table.count >= 4096 { table.removeAll(keepingCapacity: true) }
            table[key] = block
        }
        return block
    }

    private struct MatrixKey: Hashable {
        var matrix: PrintedMatrix
        var ascii: Bool
    }

    private static let matrices = Mutex<[MatrixKey: TextBlock]>([:])

    private static func setMatrix(_ m: PrintedMatrix, ascii: Bool) -> TextBlock {
        let cells = (0..<m.rows).map { r in (0..<m.columns).map { m[r, $0].unicode } }
        var columns: [[String]] = (0..<m.columns).map { c in cells.map { $0[c] } }
        for c in columns.indices { columns[c] = alignedOnPoint(columns[c]) }
        let rows = (0..<m.rows).map { r in columns.map { $0[r] }.joined(separator: "  ") }
        return TextBlock(lines: rows.enumerated().map { r, row in
            let (open, close) = brackets(row: r, of: m.rows, ascii: ascii)
            return "\(open)\(row)\(close)"
        })
    }

    private static func brackets(row: Int, of rows: Int, ascii: Bool) -> (String, String) {
        if ascii || rows == 1 { return ("[", "]") }
        if row == 0 { return ("⎡", "⎤") }
        if row == rows - 1 { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }

    /// Pads numbers so that their decimal points (or ends) line up.
    private static func alignedOnPoint(_ numbers: [String]) -> [String] {
        let split = numbers.map { n -> (String, String) in
            guard let point = n.firstIndex(of: ".") else { return (n, "") }
            return (String(n[..<point]), String(n[point...]))
        }
        let whole = split.map(\.0.count).max() ?? 0, fraction = split.map(\.1.count).max() ?? 0
        return split.map { String(repeating: " ", count: whole - $0.0.count) + $0.0 + $0.1.padding(to: fraction) }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
