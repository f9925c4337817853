import StepgradEngine
import StepgradScenario

/// Judges hand-computed values the way a fair marker does.
///
/// Each value the student gives is compared with the exact value at the precision written
/// (`Tolerance`); failing that, with the value recomputed from the student's own earlier answers,
/// which earns follow-through credit (error carried forward); failing both, it is wrong, and
/// common mistakes are tried as explanations (`Diagnosis`).
public struct Checker: Sendable {
    public let scenario: Scenario
    /// The exact iteration, recorded.
    public let trace: Trace

    public init(scenario: Scenario) {
        self.scenario = scenario
        trace = scenario.network.iterate(scenario.parameters, OptimizerState(), on: scenario.batch).trace
    }

    /// Every quantity a student may give: each result of the iteration, in the order computed.
    public var quantities: [Quantity] { trace.operations.map(\.quantity) }

    /// What a worked solution shows: every result, except ∂L/∂ŷ where the output gradient is
    /// computed directly from ŷ and y (softmax with cross-entropy, sigmoid with binary cross-entropy).
    public var workedQuantities: [Quantity] {
        let fused = trace.operations.contains { if case .fusedOutputGradient = $0.rule { true } else { false } }
        return quantities.filter { q in !(fused && q.kind == .da && q.layer == scenario.network.depth) }
    }

    public func check(_ answers: Answers) throws(AnswerError) -> CheckReport {
        let written = try validated(answers)
        let exact = trace.values
        var walk = Walk(world: exact)
        var results: [QuantityResult] = []

        for op in trace.operations {
            let q = op.quantity
            let exactCarried = carried(into: op, from: walk.rounding)
            guard let followThrough = op.recomputed(substituting: walk.operands(of: op)) else { continue }
            let followCarried = carried(into: followThrough, from: walk.ownRounding)
            guard var w = written[q] else {
                walk.world[q] = followThrough.result
                walk.rounding[q] = exactCarried
                walk.ownRounding[q] = followCarried
                continue
            }
            let own = Basis(values: walk.world, operation: followThrough, carried: followCarried, isStudent: true)
            let right = Basis(values: exact, operation: op, carried: exactCarried, isStudent: false)
            var result = judge(q, w, exact: right, followThrough: own)
            // A square batch of per-sample values may be written with samples as rows or as columns
            // (as `explain` shows them): it is read the way that leaves fewer elements wrong.
            if q.isPerSample, w.value.rows > 1, w.value.rows == w.value.columns, !result.wrongElements.isEmpty {
                let other = judge(q, w.transposed, exact: right, followThrough: own)
                if other.wrongElements.count < result.wrongElements.count { (w, result) = (w.transposed, other) }
            }
            if result.verdict == .carriedForward {
                result.carriedFrom = op.operands.map(\.quantity).filter { operand in
                    guard let used = walk.world[operand], let value = exact[operand] else { return false }
                    return zip(used.elements, value.elements).contains { differs($0, $1) }
                }
            }
            let steps = [op] + unwrittenSteps(feeding: op, written: Set(written.keys))
            result.findings = findings(for: result, written: w, steps: steps, bases: [own, right])
            results.append(result)
            walk.record(result, w)
        }

        let given = Set(written.keys)
        return CheckReport(title: scenario.title, exercisePath: scenario.path, answersPath: answers.path,
                           context: Operation.Context(convention: scenario.network.convention,
                                                      outputLayer: scenario.network.depth,
                                                      batch: scenario.batch.size),
                           results: results, notGiven: workedQuantities.filter { !given.contains($0) })
    }

    /// Each answer is a quantity of this exercise with a shape it can have.
    private func validated(_ answers: Answers) throws(AnswerError) -> [Quantity: WrittenValue] {
        let exact = trace.values, computed = Set(quantities)
        var written: [Quantity: WrittenValue] = [:]
        for (q, value) in answers.values.sorted(by: { ($0.value.line ?? 0, $0.key) < ($1.value.line ?? 0, $1.key) }) {
            guard let expected = exact[q], computed.contains(q) else {
                if exact[q] != nil {
                    throw AnswerError(path: answers.path, line: value.line, key: q.name,
                                      message: "is given by the exercise, not computed")
                }
                let names = quantities.map(\.name)
                let hint = Suggestion.closest(to: q.name, among: names).map { "; did you mean '\($0)'?" }
                    ?? "; it has " + names.joined(separator: ", ")
                throw AnswerError(path: answers.path, line: value.line, key: q.name,
                                  message: "not a quantity of this exercise" + hint)
            }
            written[q] = try WrittenValue(value, of: q, expected: expected.shape, path: answers.path)
        }
        return written
    }

