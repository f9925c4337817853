import Foundation
import StepgradEngine
@testable import StepgradNotation
@testable import StepgradRender
import Testing

/// The faster ways a solution is written, held to the plain ways they replaced on cases at their
/// edges: JSON written into one buffer, both expansions of a line at once, matrices measured by
/// their scalars, lines measured by arithmetic, and iterations written on several threads.
@Suite struct WritingPathsTests {
    // MARK: JSON

    /// JSON as it was serialized before: each part a string of its own, escaped scalar by scalar.
    static func plain(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .string(let s): return plainQuoted(s)
        case .number(let v): return "\(v)"
        case .integer(let n): return "\(n)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } }) {
                return "[" + items.map { plain($0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + plain($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + plainQuoted($0.0) + ": " + plain($0.1, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    static func plainQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Escapes first, last, side by side and alone; control characters; scalars of several bytes
    /// and characters of several scalars on either side of an escape.
    static let strings = ["", "plain", "\"", "\\", "\\\\\"", "a\"b\\c", "\"start", "end\\", "\n\r\t", "\u{0}x\u{1f}\u{7f}",
                          "ŷ = e^(−1.3)/Σ", "\\left[\\hat{y}\\right]_{1} = \\frac{1}{2}", "m̂ₜ₋₁(W₁)\\", "👍🏽\"👍🏽", "é\u{301}\\\u{301}"]

    @Test func jsonStringsAreEscapedAsScalarByScalar() {
        for s in Self.strings {
            #expect(JSONValue.string(s).serialized() == Self.plainQuoted(s), "\(s.debugDescription)")
        }
    }

    @Test func jsonDocumentsAreTheSameBytes() {
        let numbers: [JSONValue] = [.number(0), .number(-0.0), .number(1e-7), .number(5e300), .number(-2.5), .integer(-3), .null, .bool(true)]
        let document = JSONValue.object([
            ("title", .string("a \"quoted\" \\ title\n")),
            ("empty", .array([])), ("nothing", .object([])),
            ("row", .array(numbers)),
            ("rows", .array([.array(numbers), .array([]), .array([.string("NaN"), .bool(false)])])),
            ("nested", .object([("deeper", .object([("list", .array([.object([("k\"ey", .string("\\frac{1}{2}"))]), .null]))]))])),
        ])
        for indent in ["", "    "] {
            #expect(document.serialized(indent: indent) == Self.plain(document, indent: indent))
        }
    }

    // MARK: Lines

    @Test func bothExpansionsAreTheLinesWrittenOneByOne() {
        var marked = 0
        for scenario in RandomScenarios.make(count: 40) + ExtremeScenarios.all {
            let trace = scenario.network.iterate(scenario.parameters, OptimizerState(), on: scenario.batch).trace
            for style in [NumberStyle(), NumberStyle(decimals: 0), NumberStyle(decimals: 2)] {
                for op in trace.operations {
                    for element in op.elements.prefix(12) {
                        let line = element.written(style: style, outputLayer: op.context.outputLayer, batch: op.context.batch)
                        let both = line.equations
                        #expect(both.unicode == line.equation(.unicode))
                        #expect(both.latex == line.equation(.latex))
                        if !line.addsUp { marked += 1 }
                    }
                }
            }
        }
        #expect(marked > 0, "no line marked †: the flag went untested")
    }

    // MARK: Text blocks

    /// A matrix as it was set before: every cell and line measured in characters.
    static func plainMatrix(_ m: PrintedMatrix, ascii: Bool) -> TextBlock {
        func aligned(_ numbers: [String]) -> [String] {
            let split = numbers.map { n -> (String, String) in
                guard let point = n.firstIndex(of: ".") else { return (n, "") }
                return (String(n[..<point]), String(n[point...]))
            }
            let whole = split.map(\.0.count).max() ?? 0, fraction = split.map(\.1.count).max() ?? 0
            return split.map { String(repeating: " ", count: whole - $0.0.count) + $0.0 + $0.1.padding(to: fraction) }
        }
        let cells = (0..<m.rows).map { r in (0..<m.columns).map { m[r, $0].unicode } }
        let columns: [[String]] = (0..<m.columns).map { c in aligned(cells.map { $0[c] }) }
        let rows = (0..<m.rows).map { r in columns.map { $0[r] }.joined(separator: "  ") }
        return TextBlock(lines: rows.enumerated().map { r, row in
            let (open, close) = ascii || m.rows == 1 ? ("[", "]") : r == 0 ? ("⎡", "⎤") : r == m.rows - 1 ? ("⎣", "⎦") : ("⎢", "⎥")
            return open + row + close
        })
    }

    static let values: [Double] = [0, -0.0, 1, -1.5, 0.000_123_4, -3.7e-5, 1.5e20, -123_456.7, .nan, .infinity, -.infinity, 12,
                                   0.5, -1e6, 2.004, 999_999.5, -0.000_099_99, 7e-300]

    @Test func matricesAreSetAsWhenMeasuredInCharacters() {
        for style in [NumberStyle(), NumberStyle(decimals: 0), NumberStyle(decimals: 3), NumberStyle.exact] {
            for v in Self.values {
                let text = style.printed(v).unicode
                #expect(text.count == text.unicodeScalars.count, "\(text)")
            }
            for (rows, columns) in [(0, 0), (0, 2), (2, 0), (1, 1), (3, 2), (2, 3), (4, 1), (1, 4), (3, 6)] {
                let m = Matrix(rows: rows, columns: columns,
                               elements: (0..<(rows * columns)).map { Self.values[($0 * 7 + rows) % Self.values.count] })
                for ascii in [false, true] {
                    let printed = PrintedMatrix(m, style: style)
                    let block = TextBlock.matrix(printed, ascii: ascii), plain = Self.plainMatrix(printed, ascii: ascii)
                    #expect(block == plain, "\(rows)×\(columns)")
                    let beside = TextBlock.beside([TextBlock("m̂ₜ₋₁(W₁)"), TextBlock("="), block, TextBlock("·"), plain, TextBlock("ŷ")])
                    #expect(beside == TextBlock(lines: beside.lines))
                }
            }
        }
        #expect(TextBlock.beside([]) == TextBlock(lines: [""]))
    }

    @Test func trailingBlanksAreTrimmedAsCharacters() {
        func plain(_ s: String) -> String {
            var s = s
            while s.last == " " { s.removeLast() }
            return s
        }
        for s in ["", " ", "   ", "a  ", "⎡1  2⎤   ", "ŷ ", "m̂ ", "x", " x", "−1.5·10⁻⁵  "] {
            #expect(s.trimmingTrailingSpaces == plain(s), "\(s.debugDescription)")
        }
    }

    // MARK: Threads

    @Test func transformsAreHandedOnInOrder() {
        for threads in [1, 2, 3] {
            for count in [0, 1, 2, 5, 6, 7, 23] {
                var seen: [Int] = []
                (0..<count).forEachInOrder(cores: threads, transformedBy: { n in
                    // Later elements finish first, so that order is not an accident of timing.
                    usleep(UInt32((count - n) * 200))
                    return n * n
                }) { seen.append($0) }
                #expect(seen == (0..<count).map { $0 * $0 }, "\(threads) threads, \(count) elements")
            }
        }
    }
}
