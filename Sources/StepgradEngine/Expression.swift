/// The arithmetic of one element, kept as data so that every renderer
/// (terminal, Markdown, LaTeX, the UI) writes the same sum at its own precision.
public indirect enum Expression: Hashable, Sendable {
    case number(Double)
    case sum([Expression])
    case difference(Expression, Expression)
    case product([Expression])
    case quotient(Expression, Expression)
    case negation(Expression)
    case call(Function, [Expression])
    case square(Expression)

    public enum Function: Hashable, Sendable {
        case exp, ln, max, sigmoid, tanh, sqrt
    }
}
