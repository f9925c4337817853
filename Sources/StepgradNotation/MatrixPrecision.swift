import StepgradEngine

/// Chooses the figures of the matrices a matrix equation shows (`z₁ = W₁·x + b₁ = […]·[…] + […] = […]`)
/// so that it adds up as the element lines do: every element of the result, worked by hand from
/// the matrices as printed, gives the number printed for it (its line's result) to within half a
/// unit of that number's last place.
///
/// A matrix is printed once however many elements read it, so each matrix shown has one precision:
/// n significant figures, more for all of them together until every element adds up, and then each
/// gives back the figures it can spare. With forced decimal places every number is printed to them
/// and the equation is marked when it then does not add up, as a line is.
public struct MatrixPrecision {
    public var style: NumberStyle

    public init(style: NumberStyle) { self.style = style }

    public struct Fitted {
        /// How each matrix shown is printed.
        public var styles: [Quantity: NumberStyle]
        public var addsUp: Bool
    }

    /// The styles of the operands `shown`, given the number printed for each element of the result
    /// (row-major). `nil` when some element is worked from a number the equation does not show (the
    /// logits of a loss's stable form): then it can state no arithmetic, only list its operands.
    public func fit(_ op: StepgradEngine.Operation, shown: [Quantity], results: [PrintedNumber]) -> Fitted? {
        var seen = Set<Quantity>()
        let shown = shown.filter { seen.insert($0).inserted }
        guard op.readOperands.allSatisfy({ seen.contains($0.quantity) }) else { return nil }

        func styles(_ figures: [Int]) -> [Quantity: NumberStyle] {
            Dictionary(uniqueKeysWithValues: zip(shown, figures.map { NumberStyle(significant: $0) }))
        }
        guard case .significant(let n) = style.precision else {
            let forced = Dictionary(uniqueKeysWithValues: shown.map { ($0, style) })
            return Fitted(styles: forced, addsUp: self.addsUp(Reworked(op, forced), results, confirm: true))
        }
        // The figures found are confirmed after a quick test of the same figures: the elements are
        // worked once for both.
        var last: (figures: [Int], work: Reworked)?
        func addsUp(_ figures: [Int], confirm: Bool) -> Bool {
            if last?.figures != figures { last = (figures, Reworked(op, styles(figures))) }
            return self.addsUp(last!.work, results, confirm: confirm)
        }
        let most = 17
        for f in n...most {
            var figures = Array(repeating: f, count: shown.count)
            guard addsUp(figures, confirm: false) else { continue }
            for i in figures.indices where f > n {
                figures[i] = (n..<f).first { fewer in
                    figures[i] = fewer
                    return addsUp(figures, confirm: false)
                } ?? f
            }
            if addsUp(figures, confirm: true) { return Fitted(styles: styles(figures), addsUp: true) }
        }
        return Fitted(styles: styles(Array(repeating: most, count: shown.count)), addsUp: false)
    }

    /// The operation worked again from its operands as printed in `styles`; an element is expanded
    /// when first read and kept for a second reading.
    private final class Reworked {
        /// `nil` when a printed operand does not fit the rule.
        let printed: StepgradEngine.Operation?
        private var steps: [Expression??]

        init(_ op: StepgradEngine.Operation, _ styles: [Quantity: NumberStyle]) {
            var values: [Quantity: Matrix] = [:]
            for operand in op.operands {
                guard let s = styles[operand.quantity] else { continue }
                let m = operand.value
                values[operand.quantity] = Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { s.printed($0).value })
            }
            printed = op.recomputed(substituting: values)
            steps = Array(repeating: nil, count: op.elementCount)
        }

        /// The first step of element `index` (row-major).
        func step(_ index: Int) -> Expression? {
            if let known = steps[index] { return known }
            let step = printed?.element(at: printed!.cell(at: index)).steps.first
            steps[index] = .some(step)
            return step
        }
    }

    /// Whether every element, as `work` works it, gives its printed result. A quick test in Double;
    /// with `confirm`, a result that is not clearly within half a unit is worked again in decimal,
    /// as a reader works it.
    private func addsUp(_ work: Reworked, _ results: [PrintedNumber], confirm: Bool) -> Bool {
        guard work.printed != nil else { return false }
        let forced = style.decimals != nil
        for (index, result) in results.enumerated() where result.value.isFinite {
            guard let step = work.step(index) else { continue }
            let unit = forced ? result.shownUnit : result.unit
            let worked = step.value(numbers: step.numbers)
            if worked.isFinite {
                let error = abs(worked - result.value)
                if error <= 0.5 * unit * (confirm ? 0.5 : 1 - 1e-6) { continue }
                // Clearly off; only a result within a hair of half a unit (a tie) is worked again.
                if !confirm && error > 0.5 * unit * (1 + 1e-6) { return false }
            }
            if !LinePrecision.addsUp(step, to: result, within: unit) { return false }
        }
        return true
    }
}
