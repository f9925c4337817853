import Testing
import StepgradEngine
import StepgradNotation
import StepgradScenario
@testable import StepgradHomework

/// Each common mistake, made on purpose with numbers from the NumPy reference
/// (Tests/Reference/homework_reference.txt), and named for what it is.
@Suite struct DiagnosisTests {
    let reluSoftmax = Checker(scenario: Homework.reluSoftmax)
    let softmaxRegression = Checker(scenario: Homework.softmaxRegression)

    @Test func transposedNonSquareMatrixIsAcceptedAsWrittenAndNamed() throws {
        // dW₂ is 3×4 under z = W·x; written as its 4×3 transpose.
        let report = try reluSoftmax.check(written([
            "dW2": "-0.3464 -0.7718 1.1182; 0 0 0; -0.0433 -0.0965 0.1398; -0.2598 -0.5789 0.8387",
        ]))
        let result = try #require(report.result(for: .dW(2)))
        #expect(result.verdict == .wrong)
        #expect(result.writtenTransposed)
        #expect(result.wrongElements.isEmpty)
        #expect(result.findings.map(\.diagnosis) == [.transposed])
    }

    @Test func transposedSquareMatrix() throws {
        // ∇W written as dz·xᵀ (out×in) where z = Wᵀx + b needs x·dzᵀ (in×out).
        let report = try softmaxRegression.check(written([
            "dW1": "0.0041 0.0122 0; -0.9955 -2.9866 0; 0.9915 2.9744 0",
        ]))
        #expect(report.kinds("dW1") == ["transposed"])
        #expect(report.result(for: .dW(1))?.findings.first?.explanation(of: .dW(1), context: report.context, style: NumberStyle())
            .contains("dW₁ = x·dz₁ᵀ") == true)
    }

    @Test func signErrorOfTheWholeQuantity() throws {
        let report = try reluSoftmax.check(written(["dz2": "0.2886 0.6432 -0.9318"]))
        #expect(report.result(for: .dz(2))?.findings.map(\.diagnosis) == [.signError([Cell(0, 0), Cell(0, 1), Cell(0, 2)])])
    }

    @Test func signErrorOfOneElementIsASignErrorNotJustASlip() throws {
        let report = try reluSoftmax.check(written(["z1": "1.2 1.15 0.15 0.9"]))
        #expect(report.result(for: .z(1))?.findings.map(\.diagnosis) == [.signError([Cell(0, 1)])])
    }

    @Test func missingActivationDerivative() throws {
        let report = try reluSoftmax.check(written([
            "da1": "0.2861 -0.3439 0.2441 0.3505",
            "dz1": "0.2861 -0.3439 0.2441 0.3505",
        ]))
        #expect(report.verdict("da1") == .correct)
        #expect(report.result(for: .dz(1))?.findings.map(\.diagnosis) == [.missingActivationDerivative(layer: 1, .relu)])
    }

    @Test func missingActivationDerivativeInAnUnwrittenStep() throws {
        // dz₁ not written; dW₁ = da₁·xᵀ shows the missing relu′.
        let report = try reluSoftmax.check(written([
            "dW1": "0.1431 -0.2861 0.5723; -0.1719 0.3439 -0.6877; 0.122 -0.2441 0.4882; 0.1752 -0.3505 0.7009",
        ]))
        let finding = try #require(report.result(for: .dW(1))?.findings.first)
        #expect(finding.diagnosis == .missingActivationDerivative(layer: 1, .relu))
        #expect(finding.step == .dz(1))
    }

    @Test func shortcutWithATargetThatDoesNotSumToOne() throws {
        let report = try reluSoftmax.check(written(["dz2": "-0.6443 -0.8216 0.4659"]))
        #expect(report.result(for: .dz(2))?.findings.map(\.diagnosis) == [.shortcutWithoutUnitTarget(targetSum: 2)])
    }

    @Test func shortcutInAnUnwrittenStep() throws {
        let report = try reluSoftmax.check(written([
            "dW2": "-0.7732 0 -0.0966 -0.5799; -0.9859 0 -0.1232 -0.7394; 0.5591 0 0.0699 0.4193",
        ]))
        let finding = try #require(report.result(for: .dW(2))?.findings.first)
        #expect(finding.diagnosis == .shortcutWithoutUnitTarget(targetSum: 2))
        #expect(finding.step == .dz(2))
        #expect(finding.explanation(of: .dW(2), context: report.context, style: NumberStyle())
            .contains("(in dz₂, which you did not write and dW₂ was computed from)"))
    }

    @Test func aWrongScalarIsNotCalledASlip() throws {
        let report = try reluSoftmax.check(written(["loss": "3.1"]))
        #expect(report.verdict("loss") == .wrong)
        #expect(report.kinds("loss").isEmpty)
    }

    @Test func updatedWeightsUsedInBackpropagation() throws {
        let report = try reluSoftmax.check(written([
            "dz2": "-0.2886 -0.6432 0.9318",
            "da1": "0.1223 -0.3439 0.2236 0.2276",
        ]))
        #expect(report.verdict("dz2") == .correct)
        #expect(report.result(for: .da(1))?.findings.map(\.diagnosis) == [.updatedWeights(layer: 2)])
    }

    @Test func droppedBias() throws {
        let report = try softmaxRegression.check(written(["z1": "-1.5 -1.4 4"]))
        #expect(report.result(for: .z(1))?.findings.map(\.diagnosis) == [.droppedBias(layer: 1)])
    }

    @Test func lossWithAOneHotTarget() throws {
        let report = try reluSoftmax.check(written(["loss": "1.0337"]))
        let finding = try #require(report.result(for: .loss)?.findings.first)
        #expect(finding.diagnosis == .differentTarget(used: Matrix(row: [1, 0, 0]), actual: Matrix(row: [1, 1, 0])))
        #expect(!finding.withStudentValues || report.result(for: .a(2)) == nil)
    }

    @Test func slipExplainedByOneMisreadNumber() throws {
        // z₂[1] with W₂[1,0] = −0.2 read as +0.2: −0.015.
        let report = try reluSoftmax.check(written(["z2": "0.195 -0.015 0.465"]))
        let finding = try #require(report.result(for: .z(2))?.findings.first)
        guard case .slip(let cell, let misreads) = finding.diagnosis else { Issue.record("not a slip: \(finding)"); return }
        #expect(cell == Cell(0, 1))
        #expect(misreads.contains { $0.reference == CellReference(.W(2), Cell(1, 0)) && $0.actual == -0.2 && $0.read == 0.2 })
        #expect(finding.explanation(of: .z(2), context: report.context, style: NumberStyle())
            .contains("reading W₂[1,0] = −0.2 as 0.2"))
    }

    @Test func slipWithoutAnExplanationSaysSo() throws {
        let report = try reluSoftmax.check(written(["z2": "0.195 -0.445 0.465"]))
        let text = try #require(report.result(for: .z(2))?.findings.first?.explanation(of: .z(2), context: report.context, style: NumberStyle()))
        #expect(text.contains("No single misread number explains it"))
    }

    @Test func severalUnrelatedErrorsGetNoInventedDiagnosis() throws {
        let report = try reluSoftmax.check(written(["z1": "1.3 -1.15 0.55 0.1"]))
        #expect(report.verdict("z1") == .wrong)
        #expect(report.kinds("z1").isEmpty)
        #expect(report.text().contains("No common mistake explains it"))
    }
}