    /// Judges every element against the exact value, then against the follow-through value.
    func judge(_ q: Quantity, _ w: WrittenValue, exact: Basis, followThrough: Basis) -> QuantityResult {
        var elements: [ElementResult] = []
        let shape = exact.operation.result.shape
        for i in 0..<shape.rows * shape.columns {
            let cell = Cell(i / shape.columns, i % shape.columns)
            let v = w.value.elements[i], d = w.decimals[i]
            let expected = exact.operation.element(at: cell), recomputed = followThrough.operation.element(at: cell)
            let allowance = Tolerance.allowance(decimals: d, arithmetic: expected, carried: exact.carried.elements[i])
            var verdict = Verdict.wrong
            if Tolerance.accepts(v, expected.value, within: allowance) {
                verdict = .correct
            } else if Tolerance.accepts(v, recomputed.value, within: Tolerance.allowance(
                decimals: d, arithmetic: recomputed, carried: followThrough.carried.elements[i])) {
                verdict = .carriedForward
            }
            let shown = verdict != .correct && differs(recomputed.value, expected.value) ? recomputed : nil
            elements.append(ElementResult(cell: cell, written: v, decimals: d, verdict: verdict, expected: expected.value,
                                          expectedElement: expected, carriedForward: shown, allowance: allowance))
        }
        let verdict: Verdict = w.writtenTransposed && !q.isPerSample || elements.contains { $0.verdict == .wrong } ? .wrong
            : elements.contains { $0.verdict == .carriedForward } ? .carriedForward : .correct
        return QuantityResult(quantity: q, verdict: verdict, elements: elements, writtenTransposed: w.writtenTransposed,
                              findings: [], carriedFrom: [], line: w.line)
    }
}

/// The values of `op`'s operands found in `values`.
func operandValues(of op: Operation, in values: [Quantity: Matrix]) -> [Quantity: Matrix] {
    var result: [Quantity: Matrix] = [:]
    for operand in op.operands { result[operand.quantity] = values[operand.quantity] }
    return result
}

/// Whether two values differ by more than floating-point noise.
func differs(_ a: Double, _ b: Double) -> Bool { abs(a - b) > 1e-9 * max(1, abs(b)) }

/// The state of a walk through the iteration: values as the student used them, and the rounding
/// each value carries, relative to the exact value and relative to the student's own.
struct Walk {
    /// The student's answers where given, else recomputed from them.
    var world: [Quantity: Matrix]
    /// Per element, how far a value may be from exact through the student's rounding (absent: none).
    var rounding: [Quantity: Matrix] = [:]
    /// Per element, how far the value the student went on with may be from `world`: a written number
    /// stands for whatever rounds to it, so follow-through allows the same rounding as exact answers.
    var ownRounding: [Quantity: Matrix] = [:]

    func operands(of op: Operation) -> [Quantity: Matrix] { operandValues(of: op, in: world) }

    /// The student's value becomes what later steps are followed through with. An element judged
    /// correct carries its distance from exact as rounding; any other element carries none against
    /// exact, because later steps are followed through from it. Against the student's own value,
    /// every number carries half a unit of its last written place (or its distance from exact when
    /// judged correct, if more): the student may have gone on with the unrounded number. A number
    /// written exactly right — 0 for relu(−1.15), 1.2 for 1.2 — carries none.
    mutating func record(_ result: QuantityResult, _ w: WrittenValue) {
        world[result.quantity] = w.value
        var rounding = w.value, own = w.value
        for (i, element) in result.elements.enumerated() {
            let off = differs(element.written, element.expected) ? abs(element.written - element.expected) : 0
            rounding.elements[i] = element.verdict == .correct ? off : 0
            own.elements[i] = off == 0 ? 0 : max(Tolerance.halfUnit(decimals: element.decimals), element.verdict == .correct ? off : 0)
        }
        self.rounding[result.quantity] = rounding
        ownRounding[result.quantity] = own
    }
}
