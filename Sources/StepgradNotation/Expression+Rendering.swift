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
        var text = ""
        write(e, to: &text)
        return text
    }

    /// `render(e)` appended to `text`: a line is written into one string, where joining the texts
    /// of its terms, factors and brackets made and freed a string for each.
    func write(_ e: Expression, to text: inout String) {
        switch e {
        case .number(let v):
            let number = style.printed(v)
            text += latex ? number.latex : number.unicode
        case .sum(let terms):
            guard let first = terms.first else { text += "0"; return }
            write(operand: first, above: 0, to: &text)
            for term in terms.dropFirst() {
                text += plus
                write(operand: term, above: 1, to: &text)
            }
        case .difference(let a, let b):
            write(operand: a, above: 0, to: &text)
            text += minus
            write(operand: b, above: 1, to: &text)
        case .product(let factors):
            for (index, factor) in factors.enumerated() {
                if index > 0 { text += times }
                write(operand: factor, above: 2, to: &text)
            }
        case .quotient(let a, let b):
            if latex {
                text += "\\frac{"
                write(a, to: &text)
                text += "}{"
                write(b, to: &text)
                text += "}"
            } else {
                write(operand: a, above: 2, to: &text)
                text += "/"
                write(operand: b, above: 2, to: &text)
            }
        case .negation(let a):
            text += latex ? "-" : "−"
            write(operand: a, above: 2, to: &text)
        case .square(let a):
            write(operand: a, above: 3, to: &text)
            text += latex ? "^{2}" : "²"
        case .call(let f, let args):
            write(call: f, args, to: &text)
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
        var text = ""
        write(operand: e, above: level, to: &text)
        return text
    }

    func write(operand e: Expression, above level: Int, to text: inout String) {
        if case .number(let v) = e {
            // Printed once: printing is the dearest part of writing a line.
            let number = style.printed(v)
            let precedence = number.isScientific ? 2 : number.isNegative ? 3 : 4
            let bracketed = precedence <= level || (level > 0 && number.isNegative)
            if bracketed { text += open }
            text += latex ? number.latex : number.unicode
            if bracketed { text += close }
            return
        }
        guard needsBrackets(e, above: level) else { return write(e, to: &text) }
        text += open
        write(e, to: &text)
        text += close
    }

    func needsBrackets(_ e: Expression, above level: Int) -> Bool {
        precedence(e) <= level || (level > 0 && isNegativeNumber(e))
    }

    func isNegativeNumber(_ e: Expression) -> Bool {
        if case .number(let v) = e { return style.printed(v).isNegative }
        return false
    }

    func write(call f: Expression.Function, _ args: [Expression], to text: inout String) {
        func list() {
            for (index, arg) in args.enumerated() {
                if index > 0 { text += ", " }
                write(arg, to: &text)
            }
        }
        switch (f, latex) {
        case (.exp, false): text += "e^"; write(operand: args[0], above: 3, to: &text)
        case (.sqrt, false): text += "√"; write(operand: args[0], above: 3, to: &text)
        case (.exp, true): text += "e^{"; list(); text += "}"
        case (.sqrt, true): text += "\\sqrt{"; list(); text += "}"
        case (.ln, true): text += "\\ln\\left("; list(); text += "\\right)"
        case (.max, true): text += "\\max\\left("; list(); text += "\\right)"
        case (.tanh, true): text += "\\tanh\\left("; list(); text += "\\right)"
        case (.sigmoid, true): text += "\\sigma\\left("; list(); text += "\\right)"
        case (.ln, false): text += "ln("; list(); text += ")"
        case (.max, false): text += "max("; list(); text += ")"
        case (.tanh, false): text += "tanh("; list(); text += ")"
        case (.sigmoid, false): text += "σ("; list(); text += ")"
        }
    }
}
