import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// Every mistake in the two seed homework solutions, found and explained, and follow-through
/// credit where later steps agree with the student's own earlier numbers.
/// Exact and follow-through numbers: Tests/Reference/homework_reference.txt (NumPy).
@Suite struct SeedHomeworkTests {
    /// Homework 1 (seed 000), line by line:
    /// z₁, h = a₁ right; z₂[1] written −0.445 for −0.495 (a slip: the ŷ that follows uses −0.495);
    /// ŷ right to the precision written (0.179 for 0.1784 after rounding e^z to 3 places);
    /// L = 1.032 = −ln 0.356 uses target (1,0,0) though y = (1,1,0);
    /// dz₂ = ŷ − y although y sums to 2;
    /// dW₂ follows from that dz₂ except dW₂[1,3] = −0.734 for −0.821·0.9 = −0.7389 (a slip);
    /// ∂L/∂h = da₁, dz₁ and dW₁ follow through from the student's dz₂.
    @Test func reluSoftmaxSeed000() throws {
        let report = try Checker(scenario: Homework.reluSoftmax).check(Homework.reluSoftmaxSeed())
        #expect(report.hasMistakes)
        #expect(report.verdict("z1") == .correct)
        #expect(report.verdict("a1") == .correct)

        #expect(report.verdict("z2") == .wrong)
        #expect(report.wrongCells("z2") == [Cell(0, 1)])
        #expect(report.result(for: .z(2))?.findings.map(\.diagnosis) == [.slip(Cell(0, 1), misreads: [])])
        #expect(abs((report.result(for: .z(2))?.elements[1].expected ?? 0) - -0.495) < 1e-12)

        #expect(report.verdict("a2") == .correct)

        #expect(report.verdict("loss") == .wrong)
        let loss = try #require(report.result(for: .loss)?.findings.first)
        #expect(loss.diagnosis == .differentTarget(used: Matrix(row: [1, 0, 0]), actual: Matrix(row: [1, 1, 0])))
        #expect(loss.withStudentValues)
        #expect(abs((loss.alternative?.elements[0] ?? 0) - 1.032825) < 1e-6)

        #expect(report.verdict("dz2") == .wrong)
        #expect(report.wrongCells("dz2").count == 3)
        #expect(report.result(for: .dz(2))?.findings.map(\.diagnosis) == [.shortcutWithoutUnitTarget(targetSum: 2)])

        #expect(report.verdict("dW2") == .wrong)
        #expect(report.wrongCells("dW2") == [Cell(1, 3)])
        #expect(report.kinds("dW2") == ["slip"])
        let slipped = try #require(report.result(for: .dW(2))?.elements[7])
        #expect(abs((slipped.carriedForward?.value ?? 0) - -0.7389) < 1e-9)
        #expect(report.result(for: .dW(2))?.elements.filter { $0.verdict == .carriedForward }.count == 8)

        #expect(report.verdict("da1") == .carriedForward)
        #expect(report.result(for: .da(1))?.carriedFrom == [.dz(2)])
        #expect(report.verdict("dz1") == .carriedForward)
        #expect(report.verdict("dW1") == .carriedForward)
        #expect(report.notGiven == [.W_new(1), .W_new(2)])
    }

