import StepgradEngine

/// Writing an expression the way a student writes it: `0.3·1 + (−0.6)·3 + 0.1`.
extension Expression {
    public enum Notation: Sendable { case unicode, latex }

    public func rendered(_ notation: Notation = .unicode, style: NumberStyle = NumberStyle()) -> String {
        ExpressionWriter(notation: notation, style: style).render(self)
    }
}

/// One notation's rendering of expression trees, numbers in one style.
struct ExpressionWriter {
    let notation: Expression.Notation
    let style: NumberStyle
    var latex: Bool { notation == .latex }

    func render(_ e: Expression) -> String {
        switch e {
        case .number(let v):
            let number = style.printed(v)
            return latex ? number.latex : number.unicode
        case .sum(let terms):
            guard let first = terms.first else { return "0" }
            // Appended in place: a sum of a wide layer has hundreds of terms.
            var text = operand(first, above: 0)
            for term in terms.dropFirst() {
                text += plus
                text += operand(term, above: 1)
            }
            return text
        case .difference(let a, let b):
            return operand(a, above: 0) + minus + operand(b, above: 1)
        case .product(let factors):
            return factors.map { operand($0, above: 2) }.joined(separator: times)
        case .quotient(let a, let b):
            if latex { return "\\frac{\(render(a))}{\(render(b))}" }
            return operand(a, above: 2) + "/" + operand(b, above: 2)
        case .negation(let a):
            return (latex ? "-" : "−") + operand(a, above: 2)
        case .square(let a):
            return operand(a, above: 3) + (latex ? "^{2}" : "²")
        case .call(let f, let args):
            return call(f, args)
        }
    }

    var plus: String { " + " }
    var minus: String { latex ? " - " : " − " }
    var times: String { latex ? " \\cdot " : "·" }
    var open: String { latex ? "\\left(" : "(" }
    var close: String { latex ? "\\right)" : ")" }

    /// Binding strength, to decide where parentheses are needed. A number written with a power of
    /// ten is a product; a negative number needs brackets wherever it follows an operator.
    func precedence(_ e: Expression) -> Int {
        switch e {
        case .sum, .difference: 1
        case .product, .quotient: 2
        case .negation: 3
        case .number(let v):
            style.printed(v).isScientific ? 2 : v < 0 ? 3 : 4
        case .call, .square: 4
        }
    }

    /// Renders `e` in parentheses when it binds no tighter than the context.
    func operand(_ e: Expression, above level: Int) -> String {
        if case .number(let v) = e {
            // Printed once: printing is the dearest part of writing a line.
            let number = style.printed(v), text = latex ? number.latex : number.unicode
            let precedence = number.isScientific ? 2 : number.isNegative ? 3 : 4
            return precedence <= level || (level > 0 && number.isNegative) ? open + text + close : text
        }
        let text = render(e)
        return needsBrackets(e, above: level) ? open + text + close : text
    }

    func needsBrackets(_ e: Expression, above level: Int) -> Bool {
        precedence(e) <= level || (level > 0 && isNegativeNumber(e))
    }

    func isNegativeNumber(_ e: Expression) -> Bool {
        if case .number(let v) = e { return style.printed(v).isNegative }
        return false
    }

    func call(_ f: Expression.Function, _ args: [Expression]) -> String {
        let list = args.map(render).joined(separator: ", ")
        switch (f, latex) {
        case (.exp, false): return "e^" + operand(args[0], above: 3)
        case (.exp, true): return "e^{\(list)}"
        case (.sqrt, false): return "√" + operand(args[0], above: 3)
        case (.sqrt, true): return "\\sqrt{\(list)}"
        case (.ln, true): return "\\ln\\left(\(list)\\right)"
        case (.max, true): return "\\max\\left(\(list)\\right)"
        case (.tanh, true): return "\\tanh\\left(\(list)\\right)"
        case (.sigmoid, true): return "\\sigma\\left(\(list)\\right)"
        case (.ln, false): return "ln(\(list))"
        case (.max, false): return "max(\(list))"
        case (.tanh, false): return "tanh(\(list))"
        case (.sigmoid, false): return "σ(\(list))"
        }
    }
}
