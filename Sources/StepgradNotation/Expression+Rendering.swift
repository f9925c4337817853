import StepgradEngine

/// Writing an expression the way a student writes it: `0.3·1 + (−0.6)·3 + 0.1`.
extension Expression {
    public enum Notation: Sendable { case unicode, latex }

    public func rendered(_ notation: Notation = .unicode, style: NumberStyle = NumberStyle()) -> String {
        Renderer(notation: notation, style: style).render(self)
    }
}

private struct Renderer {
    let notation: Expression.Notation
    let style: NumberStyle
    var latex: Bool { notation == .latex }

    func render(_ e: Expression) -> String {
        switch e {
        case .number(let v):
            return latex ? style.latex(v) : style.format(v)
        case .sum(let terms):
            guard let first = terms.first else { return "0" }
            return terms.dropFirst().reduce(operand(first, above: 0)) { text, term in
                text + " + " + operand(term, above: 1)
            }
        case .difference(let a, let b):
            return operand(a, above: 0) + (latex ? " - " : " − ") + operand(b, above: 1)
        case .product(let factors):
            return factors.map { operand($0, above: 2) }.joined(separator: latex ? " \\cdot " : "·")
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

    /// Binding strength, to decide where parentheses are needed.
    func precedence(_ e: Expression) -> Int {
        switch e {
        case .sum, .difference: 1
        case .product, .quotient: 2
        case .negation: 3
        case .number(let v): v < 0 ? 3 : 4
        case .call, .square: 4
        }
    }

    /// Renders `e` in parentheses when it binds no tighter than the context.
    func operand(_ e: Expression, above level: Int) -> String {
        let text = render(e)
        guard precedence(e) <= level || (level > 0 && isNegativeNumber(e)) else { return text }
        return latex ? "\\left(\(text)\\right)" : "(\(text))"
    }

    func isNegativeNumber(_ e: Expression) -> Bool {
        if case .number(let v) = e { return style.format(v).hasPrefix("−") }
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
