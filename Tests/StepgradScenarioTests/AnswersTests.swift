import Testing
import StepgradEngine
@testable import StepgradScenario

@Suite struct AnswersTests {
    /// The 3-4-3 homework (no biases) with the student's answers, as written in the handwritten solution.
    static let homework = """
        input: [0.5, -1, 2]
        target: [1, 1, 0]
        layers:
          - units: 4
            activation: relu
            bias: false
            weights: [[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]
          - units: 3
            activation: softmax
            bias: false
            weights: [[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]
        loss: cross-entropy
        answers:
          z1: [1.2, -1.15, 0.15, 0.9]
          a2: [0.356, 0.179, 0.466]
          loss: 1.032
          dW2:
            - [-0.773, 0, -0.0966, -0.58]
            - [-0.985, 0, -0.123, -0.734]
            - [0.559, 0, 0.0699, 0.419]
          dz1: [2.50, 1e-3, 2, -0]
          W1_new:
        """

    static var scenario: Scenario { get throws { try ScenarioLoader.parse(homework, path: "hw.yaml") } }

    @Test func valuesKeepTheDecimalsAsWritten() throws {
        let answers = try #require(try Self.scenario.answers)
        #expect(answers.path == "hw.yaml")
        #expect(Set(answers.values.keys) == [.z(1), .a(2), .loss, .dW(2), .dz(1)])
        #expect(answers.values[.z(1)] == Answers.Value(rows: [[1.2, -1.15, 0.15, 0.9]], decimals: [[1, 2, 2, 1]], line: 14))
        #expect(answers.values[.a(2)] == Answers.Value(rows: [[0.356, 0.179, 0.466]], decimals: [[3, 3, 3]], line: 15))
        #expect(answers.values[.loss] == Answers.Value(rows: [[1.032]], decimals: [[3]], line: 16))
        #expect(answers.values[.dW(2)] == Answers.Value(
            rows: [[-0.773, 0, -0.0966, -0.58], [-0.985, 0, -0.123, -0.734], [0.559, 0, 0.0699, 0.419]],
            decimals: [[3, 0, 4, 2], [3, 0, 3, 3], [3, 0, 4, 3]], line: 18))
        #expect(answers.values[.dz(1)] == Answers.Value(rows: [[2.5, 0.001, 2, 0]], decimals: [[2, 3, 0, 0]], line: 21))
    }

    @Test func separateFileHoldsTheSameKeys() throws {
        let scenario = try Self.scenario
        let text = "# my answers\nz1: [1.2, 0, 0.15, 0.9]\nloss: 1.03\n"
        let answers = try AnswersLoader.parse(text, path: "mine.yaml", for: scenario)
        #expect(answers.path == "mine.yaml")
        #expect(answers.values == [.z(1): .init(rows: [[1.2, 0, 0.15, 0.9]], decimals: [[1, 0, 2, 1]], line: 2),
                                   .loss: .init(rows: [[1.03]], decimals: [[2]], line: 3)])
    }

    @Test func perSampleValuesAreRowsPerSample() throws {
        let xor = try ScenarioLoader.load(path: Exercises.resolve("xor-tanh"))
        let answers = try AnswersLoader.parse("a2: [[0.5], [0.65], [0.52], [0.65]]\ndb2: [0.05]\n", path: nil, for: xor)
        #expect(answers.values[.a(2)]?.rows == [[0.5], [0.65], [0.52], [0.65]])
        #expect(answers.values[.db(2)]?.decimals == [[2]])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var line: Int?
        var column: Int?
        var message: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "dw1: [[0]]", line: 1, column: 1, message: "unknown quantity 'dw1'; did you mean 'dW1'?"),
        Case(text: "W1new: [[0]]", line: 1, column: 1, message: "unknown quantity 'W1new'; did you mean 'W1_new'?"),
        Case(text: "z_1: [1]", line: 1, column: 1, message: "unknown quantity 'z_1'; did you mean 'z1'?"),
        Case(text: "gradient: 1", line: 1, column: 1,
             message: "unknown quantity 'gradient' (answers are named like z1, a1, loss, dz2, dW1, db1, W1_new)"),
        Case(text: "loss: 1\nb1_new: [0, 0, 0, 0]", line: 2, column: 1, message: "layer 1 has no bias, so there is no b1_new"),
        Case(text: "db2: [0, 0, 0]", line: 1, column: 1, message: "layer 2 has no bias, so there is no db2"),
        Case(text: "z5: [1]", line: 1, column: 1, message: "the network has 2 layers, so there is no z5"),
        Case(text: "W1: [[0]]", line: 1, column: 1, message: "W1 is given by the scenario, not computed"),
        Case(text: "x: [0.5, -1, 2]", line: 1, column: 1, message: "x is given by the scenario, not computed"),
        Case(text: "z1: [1.2, -1.15, 0.15]", line: 1, column: 5,
             message: "'z1' is 1×3, but z1 is 1×4 (1 sample × 4 units)"),
        Case(text: "loss: [1.0, 2.0]", line: 1, column: 7, message: "'loss' is 1×2, but loss is a single number"),
        Case(text: "a1: [1.2, zero, 0.15, 0.9]", line: 1, column: 11,
             message: "expected a number for 'a1', found the string 'zero'"),
        Case(text: "loss: .nan", line: 1, column: 7, message: "'loss' must be a finite number, found .nan"),
        Case(text: "dW2: [[1, 2], [3]]", line: 1, column: 15, message: "row 2 of 'dW2' has 1 number, but row 1 has 2"),
        Case(text: "- z1", line: 1, column: 1, message: "an answers file must be a mapping of quantity names to values"),
        Case(text: "", line: 1, column: 1, message: "the answers file is empty"),
        Case(text: "z1: [1, 2, 3, 4]\nz1: [1, 2, 3, 4]", line: 1, column: 1, message: "duplicate key 'z1'"),
    ]

    /// A transposed matrix or a column vector is a mistake for the checker to diagnose, so it is
    /// read as written rather than refused as bad input.
    @Test func transposedValuesAreKeptAsWritten() throws {
        let answers = try AnswersLoader.parse("z1:\n  - [1.2]\n  - [-1.15]\n  - [0.15]\n  - [0.9]\n"
                                              + "dW1: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]\n",
                                              path: "answers.yaml", for: Self.scenario)
        #expect(answers.values[.z(1)]?.rows == [[1.2], [-1.15], [0.15], [0.9]])
        #expect(answers.values[.dW(1)]?.rows.count == 3)
        #expect(answers.values[.dW(1)]?.rows.first == [1, 2, 3, 4])
    }

    @Test(arguments: cases)
    func reportsError(_ errorCase: Case) throws {
        let scenario = try Self.scenario
        #expect {
            try AnswersLoader.parse(errorCase.text, path: "mine.yaml", for: scenario)
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.path == "mine.yaml" && error.line == errorCase.line && error.column == errorCase.column
                && error.message.contains(errorCase.message)
        }
    }

    @Test func perSampleShapeNamesTheBatch() throws {
        let xor = try ScenarioLoader.load(path: Exercises.resolve("xor-tanh"))
        let error = #expect(throws: ScenarioError.self) {
            try AnswersLoader.parse("z1: [0, 0, 0, 0]", path: nil, for: xor)
        }
        #expect(error?.message == "'z1' is 1×4, but z1 is 4×4 (one row per sample: 4 samples × 4 units)")
    }

    @Test func inlineAnswersErrorsPointIntoTheScenario() throws {
        let text = Self.homework.replacingOccurrences(of: "  loss: 1.032", with: "  los: 1.032")
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(text, path: "hw.yaml") }
        #expect(error?.description == "hw.yaml:16:3: unknown quantity 'los'; did you mean 'loss'?")
    }
}

