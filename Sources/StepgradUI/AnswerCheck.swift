import StepgradEngine
import StepgradHomework
import StepgradScenario

/// A student's answers (the scenario's `answers:`) judged by the homework checker against the
/// first iteration, which is what they answer, arranged for the screen: the value written for
/// each cell, its verdict, and why a quantity is wrong.
struct AnswerCheck {
    let report: CheckReport
    private let results: [Quantity: QuantityResult]
    private let elements: [CellReference: ElementResult]

    init(_ report: CheckReport) {
        self.report = report
        var results: [Quantity: QuantityResult] = [:], elements: [CellReference: ElementResult] = [:]
        for result in report.results {
            results[result.quantity] = result
            for element in result.elements { elements[CellReference(result.quantity, element.cell)] = element }
        }
        self.results = results
        self.elements = elements
    }

    /// The judged answers of `scenario`; `nil` when it has none, a message when they cannot be judged.
    static func make(for scenario: Scenario) -> Result<AnswerCheck, AnswerError>? {
        guard let answers = scenario.answers else { return nil }
        do {
            return .success(AnswerCheck(try Checker(scenario: scenario).check(answers)))
        } catch {
            return .failure(error)
        }
    }

    func result(_ q: Quantity) -> QuantityResult? { results[q] }

    func element(_ reference: CellReference) -> ElementResult? { elements[reference] }

    /// What the student wrote for `q`, in the engine's layout of `shape`; NaN where nothing was written.
    func written(_ q: Quantity, shape: Shape) -> Matrix? {
        guard let result = results[q] else { return nil }
        var m = Matrix(rows: shape.rows, columns: shape.columns, repeating: .nan)
        for element in result.elements where element.cell.row < shape.rows && element.cell.column < shape.columns {
            m[element.cell.row, element.cell.column] = element.written
        }
        return m
    }
}
