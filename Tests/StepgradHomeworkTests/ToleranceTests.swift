import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// The precision rule at its edges (see `Tolerance`). Exact values from the NumPy reference:
/// ŷ = (0.355677, 0.178399, 0.465924), L = 2.757465.
@Suite struct ToleranceTests {
    let checker = Checker(scenario: Homework.reluSoftmax)

    func verdicts(_ entries: KeyValuePairs<String, String>, _ name: String) throws -> [Verdict] {
        try checker.check(written(entries)).result(for: Quantity(name: name)!)?.elements.map(\.verdict) ?? []
    }

    @Test func halfAUnitPlusHalfForRoundedPartialResults() throws {
        // Softmax rounds e^z and Σe^z on the way: 0.179 is 0.0006 from 0.178399, inside one unit of
        // the third decimal; 0.180 is 0.0016 away.
        #expect(try verdicts(["a2": "0.356 0.179 0.466"], "a2") == [.correct, .correct, .correct])
        #expect(try verdicts(["a2": "0.356 0.180 0.466"], "a2") == [.correct, .wrong, .correct])
        // Written to 2 decimals the allowance is 0.01.
        #expect(try verdicts(["a2": "0.36 0.17 0.47"], "a2") == [.correct, .correct, .correct])
        #expect(try verdicts(["a2": "0.34 0.19 0.48"], "a2") == [.wrong, .wrong, .wrong])
    }

    @Test func exactPartialResultsAllowOnlyTheAnswersOwnRounding() throws {
        // z = Wᵀx + b = 0.3 − 1.8 + 0.1 = −1.4 has no partial result to round: at 1 decimal,
        // −1.5 is wrong, not "one unit off".
        let checker = Checker(scenario: Homework.softmaxRegression)
        let report = try checker.check(written(["z1": "-1.5 -1.3 4.1"]))
        #expect(report.result(for: .z(1))?.elements.map(\.verdict) == [.wrong, .correct, .correct])
    }

    @Test func theEdgeIsHalfAUnitForASingleProduct() throws {
        // dW₁[3,0] = dz₁[3]·x₀ = 0.275·0.5 = 0.1375, a single product: 0.137 and 0.138 are both
        // exactly half a unit away and accepted; 0.136 and 0.139 are not.
        func verdict(_ element: String) throws -> Verdict {
            try verdicts(["dz1": "0.193 0 0.122 0.275",
                          "dW1": "0.0965 -0.193 0.386; 0 0 0; 0.061 -0.122 0.244; \(element) -0.275 0.55"], "dW1")[9]
        }
        #expect(try verdict("0.137") == .carriedForward)
        #expect(try verdict("0.138") == .carriedForward)
        #expect(try verdict("0.136") == .wrong)
        #expect(try verdict("0.139") == .wrong)
    }

    @Test func roundingCarriedFromEarlierAnswersWidensTheAllowance() throws {
        // From ŷ rounded to (0.36, 0.18, 0.47) the loss is 2.73645, 0.021 from exact: within the
        // rounding the correct ŷ carries (|∂L/∂ŷ₀|·0.0043 + |∂L/∂ŷ₁|·0.0016 ≈ 0.0211, plus 0.001).
        let report = try checker.check(written(["a2": "0.36 0.18 0.47", "loss": "2.736"]))
        #expect(report.verdict("a2") == .correct)
        #expect(report.verdict("loss") == .correct)
        // Without the rounded ŷ written, nothing is carried: 2.736 is simply wrong.
        #expect(try checker.check(written(["loss": "2.736"])).verdict("loss") == .wrong)
    }

    @Test func aWrongEarlierAnswerCarriesNoRoundingButEarnsFollowThrough() throws {
        // ŷ₀ = 0.346 is wrong (0.0097 off). L = 2.782 is not passed as correct by an allowance
        // widened by that error; it follows from 0.346: −ln 0.346 − ln 0.179 = 2.781686.
        let report = try checker.check(written(["a2": "0.346 0.179 0.466", "loss": "2.782"]))
        #expect(report.verdict("a2") == .wrong)
        #expect(report.verdict("loss") == .carriedForward)
    }

