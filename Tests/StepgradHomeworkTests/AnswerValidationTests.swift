import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradHomework

/// Answers that cannot be judged get one clear line naming file, line and key — never a trap.
@Suite struct AnswerValidationTests {
    let checker = Checker(scenario: Homework.reluSoftmax)

    func failure(_ answers: Answers) -> AnswerError? {
        do {
            _ = try checker.check(answers)
            return nil
        } catch {
            return error
        }
    }

    @Test func aQuantityTheExerciseDoesNotHaveGetsASuggestion() throws {
        let error = try #require(failure(written(["z1": "1.2 -1.15 0.15 0.9", "z3": "1 2 3"], path: "hw.yaml")))
        #expect(error.key == "z3")
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("hw.yaml:2: z3: not a quantity of this exercise; did you mean 'z"))
    }

    @Test func aBiasGradientWhereThereIsNoBias() throws {
        let error = try #require(failure(written(["db2": "0.1 0.2 0.3"])))
        #expect(error.description.contains("db2: not a quantity of this exercise; did you mean"))
    }

    @Test func aMatrixOfTheWrongShape() throws {
        let error = try #require(failure(written(["dW2": "1 2 3 4; 5 6 7 8"], path: "hw.yaml")))
        #expect(error.description == "hw.yaml:1: dW2: expected a 3×4 matrix, got 2×4")
    }

    @Test func aVectorWithTheWrongCount() throws {
        let error = try #require(failure(written(["z1": "1.2 -1.15 0.15"], path: "hw.yaml")))
        #expect(error.description == "hw.yaml:1: z1: expected 4 numbers, got 3 (1×3)")
    }

    @Test func raggedRows() throws {
        let error = try #require(failure(written(["dW2": "1 2 3 4; 5 6 7; 1 2 3 4"], path: "hw.yaml")))
        #expect(error.description == "hw.yaml:1: dW2: row 2 has 3 numbers but row 1 has 4")
    }

    @Test func numbersThatAreNotFinite() throws {
        let answers = Answers(values: [.z(1): .init(rows: [[1.2, .nan, 0.15, 0.9]], decimals: [[1, 0, 2, 1]], line: 4)],
                              path: "hw.yaml")
        let error = try #require(failure(answers))
        #expect(error.description == "hw.yaml:4: z1: row 1, number 2 is not a finite number")
    }

    @Test func anEmptyValue() throws {
        let answers = Answers(values: [.loss: .init(rows: [], decimals: [], line: 7)], path: "hw.yaml")
        #expect(failure(answers)?.description == "hw.yaml:7: loss: no numbers given")
    }

    @Test func aColumnVectorIsTheSameVector() throws {
        let answers = Answers(values: [.z(1): .init(rows: [[1.2], [-1.15], [0.15], [0.9]], decimals: [[1], [2], [2], [1]])])
        #expect(try checker.check(answers).verdict("z1") == .correct)
    }

    @Test func dataGivenByTheExerciseIsNotAnAnswer() throws {
        let error = try #require(failure(written(["W2": "0.1 0.2 -0.1 0.1; 0.2 0.3 0.1 -0.3; 0.2 -0.1 0.3 0.2"], path: "hw.yaml")))
        #expect(error.description == "hw.yaml:1: W2: is given by the exercise, not computed")
    }
}
