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
            var failing = 0
            return Fitted(styles: forced, addsUp: self.addsUp(Reworked(op, operands(of: op, printedIn: forced)), results,
                                                              confirm: true, failing: &failing))
        }
        let most = 17
        // printedAt[i][f − n]: matrix i of `shown` printed to f figures, filled as needed. The search
        // tries each matrix at the same few figures over and over while the others change.
        let operands = Dictionary(op.operands.map { ($0.quantity, $0.value) }) { _, last in last }
        var printedAt = [[Matrix?]](repeating: Array(repeating: nil, count: most - n + 1), count: shown.count)
        func printed(at figures: [Int]) -> [Quantity: Matrix] {
            var values: [Quantity: Matrix] = [:]
            for (i, q) in shown.enumerated() {
                guard let m = operands[q] else { continue }
                let f = figures[i]
                if printedAt[i][f - n] == nil {
                    let s = NumberStyle(significant: f)
                    printedAt[i][f - n] = Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { s.printed($0).value })
                }
                values[q] = printedAt[i][f - n]
            }
            return values
        }
        // The figures found are confirmed after a quick test of the same figures: the elements are
        // worked once for both.
        var last: (figures: [Int], work: Reworked)?
        // The element that failed the last test is tried first: it is usually the one that fails
        // the next, and then the others need not be worked at all.
        var failing = 0
        func addsUp(_ figures: [Int], confirm: Bool) -> Bool {
            if last?.figures != figures { last = (figures, Reworked(op, printed(at: figures))) }
            return self.addsUp(last!.work, results, confirm: confirm, failing: &failing)
        }
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

    /// The operands of `op` that `styles` names, each number as printed in its style.
    private func operands(of op: StepgradEngine.Operation, printedIn styles: [Quantity: NumberStyle]) -> [Quantity: Matrix] {
        var values: [Quantity: Matrix] = [:]
        for operand in op.operands {
            guard let s = styles[operand.quantity] else { continue }
            let m = operand.value
            values[operand.quantity] = Matrix(rows: m.rows, columns: m.columns, elements: m.elements.map { s.printed($0).value })
        }
        return values
    }

    /// The operation worked again from its operands as printed (`printed`, by quantity); an element
    /// is expanded and worked in Double when first read, and kept for the readings after.
    private final class Reworked {
        /// `nil` when a printed operand does not fit the rule.
        let printed: StepgradEngine.Operation?
        private var elements: [Element??]

        /// An element's first step, its numbers and its value worked from them in Double.
        struct Element {
            var step: Expression
            var numbers: [Double]
            var worked: Double
        }

        init(_ op: StepgradEngine.Operation, _ printed: [Quantity: Matrix]) {
            self.printed = op.recomputed(substituting: printed)
            elements = Array(repeating: nil, count: op.elementCount)
        }

        /// Element `index` (row-major), `nil` when it has no step.
        func element(_ index: Int) -> Element? {
            if let known = elements[index] { return known }
            let element = printed?.element(at: printed!.cell(at: index)).steps.first.map { step in
                let numbers = step.numbers
                return Element(step: step, numbers: numbers, worked: step.value(numbers: numbers))
            }
            elements[index] = .some(element)
            return element
        }
    }

    /// Whether every element, as `work` works it, gives its printed result. A quick test in Double;
    /// with `confirm`, a result that is not clearly within half a unit is worked again in decimal,
    /// as a reader works it. Element `failing` is tested first, and the one that fails is left in
    /// it; the answer is the same in any order.
    private func addsUp(_ work: Reworked, _ results: [PrintedNumber], confirm: Bool, failing: inout Int) -> Bool {
        guard work.printed != nil else { return false }
        let forced = style.decimals != nil
        let first = failing < results.count ? failing : 0
        for index in [first] + results.indices.lazy.filter({ $0 != first }) {
            let result = results[index]
            guard result.value.isFinite, let element = work.element(index) else { continue }
            let unit = forced ? result.shownUnit : result.unit
            let worked = element.worked
            if worked.isFinite {
                let error = abs(worked - result.value)
                if error <= 0.5 * unit * (confirm ? 0.5 : 1 - 1e-6) { continue }
                // Clearly off; only a result within a hair of half a unit (a tie) is worked again.
                if !confirm && error > 0.5 * unit * (1 + 1e-6) { failing = index; return false }
            }
            if !LinePrecision.addsUp(element.step, numbers: element.numbers, to: result, within: unit) { failing = index; return false }
        }
        return true
    }
}
