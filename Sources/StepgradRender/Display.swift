import StepgradEngine
import StepgradNotation

/// A line of mathematics with real matrices in it, `z₁ = W₁·x + b₁ = z₁` with numbers,
/// kept as pieces so that the text and LaTeX writers lay out the same thing.
struct Display: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case symbol(Symbol)
        case matrix(PrintedMatrix)
        /// `=`: where a long display may continue on the next line, aligned under the first one.
        case relation(Symbol)
        /// `+`, `·`, `⊙` between matrices: where a display still too wide may break, the
        /// continuation set past the `=`.
        case binary(Symbol)
        /// Space between two statements, `x = …   y = …`: where a long display may break.
        case gap
    }

    var pieces: [Piece]
    /// False for a matrix equation that does not add up at a forced precision; it ends in †.
    var addsUp = true

    init(_ pieces: [Piece]) { self.pieces = pieces }

    /// Pieces split where a line may break, as ranges of `pieces`; each run after the first starts at its break.
    var runs: [Range<Int>] {
        var starts = [0]
        var seenRelation = false
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .relation where seenRelation, .binary, .gap:
                if index > starts[starts.count - 1] { starts.append(index) }
            case .relation: seenRelation = true
            default: break
            }
            if case .gap = piece { seenRelation = false }
        }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : pieces.count) }
    }
}

/// The same mark in both notations.
struct Symbol: Hashable, Sendable {
    var unicode: String
    var latex: String
    init(_ unicode: String, _ latex: String) {
        self.unicode = unicode
        self.latex = latex
    }

    static let equals = Symbol("=", "=")
    static let plus = Symbol("+", "+")
    static let minus = Symbol("−", "-")
    static let times = Symbol("·", "\\cdot")
    static let hadamard = Symbol("⊙", "\\odot")
    static let close = Symbol(")", "\\right)")
    static let open = Symbol("(", "\\left(")
    /// After a matrix equation that does not add up at a forced precision, as after such a line.
    static let mark = Symbol(WrittenLine.mark, "\\quad\\dagger")

    static func name(_ q: Quantity, outputLayer: Int) -> Symbol {
        Symbol(q.symbol(outputLayer: outputLayer), q.latex(outputLayer: outputLayer))
    }

    /// `0.1·`, a hyperparameter times what follows, written as given.
    static func scaled(_ v: Double) -> Symbol {
        Symbol(NumberStyle.exact.format(v) + " ·", NumberStyle.exact.latex(v) + " \\cdot")
    }

    /// `relu(`, opening a function applied to a matrix; `relu′(` for its derivative.
    static func call(_ name: String, derivative: Bool = false) -> Symbol {
        Symbol(name + (derivative ? "′" : "") + "(", "\\operatorname{\(name)}" + (derivative ? "'" : "") + "\\left(")
    }
}