/// Mistakes in the optimizer's state, on the careful student's momentum exercise (weight decay
/// λ = 0.01, μ = 0.9): bufW2 written as dW2, without λ·W2.
@Suite struct OptimizerStateDiagnosisTests {
    @Test func weightDecayLeftOutOfTheMomentumBuffer() throws {
        let directory = CarefulStudentTests.directory
        let scenario = try ScenarioLoader.load(path: directory.appendingPathComponent("relu-softmax.momentum.yaml").path)
        var answers = try AnswersLoader.load(path: directory.appendingPathComponent("relu-softmax.momentum.careful.answers.yaml").path,
                                             for: scenario)
        answers.values[Quantity.state(.buf, of: .W(2))] = answers.values[.dW(2)]
        let report = try Checker(scenario: scenario).check(answers)
        #expect(report.kinds("bufW2") == ["missing-weight-decay"])
        let text = report.text()
        #expect(text.contains("→ The weight decay is missing: the optimizer steps along dW₂ + λ·W₂, not dW₂ alone."), "\(text)")
    }

    @Test func adamsBiasCorrectionForgotten() throws {
        let directory = CarefulStudentTests.directory
        let scenario = try ScenarioLoader.load(path: directory.appendingPathComponent("tanh-softmax.adam.yaml").path)
        let answers = try AnswersLoader.load(path: directory.appendingPathComponent("tanh-softmax.adam.own-state-mistake.answers.yaml").path,
                                             for: scenario)
        let report = try Checker(scenario: scenario).check(answers)
        #expect(report.kinds("mhatW2") == ["no-bias-correction"])
        #expect(report.verdict("W2_new") == .carriedForward)
        #expect(report.text().contains("→ The bias correction is missing: m̂(W₂) = m(W₂)/(1 − β₁ᵗ) = m(W₂)/0.1, not m(W₂) itself."))
    }
}
