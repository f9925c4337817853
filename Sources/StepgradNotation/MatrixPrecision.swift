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
            return Fitted(styles: forced, addsUp: addsUp(op, forced, results, confirm: true))
        }
        let most = 17
        for f in n...most {
            var figures = Array(repeating: f, count: shown.count)
            guard addsUp(op, styles(figures), results, confirm: false) else { continue }
            for i in figures.indices where f > n {
                figures[i] = (n..<f).first { fewer in
                    figures[i] = fewer
                    return addsUp(op, styles(figures), results, confirm: false)
                } ?? f
            }
            if addsUp(op, styles(figures), results, confirm: true) { return Fitted(styles: styles(figures), addsUp: true) }
        }
        return Fitted(styles: styles(Array(repeating: most, count: shown.count)), addsUp: false)
    }

    /// Whether every element, worked from the operands printed in `styles`, gives its printed result.
    /// A quick test in Double; with `confirm`, a result that is not clearly within half a unit is
    /// worked again in decimal, as a reader works it.
    private func addsUp(_ op: StepgradEngine.Operation, _ styles: [Quantity: NumberStyle], _ results: [PrintedNumber], confirm: Bool) -> Bool {
        var values: [Quantity: Matrix] = [:]
        for operand in op.operands {
            guard let s = styles[operand.quantity] else { continue }
            let m = operand.value
            values[operand.quantity] = Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { s.printed($0).value })
        }
        guard let printed = op.recomputed(substituting: values) else { return false }
        let forced = style.decimals != nil
        for (index, result) in results.enumerated() where result.value.isFinite {
            guard let step = printed.element(at: op.cell(at: index)).steps.first else { continue }
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
