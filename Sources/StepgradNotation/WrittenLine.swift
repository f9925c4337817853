import StepgradEngine

/// An element's line as printed, `z₁[0] = 0.3·1 + (−0.6)·3 + 0.1 = −1.4`: each step with its
/// numbers at the precision that makes it add up, and the result.
public struct WrittenLine: Hashable, Sendable {
    public var label: String
    /// What the line is of; its LaTeX label is written from it only when asked for.
    public var element: ElementLabel
    /// The steps between label and result, their numbers already rounded as printed.
    public var steps: [Expression]
    public var result: PrintedNumber
    /// Whether every step, worked by hand from its printed numbers, gives the printed result to
    /// within half a unit of its last place. Only a forced precision (`--decimals`), or a result
    /// that is a residue of binary rounding, can make this false; such a line is marked †.
    public var addsUp: Bool

    public init(of element: ElementLabel, steps: [Expression], result: PrintedNumber, addsUp: Bool) {
        self.label = element.text(.unicode)
        self.element = element
        self.steps = steps
        self.result = result
        self.addsUp = addsUp
    }

    public var latexLabel: String { element.text(.latex) }

    /// The mark of a line that does not add up, and what it means.
    public static let mark = "†"

    /// `label = step = … = result`, marked † when it does not add up.
    public func equation(_ notation: Expression.Notation = .unicode) -> String {
        let latex = notation == .latex, writer = ExpressionWriter(notation: .latex, style: .exact)
        var text = latex ? latexLabel : label
        for step in visibleSteps { text += " = " + (latex ? writer.render(step.step) : step.unicode) }
        return text + " = " + (latex ? result.latex : result.unicode) + flag(notation)
    }

    /// `equation(.unicode)` and `equation(.latex)` at once, the steps worth writing chosen once.
    public var equations: (unicode: String, latex: String) {
        let steps = visibleSteps, writer = ExpressionWriter(notation: .latex, style: .exact)
        var unicode = label, latex = latexLabel
        for step in steps {
            unicode += " = " + step.unicode
            latex += " = " + writer.render(step.step)
        }
        return (unicode + " = " + result.unicode + flag(.unicode), latex + " = " + result.latex + flag(.latex))
    }

    /// The steps worth writing, with their Unicode text: none that reads the same as the one
    /// before or as the result.
    var visibleSteps: [(step: Expression, unicode: String)] {
        let writer = ExpressionWriter(notation: .unicode, style: .exact)
        var shown: [(Expression, String)] = [], last = label
        for step in steps {
            let text = writer.render(step)
            if text != last && text != result.unicode { shown.append((step, text)) }
            last = text
        }
        return shown
    }

    func flag(_ notation: Expression.Notation) -> String {
        addsUp ? "" : notation == .latex ? " \\quad\\dagger" : " " + Self.mark
    }

    /// Said once under the lines of an operation when some are marked.
    public static func markNote(_ style: NumberStyle) -> String {
        if let d = style.decimals {
            return "Lines marked \(mark) do not add up at \(d) decimal place\(d == 1 ? "" : "s"): worked from the rounded "
                + "numbers shown, they give a result more than half a unit of its last place away from the one printed."
        }
        return "Lines marked \(mark) do not add up even with every digit shown: their result is a residue of rounding "
            + "in binary arithmetic."
    }
}
