import Foundation
import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// Answer files written by Tests/Reference/careful_student.py the way a careful student works: 3
/// decimals at each step, carrying on from the rounded values, e^z rounded on the way, under SGD,
/// momentum (with weight decay) and Adam; without a mistake and with a mistake after which the
/// student carries on from their own values. The script (NumPy, independent of
/// stepgrad) also says what a fair marker concludes for each value: the mistake is wrong; a later
/// value more than 0.01 from exact can only earn follow-through; any other value earns the mark.
///
/// Each fair-marking rule has files that a checker without it gets wrong (checked against the
/// checker before issue 10): e^−z inside σ, every `sigmoid-e.*` file (a₁); e^z inside tanh, every
/// `tanh-*` file (a₁); follow-through with the rounding of the student's own numbers,
/// `tanh-sigmoid.*.early-mistake` (the loss from a slipped ŷ); follow-through under momentum and
/// Adam, `*.momentum.*mistake` and `*.adam.*mistake` (the updates), through the student's own
/// buffers in `*.state-mistake` and `*.own-state-mistake`; the diagnosis first, every planted mistake.
@Suite struct CarefulStudentTests {
    struct Expectation: Decodable {
        var exercise: String
        var mistake: String?
        var verdicts: [String: String]
    }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/careful")
    static let expectations: [String: Expectation] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("expectations.json"))
        return try! JSONDecoder().decode([String: Expectation].self, from: data)
    }()

    static func report(_ answersFile: String) throws -> (CheckReport, Expectation) {
        let expectation = expectations[answersFile]!
        let scenario = try ScenarioLoader.load(path: directory.appendingPathComponent(expectation.exercise).path)
        let answers = try AnswersLoader.load(path: directory.appendingPathComponent(answersFile).path, for: scenario)
        return (try Checker(scenario: scenario).check(answers), expectation)
    }

    @Test(arguments: expectations.keys.sorted())
    func aFairMarkerGivesEveryHonestStepItsMark(_ file: String) throws {
        let (report, expectation) = try Self.report(file)
        #expect(report.results.count == expectation.verdicts.count)
        for result in report.results {
            let name = result.quantity.name
            let wrongCells = result.wrongElements.map { "\($0.cell.row),\($0.cell.column)" }
            switch expectation.verdicts[name] {
            case "wrong":
                #expect(result.verdict == .wrong, "\(file): \(name) has the planted mistake")
                #expect(result.findings.map(\.diagnosis.kind).contains(expectation.mistake ?? ""),
                        "\(file): \(name) diagnosed as \(result.findings.map(\.diagnosis.kind))")
                // The diagnosis comes first; only a slip, which explains no number, lists its element.
                let lines = block(name, in: report.text())
                #expect(lines.dropFirst().first?.hasPrefix("    → ") == true, "\(file): \(lines)")
                #expect(lines.filter { $0.contains(": you wrote ") }.count == (expectation.mistake == "slip" ? 1 : 0),
                        "\(file): \(lines)")
            case "carried-forward":
                #expect(result.verdict == .carriedForward, "\(file): \(name) is \(result.verdict), wrong at \(wrongCells)")
            case "mark":
                #expect(result.verdict.earnsMark, "\(file): \(name) is \(result.verdict), wrong at \(wrongCells)")
            default:
                Issue.record("\(file): \(name) has no expectation")
            }
        }
    }
}