    @Test func wholeNumbersAreJudgedAtTheAnswersFinestPrecision() throws {
        // "1" among 2-decimal numbers is judged as 1.00, so it is not 1.2.
        #expect(try verdicts(["z1": "1 -1.15 0.15 0.9"], "z1") == [.wrong, .correct, .correct, .correct])
        // "0" is exactly right where the value is 0.
        #expect(try verdicts(["a1": "1.2 0 0.15 0.9"], "a1") == [.correct, .correct, .correct, .correct])
    }

    @Test func decimalsFollowTheWrittenText() {
        #expect(Tolerance.effectiveDecimals([3, 0, 4, 2]) == [3, 4, 4, 2])
        #expect(Tolerance.effectiveDecimals([0, 0]) == [0, 0])
        #expect(Tolerance.accepts(0.138, 0.1375, within: 0.0005))
        #expect(!Tolerance.accepts(0.1381, 0.1375, within: 0.0005))
        #expect(!Tolerance.accepts(.nan, 0.1, within: 1))
    }
}

/// The fair-marking rules of issue 10, each on the smallest exercise that shows it. Exact values
/// worked out by hand (and by Tests/Reference/careful_student.py for the answer files).
@Suite struct FairMarkingTests {
    static func oneUnit(_ activation: String, weight: Double) throws -> Checker {
        Checker(scenario: try ScenarioLoader.parse("""
            input: [1]
            target: [1]
            layers: [{units: 1, activation: \(activation), weights: [[\(weight)]], bias: false}]
            loss: half-sse
            """))
    }

    @Test func sigmoidIsWorkedOutThroughEToTheMinusZ() throws {
        // σ(0.52) = 0.627148; by hand 1/(1 + e^−0.52) = 1/(1 + 0.5945) = 0.62716 → 0.6272, 0.000052
        // away: more than half a unit of the 4th decimal, within the allowance for rounding e^−z.
        let checker = try Self.oneUnit("sigmoid", weight: 0.52)
        #expect(try checker.check(written(["a1": "0.6272"])).verdict("a1") == .correct)
        #expect(try checker.check(written(["a1": "0.6273"])).verdict("a1") == .wrong)
    }

    @Test func tanhIsWorkedOutThroughEToTheZ() throws {
        // tanh(−0.22) = −0.216518; by hand (0.803 − 1.246)/(0.803 + 1.246) = −0.21620 → −0.216.
        let checker = try Self.oneUnit("tanh", weight: -0.22)
        #expect(try checker.check(written(["a1": "-0.216"])).verdict("a1") == .correct)
        #expect(try checker.check(written(["a1": "-0.215"])).verdict("a1") == .wrong)
        // tanh(0) = 0 involves e⁰ = 1 only: no partial result to round, so 0.001 is wrong.
        let zero = try Self.oneUnit("tanh", weight: 0)
        #expect(try zero.check(written(["a1": "0.000"])).verdict("a1") == .correct)
        #expect(try zero.check(written(["a1": "0.001"])).verdict("a1") == .wrong)
    }

    @Test func followThroughAllowsTheRoundingOfTheStudentsOwnNumbers() throws {
        // Homework 2 (x = (1, 3, 0)): ŷ₀ = 0.003 is wrong (exact 0.004052), so dz₁₀ = 0.003 − 0 is
        // carried forward. The student worked with ŷ₀ ≈ 0.0034, which they wrote as 0.003, so
        // dW₁[1,0] = 3·0.0034 = 0.0102 → 0.010. From the written 0.003 it is 0.009: the written
        // number stands for anything from 0.0025 to 0.0035, so 3·that is 0.0075…0.0105 (plus half a
        // unit for rounding the answer), and 0.010 is carried forward; 0.006 is not.
        let checker = Checker(scenario: Homework.softmaxRegression)
        func dW1(_ element: String) throws -> Verdict? {
            try checker.check(written(["a1": "0.003 0.004 0.991", "dz1": "0.003 -0.996 0.991",
                                       "dW1": "0.003 -0.996 0.991; \(element) -2.987 2.974; 0 0 0"]))
                .result(for: .dW(1))?.elements[3].verdict
        }
        #expect(try dW1("0.010") == .carriedForward)
        #expect(try dW1("0.011") == .carriedForward)
        #expect(try dW1("0.012") == .correct)
        #expect(try dW1("0.006") == .wrong)
    }
}
