import Foundation
import Testing
import StepgradEngine
import StepgradNotation
import StepgradScenario
@testable import StepgradHomework

/// A batch of two samples: per-sample quantities have a row per sample, or a column per sample
/// as many courses write them. Numbers: Tests/Reference/homework_reference.txt (NumPy).
@Suite struct BatchTests {
    let checker = Checker(scenario: Scenario(
        title: "Batch of two",
        network: Network(inputs: 3, layers: [Layer(units: 3, activation: .tanh), Layer(units: 2, activation: .sigmoid)],
                         loss: .mse, optimizer: .sgd(.init(learningRate: 0.5))),
        parameters: Parameters(weights: [Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.2, 0.1, 0.3]]),
                                         Matrix([[0.3, -0.2, 0.1], [0.5, 0.1, -0.4]])],
                               biases: [Matrix(row: [0.1, -0.1, 0.2]), Matrix(row: [0.05, 0])]),
        batch: Batch(input: Matrix([[0.5, -1, 2], [1, 0.5, -0.5]]), target: Matrix([[0.2, 0.9], [0.7, 0.1]]))))

    @Test func samplesAsRowsOrAsColumns() throws {
        let report = try checker.check(written([
            "z1": "1.3 -1.25 0.6; -0.05 0.35 -0.1",              // rows are samples
            "a1": "0.8617 -0.05; -0.8483 0.3364; 0.537 -0.0997", // columns are samples
            "a2": "0.6299 0.5328; 0.4894 0.5121",
            "loss": "0.1335",
            "dz2": "0.0501 -0.0457; -0.0263 0.0515",
            "dW2": "0.0445 -0.0514 0.0295; -0.042 0.0561 -0.0297",
            "db2": "0.0238 0.0058",
            "dz1": "-0.002 -0.0041 0.0166; 0.0178 0.0092 -0.023",
            "dW1": "0.0168 0.0109 -0.0129; 0.0072 0.0087 -0.0128; -0.0147 -0.0281 0.0446",
        ]))
        #expect(report.results.allSatisfy { $0.verdict == .correct }, "\(report.text())")
        #expect(report.result(for: .a(1))?.writtenTransposed == true)
    }

    /// A diagnosis writes a batch's values as explain draws them, one column per sample (the
    /// stored matrix has a row per sample), so that z₁[j,s] is row j, column s there too.
    @Test func aDiagnosisWritesSamplesAsColumns() {
        let style = NumberStyle()
        #expect(Format.samples(Matrix([[1, 2, 3], [4, 5, 6]]), style) == "[1, 4; 2, 5; 3, 6]")
        #expect(Format.samples(Matrix([[1, 2, 3]]), style) == "(1, 2, 3)")
        #expect(Format.samples(Matrix([[1], [2]]), style) == "(1, 2)")
    }

    @Test func aMistakeInOneSampleIsNamedWithItsSample() throws {
        let report = try checker.check(written(["z1": "1.3 -1.25 0.6; -0.05 0.45 -0.1"]))
        #expect(report.wrongCells("z1") == [Cell(1, 1)])
        #expect(report.text().contains("z₁[1,1]: you wrote 0.45"))
    }
}

/// Four samples of four hidden units: as `explain` shows them, one column per sample.
/// By hand from Assets/exercises/04-xor-tanh.yaml: z₁ = W₁·x + 0 for x = (0,0), (0,1), (1,0), (1,1).
@Suite struct SquareBatchTests {
    let checker = Checker(scenario: Homework.exercise("04-xor-tanh.yaml"))
    // Rows: units; columns: samples.
    let asShown = "0 -0.97 -0.22 -1.19; 0 0.17 0.8 0.97; 0 -0.5 -0.1 -0.6; 0 -0.34 -0.06 -0.4"

    @Test func samplesAsColumnsAreReadAsSuch() throws {
        let report = try checker.check(written(["z1": asShown]))
        #expect(report.verdict("z1") == .correct)
        #expect(report.result(for: .z(1))?.writtenTransposed == true)
    }

    @Test func samplesAsRowsToo() throws {
        let rows = "0 0 0 0; -0.97 0.17 -0.5 -0.34; -0.22 0.8 -0.1 -0.06; -1.19 0.97 -0.6 -0.4"
        let report = try checker.check(written(["z1": rows]))
        #expect(report.verdict("z1") == .correct)
        #expect(report.result(for: .z(1))?.writtenTransposed == false)
    }

    @Test func aSlipIsNamedAtItsSampleAndUnit() throws {
        // Unit 1 of sample 3 written 0.79 for 0.97.
        let slipped = asShown.replacingOccurrences(of: "0.8 0.97", with: "0.8 0.79")
        let report = try checker.check(written(["z1": slipped]))
        #expect(report.wrongCells("z1") == [Cell(3, 1)])
        #expect(report.kinds("z1") == ["slip"])
    }
}
