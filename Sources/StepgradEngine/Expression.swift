/// The arithmetic of one element, kept as data so that every renderer
/// (terminal, Markdown, LaTeX, the UI) writes the same sum at its own precision.
///
/// Only the cases that hold an expression directly are boxed: a line of a wide layer has hundreds
/// of numbers, each checked many times over while its digits are chosen (`LinePrecision`), and a
/// boxed number costs an allocation to make and a retain and release to read.
public enum Expression: Hashable, Sendable {
    case number(Double)
    case sum([Expression])
    indirect case difference(Expression, Expression)
    case product([Expression])
    indirect case quotient(Expression, Expression)
    indirect case negation(Expression)
    case call(Function, [Expression])
    indirect case square(Expression)

    public enum Function: Hashable, Sendable {
        case exp, ln, max, sigmoid, tanh, sqrt
    }
}