    /// Homework 2 (seed 003), line by line:
    /// z = Wᵀx + b right; ŷ₀ = 0.003 for 0.00405 (e^−1.4 taken as 0.24, then 0.0039 cut to 0.003);
    /// ŷ₁, ŷ₂ right; ∇z = ŷ − y follows from that ŷ (y is one-hot, so the shortcut holds);
    /// ∇W written dz·xᵀ, out×in, the transpose of W's in×out layout under z = Wᵀx + b;
    /// ∇b follows from ∇z; the W update uses that transposed gradient consistently, and the b
    /// update follows from ∇b.
    @Test func softmaxRegressionSeed003() throws {
        let report = try Checker(scenario: Homework.softmaxRegression).check(Homework.softmaxRegressionSeed())
        #expect(report.hasMistakes)
        #expect(report.verdict("z1") == .correct)

        #expect(report.verdict("a1") == .wrong)
        #expect(report.wrongCells("a1") == [Cell(0, 0)])
        #expect(report.kinds("a1") == ["slip"])

        #expect(report.verdict("dz1") == .carriedForward)
        #expect(report.result(for: .dz(1))?.carriedFrom == [.a(1)])

        #expect(report.verdict("dW1") == .wrong)
        let transposed = try #require(report.result(for: .dW(1))?.findings.first)
        #expect(transposed.diagnosis == .transposed)
        #expect(transposed.withStudentValues)
        #expect(report.result(for: .dW(1))?.findings.count == 1)

        #expect(report.verdict("db1") == .carriedForward)
        #expect(report.verdict("W1_new") == .carriedForward)
        let update = try #require(report.result(for: .W_new(1)))
        // W − 0.1·(the student's dz·xᵀ): row 1 is −0.6 + 0.0996 = −0.5004, written −0.501.
        #expect(abs((update.elements[3].carriedForward?.value ?? 0) - -0.5004) < 1e-9)
        #expect(update.elements[3].verdict == .carriedForward)
        #expect(report.verdict("b1_new") == .carriedForward)
        #expect(report.notGiven == [.loss])
    }

    /// The answer files hold the numbers as the student wrote them, precision included.
    @Test func theAnswerFilesKeepWhatWasWritten() throws {
        let hw1 = try Homework.reluSoftmaxSeed(), hw2 = try Homework.softmaxRegressionSeed()
        #expect(hw1.values.count == 10)
        #expect(hw1.values[.dW(2)]?.rows[0] == [-0.773, 0, -0.0966, -0.58])
        #expect(hw1.values[.dW(2)]?.decimals[0] == [3, 0, 4, 2])
        #expect(hw1.values[.z(2)]?.rows == [[0.195, -0.445, 0.465]])
        #expect(hw1.values[.loss]?.rows == [[1.032]])
        #expect(hw2.values.count == 7)
        #expect(hw2.values[.dW(1)]?.rows == [[0.003, 0.009, 0], [-0.996, -2.988, 0], [0.991, 2.973, 0]])
        #expect(hw2.values[.b_new(1)]?.decimals == [[4, 4, 4]])
    }

    /// A worked solution from the NumPy reference, rounded to 4 decimals, is correct throughout.
    @Test func aRightSolutionIsCorrect() throws {
        let answers = written([
            "z1": "1.2 -1.15 0.15 0.9", "a1": "1.2 0 0.15 0.9", "z2": "0.195 -0.495 0.465",
            "a2": "0.3557 0.1784 0.4659", "loss": "2.7575", "dz2": "-0.2886 -0.6432 0.9318",
            "dW2": "-0.3464 0 -0.0433 -0.2598; -0.7718 0 -0.0965 -0.5789; 1.1182 0 0.1398 0.8387",
            "da1": "0.2861 -0.3439 0.2441 0.3505", "dz1": "0.2861 0 0.2441 0.3505",
            "dW1": "0.1431 -0.2861 0.5723; 0 0 0; 0.122 -0.2441 0.4882; 0.1752 -0.3505 0.7009",
            "W1_new": "0.1857 -0.2714 0.3428; 0.1 0.2 -0.5; -0.3122 0.1244 0.1512; 0.3825 -0.065 0.2299",
            "W2_new": "0.1346 0.2 -0.0957 0.126; -0.1228 0.3 0.1096 -0.2421; 0.0882 -0.1 0.286 0.1161",
        ])
        let report = try Checker(scenario: Homework.reluSoftmax).check(answers)
        #expect(!report.hasMistakes)
        #expect(report.results.allSatisfy { $0.verdict == .correct })
        #expect(report.notGiven.isEmpty)
    }
}
