import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

@Suite struct GraderTests {
    struct Broken: Error, CustomStringConvertible { var description: String }

    func grade(quantities: [Quantity]? = nil) throws -> GradeReport {
        let grader = try Grader(scenario: Homework.reluSoftmax, quantities: quantities)
        return grader.grade([
            .init(name: "seed-000") { try Homework.reluSoftmaxSeed() },
            .init(name: "broken") { throw Broken(description: "broken.yaml:3: dW2: expected a 3×4 matrix, got 2×4") },
            .init(name: "wrong-shape") { written(["z1": "1 2"], path: "wrong-shape.yaml") },
            .init(name: "forward-only") { written(["z1": "1.2 -1.15 0.15 0.9", "a1": "1.2 0 0.15 0.9", "z2": "0.195 -0.495 0.465"]) },
        ])
    }

    @Test func marksPerQuantityWithFollowThroughCredit() throws {
        let report = try grade()
        #expect(report.quantities.map(\.name) == ["z1", "a1", "z2", "a2", "loss", "dz2", "dW2", "da1", "dz1", "dW1", "W1_new", "W2_new"])
        #expect(report.outOf == 12)
        let seed = try #require(report.rows.first { $0.name == "seed-000" })
        #expect(seed.verdicts == [.correct, .correct, .wrong, .correct, .wrong, .wrong, .wrong,
                                  .carriedForward, .carriedForward, .carriedForward, .missing, .missing])
        #expect(seed.marks == 6)
        let forward = try #require(report.rows.first { $0.name == "forward-only" })
        #expect(forward.marks == 3)
        #expect(forward.verdicts.filter { $0 == .missing }.count == 9)
    }

    @Test func brokenSubmissionsAreReportedAndSkipped() throws {
        let report = try grade()
        #expect(report.rows.map(\.name) == ["seed-000", "forward-only"])
        #expect(report.skipped.map(\.name) == ["broken", "wrong-shape"])
        #expect(report.skipped[1].reason == "wrong-shape.yaml:1: z1: expected 4 numbers, got 2 (1×2)")
        #expect(report.text().contains("Skipped broken: broken.yaml:3: dW2: expected a 3×4 matrix, got 2×4"))
    }

    @Test func onlyTheQuantitiesAsked() throws {
        let report = try grade(quantities: [.z(2), .loss, .dW(1)])
        #expect(report.rows.first?.verdicts == [.wrong, .wrong, .carriedForward])
        #expect(report.rows.first?.marks == 1)
        #expect(throws: AnswerError.self) { try Grader(scenario: Homework.reluSoftmax, quantities: [.db(1)]) }
    }

    @Test func tableAndSpreadsheet() throws {
        let report = try grade(quantities: [.z(1), .z(2), .da(1)])
        #expect(report.text() == """
            Grading against “ReLU–softmax network 3-4-3 (homework)”: 1 mark per quantity; carried forward earns the mark.

            submission    z1  z2  da1  marks
            seed-000      ✓   ✗   ↪    2/3
            forward-only  ✓   ✓   ·    2/3

            ✓ correct   ↪ carried forward   ✗ wrong   · missing
            2 graded, mean 2/3.
            Skipped broken: broken.yaml:3: dW2: expected a 3×4 matrix, got 2×4
            Skipped wrong-shape: wrong-shape.yaml:1: z1: expected 4 numbers, got 2 (1×2)

            """)
        #expect(report.csv() == [
            "submission,z1,z2,da1,marks,out of,error",
            "seed-000,correct,wrong,carried-forward,2,3,",
            "forward-only,correct,correct,missing,2,3,",
            "broken,,,,,3,\"broken.yaml:3: dW2: expected a 3×4 matrix, got 2×4\"",
            "wrong-shape,,,,,3,\"wrong-shape.yaml:1: z1: expected 4 numbers, got 2 (1×2)\"",
        ].joined(separator: "\r\n") + "\r\n")
    }

    @Test func spreadsheetFieldsCannotBecomeFormulas() throws {
        let grader = try Grader(scenario: Homework.reluSoftmax, quantities: [.z(1)])
        let report = grader.grade([.init(name: "=cmd|' /C calc'!A0") { written(["z1": "1.2 -1.15 0.15 0.9"]) }])
        #expect(report.csv().contains("\n'=cmd|' /C calc'!A0,correct,1,1,"))
    }
}
