import Foundation
import Testing
import StepgradEngine
import StepgradNotation
@testable import StepgradHomework

/// What a student reads in the terminal, and what a program reads as JSON.
@Suite struct CheckReportOutputTests {
    let report = try! Checker(scenario: Homework.reluSoftmax).check(Homework.reluSoftmaxSeed())

    @Test func theTextShowsTheStudentsNumberBesideTheArithmetic() {
        let text = report.text()
        let expected = [
            "✓ z1    correct",
            "✗ z2    wrong: 1 of 3 elements",
            "    z₂[1]: you wrote −0.445",
            "        expected          z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495",
            "    → The loss was computed with the target (1, 0, 0) instead of y = (1, 1, 0):",
            "      L = −(1·ln(0.356) + 0·ln(0.179) + 0·ln(0.466)) = 1.033",
            "    dW₂[1,3]: you wrote −0.734",
            "        from your answers dW₂[1,3] = (−0.821)·0.9 = −0.7389",
            "↪ da1   carried forward: right given your dz₂",
            "10 given: 3 correct, 3 carried forward, 4 wrong.",
            "Not given: W1_new, W2_new.",
        ]
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in expected { #expect(lines.contains(line), "\(line)") }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Here y sums to 2, so dz₂ = ŷ·Σy − y = ŷ·2 − y."))
        // The follow-through line is left out where it equals the exact arithmetic.
        #expect(!text.contains("from your answers z₂[1]"))
    }

    @Test func theDiagnosisComesFirstThenOnlyTheElementsItDoesNotExplain() {
        let text = report.text()
        // The shortcut ŷ − y explains all three elements of dz₂: no element is listed.
        let dz2 = block("dz2", in: text)
        #expect(dz2.count == 3 && dz2[1].hasPrefix("    → The shortcut dz₂ = ŷ − y was used"), "\(dz2)")
        #expect(!dz2.contains { $0.contains("you wrote") })
        // The loss with another target: the diagnosis and its arithmetic, nothing else.
        #expect(block("loss", in: text) == ["✗ loss  wrong",
                                            "    → The loss was computed with the target (1, 0, 0) instead of y = (1, 1, 0):",
                                            "      L = −(1·ln(0.356) + 0·ln(0.179) + 0·ln(0.466)) = 1.033"])
        // A slip names the element, which then follows with its arithmetic.
        let dW2 = block("dW2", in: text)
        #expect(dW2[1].hasPrefix("    → A slip in one element: only dW₂[1,3] is off"), "\(dW2)")
        #expect(Array(dW2.suffix(3)) == ["    dW₂[1,3]: you wrote −0.734",
                                         "        expected          dW₂[1,3] = (−0.6432)·0.9 = −0.5789",
                                         "        from your answers dW₂[1,3] = (−0.821)·0.9 = −0.7389"])
    }

    @Test func aSquareMatrixWrittenTransposedIsExplainedInOneLine() throws {
        // Homework 2's dW₁ (3×3) written as dz·xᵀ: six elements are off, all explained by the transpose.
        let report = try Checker(scenario: Homework.softmaxRegression).check(Homework.softmaxRegressionSeed())
        let dW1 = block("dW1", in: report.text())
        #expect(dW1.first == "✗ dW1     wrong: 6 of 9 elements, 1 carried forward from your earlier answers")
        #expect(dW1.count == 3 && dW1[1].hasPrefix("    → Transposed: rows and columns are swapped."), "\(dW1)")
    }

    @Test func aNonSquareMatrixWrittenTransposedSaysWhetherItsValuesAreRight() throws {
        let checker = Checker(scenario: Homework.reluSoftmax)
        // dW₂ is 3×4 under z = W·x; written as its 4×3 transpose, every value right.
        let right = try checker.check(written(["dW2": "-0.3464 -0.7718 1.1182; 0 0 0; -0.0433 -0.0965 0.1398; -0.2598 -0.5789 0.8387"]))
        let lines = block("dW2", in: right.text())
        #expect(lines.first == "✗ dW2   wrong: written transposed; the values are right")
        #expect(lines.count == 3 && lines[1].hasPrefix("    → Transposed: rows and columns are swapped."), "\(lines)")
        // The same with one value off: the layout first, then the element the layout does not explain.
        let off = try checker.check(written(["dW2": "-0.3464 -0.7718 1.1182; 0 0 0; -0.0433 -0.0965 0.1398; -0.2598 -0.5789 0.8887"]))
        let offLines = block("dW2", in: off.text())
        #expect(offLines.first == "✗ dW2   wrong: written transposed, and 1 of 12 elements wrong even transposed back")
        #expect(offLines[1].hasPrefix("    → Transposed: rows and columns are swapped."))
        #expect(offLines.contains("    dW₂[2,3]: you wrote 0.8887"), "\(offLines)")
    }

    @Test func theDecimalsOptionSetsTheExpectedValuesPrecision() {
        #expect(report.text(style: NumberStyle(decimals: 2)).contains("expected          dW₂[1,3] = (−0.64)·0.9 = −0.58"))
    }

    @Test func jsonForPrograms() throws {
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let document = try #require(object)
        #expect(document["correct"] as? Bool == false)
        #expect(document["summary"] as? [String: Int] == ["correct": 3, "carried-forward": 3, "wrong": 4])
        #expect(document["not-given"] as? [String] == ["W1_new", "W2_new"])
        let quantities = try #require(document["quantities"] as? [[String: Any]])
        #expect(quantities.map { $0["name"] as? String } == ["z1", "a1", "z2", "a2", "loss", "dz2", "dW2", "da1", "dz1", "dW1"])
        let loss = try #require(quantities.first { $0["name"] as? String == "loss" })
        let diagnosis = try #require((loss["diagnoses"] as? [[String: Any]])?.first)
        #expect(diagnosis["kind"] as? String == "different-target")
        #expect(diagnosis["target"] as? [[Double]] == [[1, 0, 0]])
        #expect(diagnosis["with-your-values"] as? Bool == true)
        let dW2 = try #require(quantities.first { $0["name"] as? String == "dW2" })
        let slipped = try #require((dW2["elements"] as? [[String: Any]])?[7])
        #expect(slipped["index"] as? [Int] == [1, 3])
        #expect(slipped["verdict"] as? String == "wrong")
        #expect(slipped["written"] as? Double == -0.734)
        #expect((slipped["from-your-answers"] as? [String: Any])?["equation"] as? String == "dW₂[1,3] = (−0.821)·0.9 = −0.7389")
        let da1 = try #require(quantities.first { $0["name"] as? String == "da1" })
        #expect(da1["carried-from"] as? [String] == ["dz2"])
    }
}
