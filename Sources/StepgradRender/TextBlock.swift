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

    /// Lines already padded to one width, `width` characters each.
    private init(padded lines: [String], width: Int) {
        self.lines = lines
        self.width = width
    }

    var height: Int { lines.count }
    /// The lines as printed: no trailing blanks.
    var printed: [String] { lines.map(\.trimmingTrailingSpaces) }
    /// The line a one-line neighbour is set against.
    var middle: Int { (height - 1) / 2 }

    /// Blocks left to right, one blank apart, centred on their middle lines. Every line is as wide
    /// as the blocks and the blanks between them (no piece begins with a mark that combines with
    /// the blank before it), so the lines are not measured again.
    static func beside(_ blocks: [TextBlock]) -> TextBlock {
        let above = blocks.map(\.middle).max() ?? 0
        let below = blocks.map { $0.height - 1 - $0.middle }.max() ?? 0
        let lines = (0...(above + below)).map { row in
            blocks.map { block in
                let line = row - (above - block.middle)
                return block.lines.indices.contains(line) ? block.lines[line] : String(repeating: " ", count: block.width)
            }.joined(separator: " ")
        }
        return TextBlock(padded: lines, width: blocks.isEmpty ? 0 : blocks.reduce(blocks.count - 1) { $0 + $1.width })
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

    /// Set from the numbers' scalars: a printed number is written in characters of one scalar each
    /// (digits, point, minus, `·10⁻⁵`, `∞`), so they are counted without finding the characters.
    private static func setMatrix(_ m: PrintedMatrix, ascii: Bool) -> TextBlock {
        guard m.rows > 0 else { return TextBlock(lines: []) }
        let columns = (0..<m.columns).map { c in alignedOnPoint((0..<m.rows).map { m[$0, c].unicode }) }
        let width = 2 + columns.reduce(2 * max(m.columns - 1, 0)) { $0 + $1.width }
        let lines = (0..<m.rows).map { r in
            let (open, close) = brackets(row: r, of: m.rows, ascii: ascii)
            var line = open
            for c in columns.indices {
                if c > 0 { line += "  " }
                line += columns[c].cells[r]
            }
            return line + close
        }
        return TextBlock(padded: lines, width: width)
    }

    private static func brackets(row: Int, of rows: Int, ascii: Bool) -> (String, String) {
        if ascii || rows == 1 { return ("[", "]") }
        if row == 0 { return ("⎡", "⎤") }
        if row == rows - 1 { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }

    /// Pads numbers so that their decimal points (or ends) line up; the width they then share.
    private static func alignedOnPoint(_ numbers: [String]) -> (cells: [String], width: Int) {
        let split = numbers.map { n -> (whole: Int, fraction: Int) in
            var whole = 0, fraction = 0
            for scalar in n.unicodeScalars {
                if fraction > 0 || scalar == "." { fraction += 1 } else { whole += 1 }
            }
            return (whole, fraction)
        }
        let whole = split.map(\.whole).max() ?? 0, fraction = split.map(\.fraction).max() ?? 0
        let cells = numbers.indices.map { i in
            String(repeating: " ", count: whole - split[i].whole) + numbers[i] + String(repeating: " ", count: fraction - split[i].fraction)
        }
        return (cells, whole + fraction)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// A blank ends a character of its own (nothing it follows combines with it), so trailing
    /// blanks are trailing bytes.
    var trimmingTrailingSpaces: String {
        guard utf8.last == UInt8(ascii: " ") else { return self }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: " ") { end = utf8.index(before: end) }
        return String(self[..<end])
    }
}