/// The optimizer's state may be answered, laid out like its parameter; what an exercise does not
/// compute (no momentum, a frozen bias, a value carried in) is refused with the reason.
@Suite struct OptimizerStateAnswersTests {
    static func scenario(optimizer: String, frozen: String = "[]") throws -> Scenario {
        try ScenarioLoader.parse("""
            input: [0.05, 0.10]
            target: [0.99]
            layers:
              - {units: 2, activation: sigmoid, weights: [[0.15, 0.20], [0.25, 0.30]], bias: [0.35, 0.35], frozen: \(frozen)}
              - {units: 1, activation: sigmoid, weights: [[0.40, 0.45]], bias: [0.60]}
            loss: half-sse
            optimizer: \(optimizer)
            """, path: "ex.yaml")
    }

    func refusal(_ text: String, _ scenario: Scenario) -> String {
        do {
            _ = try AnswersLoader.parse(text, path: "a.yaml", for: scenario)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test func stateIsLaidOutLikeItsParameter() throws {
        let adam = try Self.scenario(optimizer: "{name: adam}")
        let answers = try AnswersLoader.parse("mW1: [[0.1, 0.2], [0.3, 0.4]]\nvhatb2: [0.001]\n", path: "a.yaml", for: adam)
        #expect(answers.values[Quantity.state(.m, of: .W(1))]?.rows == [[0.1, 0.2], [0.3, 0.4]])
        #expect(answers.values[Quantity.state(.vhat, of: .b(2))]?.decimals == [[3]])
        #expect(refusal("mW1: [0.1, 0.2]\n", adam).contains("'mW1' is 1×2, but mW1 is 2×2"))
        let momentum = try Self.scenario(optimizer: "{name: sgd, momentum: 0.9}")
        #expect(refusal("bufb1: [0.1, 0.2]\n", momentum) == "accepted")
        #expect(refusal("mW1: [[0.1, 0.2], [0.3, 0.4]]\n", momentum).contains("mW1 is not computed: its optimizer keeps no moments (adam)"))
        #expect(refusal("bufW1_prev: [[0.1, 0.2], [0.3, 0.4]]\n", momentum).contains("bufW1_prev is given by the scenario"))
        let plain = try Self.scenario(optimizer: "{name: sgd}")
        #expect(refusal("bufW1: [[0.1, 0.2], [0.3, 0.4]]\n", plain).contains("its optimizer keeps no momentum buffers"))
    }

    @Test func aFrozenParameterHasNoGradientUpdateOrState() throws {
        let frozen = try Self.scenario(optimizer: "{name: sgd, momentum: 0.9}", frozen: "[bias]")
        #expect(refusal("bufb1: [0.1, 0.2]\n", frozen).contains("layer 1's bias is frozen, so there is no bufb1"))
        #expect(refusal("b1_new: [0.1, 0.2]\n", frozen).contains("layer 1's bias is frozen, so there is no b1_new"))
        #expect(refusal("db2: [0.1]\n", frozen) == "accepted")
    }
}
