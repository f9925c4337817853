import StepgradEngine
import StepgradScenario

/// Marking a quiz: numbers typed one element at a time, at any iteration, judged by the rules of
/// `check` — the precision typed, the rounding a fair marker allows, follow-through from the
/// student's own earlier answers in the same iteration, and the common mistakes as diagnoses.
extension Checker {
    /// A checker of a later iteration than the first: `trace` is that iteration, recorded.
    public init(scenario: Scenario, trace: Trace) {
        self.scenario = scenario
        self.trace = trace
    }

    /// Marks every typed number. Numbers typed without decimals are judged at `wholeNumberDecimals`
    /// (as `check` judges a whole number at the finest precision written beside it): `1` typed for
    /// 0.627 is not "1 rounded to units".
    public func mark(_ typed: [CellReference: TypedNumber], wholeNumberDecimals: Int = 4) -> [CellReference: QuizMark] {
        let exact = trace.values
        var walk = Walk(world: exact)
        var marks: [CellReference: QuizMark] = [:]
        let answered = Set(typed.keys.map(\.quantity))
        for op in trace.operations {
            let q = op.quantity
            let exactCarried = carried(into: op, from: walk.rounding)
            guard let followThrough = op.recomputed(substituting: walk.operands(of: op)) else { continue }
            let followCarried = carried(into: followThrough, from: walk.ownRounding)
            let shape = op.result.shape
            let given = typed.filter { $0.key.quantity == q && $0.key.cell.row < shape.rows && $0.key.cell.column < shape.columns }
            guard !given.isEmpty else {
                walk.world[q] = followThrough.result
                walk.rounding[q] = exactCarried
                walk.ownRounding[q] = followCarried
                continue
            }
            // The numbers not typed are what the student's own answers lead to.
            var value = followThrough.result
            var decimals = [Int](repeating: 15, count: shape.rows * shape.columns), mask = [Bool](repeating: false, count: decimals.count)
            for (reference, number) in given {
                let i = reference.cell.row * shape.columns + reference.cell.column
                value.elements[i] = number.value
                decimals[i] = number.decimals == 0 ? max(wholeNumberDecimals, 0) : number.decimals
                mask[i] = true
            }
            let w = WrittenValue(value: value, decimals: decimals, given: mask)
            let own = Basis(values: walk.world, operation: followThrough, carried: followCarried, isStudent: true)
            let right = Basis(values: exact, operation: op, carried: exactCarried, isStudent: false)
            var result = judge(q, w, exact: right, followThrough: own)
            let steps = [op] + unwrittenSteps(feeding: op, written: answered)
            result.findings = findings(for: result, written: w, steps: steps, bases: [own, right])
            for (i, element) in result.elements.enumerated() where mask[i] {
                marks[CellReference(q, element.cell)] = Self.mark(element, findings: result.findings)
            }
            walk.record(result, w)
            for i in mask.indices where !mask[i] {
                walk.rounding[q]?.elements[i] = exactCarried.elements[i]
                walk.ownRounding[q]?.elements[i] = followCarried.elements[i]
            }
        }
        return marks
    }

    private static func mark(_ element: ElementResult, findings: [Finding]) -> QuizMark {
        switch element.verdict {
        case .correct:
            let halfUnit = Tolerance.halfUnit(decimals: element.decimals)
            return Tolerance.accepts(element.written, element.expected, within: halfUnit) ? .correct : .rounded
        case .carriedForward:
            return .carriedForward
        case .wrong, .missing:
            let diagnosis = findings.first { finding in
                if case .slip(let cell, let misreads) = finding.diagnosis { return cell == element.cell && !misreads.isEmpty }
                return finding.explains(element.cell)
            }?.diagnosis
            return .wrong(diagnosis)
        }
    }
}
