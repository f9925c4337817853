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
            "    L: you wrote 1.032",
            "        expected          L = −(1·ln(0.3557) + 1·ln(0.1784) + 0·ln(0.4659)) = 2.7575",
            "        from your answers L = −(1·ln(0.356) + 1·ln(0.179) + 0·ln(0.466)) = 2.7532",
            "    → The loss was computed with the target (1, 0, 0) instead of y = (1, 1, 0):",
            "      L = −(1·ln(0.356) + 0·ln(0.179) + 0·ln(0.466)) = 1.0328",
            "        from your answers dz₂[0] = 0.356·2 − 1 = −0.288",
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

    @Test func theDecimalsOptionSetsTheExpectedValuesPrecision() {
        #expect(report.text(style: NumberStyle(decimals: 2)).contains("expected          L = −(1·ln(0.36) + 1·ln(0.18) + 0·ln(0.47)) = 2.76"))
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
