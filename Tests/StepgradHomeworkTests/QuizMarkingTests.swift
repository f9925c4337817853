import StepgradEngine
import StepgradScenario
import Testing
@testable import StepgradHomework

/// Quiz answers typed one element at a time, marked by `check`'s rules. The expected values were
/// worked out independently (NumPy, by the formulas): Mazur's 2-2-2 network has z₁ = (0.3775,
/// 0.3925), a₁[0] = σ(0.3775) = 0.5932699921, dz₂[0] = 0.1384985616 with da₂[0] = 0.7413650696,
/// da₁[0] = 0.0363503064 (0.0302297395 through W₂ after its update); the 3-4-3 homework has
/// z₁ = (1.2, −1.15, 0.15, 0.9), ŷ = (0.3556768942, 0.1783990185, 0.4659240873), y = (1, 1, 0),
/// dz₂ = ŷ·2 − y = (−0.2886, −0.6432, 0.9318) where ŷ − y = (−0.6443, −0.8216, 0.4659), and
/// L = 2.7575 (1.0337 with the one-hot target (1, 0, 0)).
@Suite struct QuizMarkingTests {
    static let mazur = Homework.exercise("03-sigmoid-2-2-2.yaml")

    /// Mazur's network with another optimizer (first step: dW₂[0,0] = 0.0821670406).
    static func mazur(optimizer: String) throws -> Scenario {
        let text = """
            input: [0.05, 0.10]
            target: [0.01, 0.99]
            layers:
              - {units: 2, activation: sigmoid, weights: [[0.15, 0.20], [0.25, 0.30]], bias: [0.35, 0.35], frozen: [bias]}
              - {units: 2, activation: sigmoid, weights: [[0.40, 0.45], [0.50, 0.55]], bias: [0.60, 0.60], frozen: [bias]}
            loss: half-sse
            optimizer: \(optimizer)
            """
        return try ScenarioLoader.parse(text, path: "mazur.yaml")
    }

    func mark(_ scenario: Scenario, _ answers: KeyValuePairs<String, String>) -> [QuizMark] {
        var sheet = QuizSheet(scenario: scenario, iteration: 1, trace: Checker(scenario: scenario).trace)
        return answers.map { name, text in
            let parts = name.split(separator: "[")
            let quantity = Quantity(name: String(parts[0]))!
            let index = parts.count > 1 ? parts[1].dropLast().split(separator: ",").map { Int($0)! } : [0]
            let cell = index.count == 2 ? Cell(index[0], index[1]) : Cell(0, index[0])
            return sheet.answer(CellReference(quantity, cell), with: TypedNumber(text)!)
        }
    }

    func kind(_ mark: QuizMark) -> String? {
        if case .wrong(let diagnosis) = mark { return diagnosis?.kind ?? "none" }
        return nil
    }

    @Test func correctWithinHalfAUnitOfWhatWasTyped() {
        #expect(mark(Self.mazur, ["z1[0]": "0.3775"]) == [.correct])
        #expect(mark(Self.mazur, ["z1[0]": "0.38"]) == [.correct])
        #expect(mark(Self.mazur, ["z1[1]": "0.39"]) == [.correct], "0.3925 is within 0.005 of 0.39")
        #expect(mark(Self.mazur, ["z1[1]": "0.41"]).allSatisfy { !$0.earnsMark }, "0.0175 off: more than both half units")
    }

    /// σ(0.3775) = 0.59327: 0.5932 is 0.00007 off, more than half a unit (0.00005) but within the
    /// second half unit allowed for rounding e^−z on the way.
    @Test func roundedWhenOnlyTheRoundingOfTheStepsAccountsForIt() {
        #expect(mark(Self.mazur, ["a1[0]": "0.5932"]) == [.rounded])
        #expect(mark(Self.mazur, ["a1[0]": "0.5933"]) == [.correct])
        // z₁[0] typed as 0.38 (correct, 0.0025 off): σ(0.38) = 0.59387 is 0.00063 from exact,
        // within the 0.0001 of the step plus σ′·0.0025 = 0.0006 carried in.
        #expect(mark(Self.mazur, ["z1[0]": "0.38", "a1[0]": "0.5939"]) == [.correct, .rounded])
        #expect(mark(Self.mazur, ["a1[0]": "0.5939"]) == [.wrong(nil)], "without the rounded z₁ it is wrong")
    }

    /// z₁[0] = 0.45 is wrong (0.0725 off); σ(0.45) = 0.610639 follows from it.
    @Test func carriedForwardFromTheStudentsOwnEarlierAnswer() {
        let marks = mark(Self.mazur, ["z1[0]": "0.45", "a1[0]": "0.6106"])
        #expect(kind(marks[0]) != nil)
        #expect(marks[1] == .carriedForward)
    }

    @Test func aWholeNumberIsNotUnitsRounded() {
        #expect(mark(Self.mazur, ["a1[0]": "1"]) == [.wrong(nil)])
        #expect(mark(Self.mazur, ["a1[0]": "0.6"]) == [.correct])
    }

    @Test(arguments: [
        ("z1[0]", "-0.3775", "sign-error"),
        ("z1[0]", "0.0275", "dropped-bias"),
        ("dz2[0]", "0.7414", "missing-activation-derivative"),
        ("da1[0]", "0.0302", "updated-weights-in-backpropagation"),
        ("z1[0]", "0.9", "none"),
    ])
    func wrongWithTheMistakeThatExplainsIt(_ name: String, _ typed: String, _ expected: String) {
        let marks = mark(Self.mazur, [name: typed])
        #expect(kind(marks[0]) == expected, "\(marks)")
    }

    @Test func wrongOnTheHomeworkExercise() {
        let homework = Homework.reluSoftmax
        #expect(kind(mark(homework, ["dz2[1]": "-0.8216"])[0]) == "shortcut-target-not-summing-to-1")
        #expect(kind(mark(homework, ["loss": "1.0337"])[0]) == "different-target")
        // 1.3 = 0.4·0.5 + 0.3 + 0.8: W₁[0,0] = 0.2 read as its neighbour 0.4.
        let slip = mark(homework, ["z1[0]": "1.3"])[0]
        guard case .wrong(.slip(_, let misreads)?) = slip else { Issue.record("\(slip)"); return }
        #expect(misreads.contains { $0.reference == CellReference(.W(1), Cell(0, 0)) && $0.read == 0.4 })
        #expect(mark(homework, ["dz2[1]": "-0.6432"]) == [.correct])
    }

    @Test func optimizerMistakes() throws {
        // W₂′ = W₂ − 0.5·(dW₂ + 0.01·W₂) = 0.3569; without the decay 0.3589.
        let decay = try Self.mazur(optimizer: "{name: sgd, learning-rate: 0.5, weight-decay: 0.01}")
        #expect(kind(mark(decay, ["W2_new[0,0]": "0.3589"])[0]) == "missing-weight-decay")
        #expect(mark(decay, ["W2_new[0,0]": "0.3569"]) == [.correct])
        // The first buffer is dW₂ = 0.0822; μ·g + g = 1.9·0.0822 = 0.1561.
        let momentum = try Self.mazur(optimizer: "{name: sgd, learning-rate: 0.5, momentum: 0.9}")
        #expect(kind(mark(momentum, ["bufW2[0,0]": "0.1561"])[0]) == "momentum-on-the-first-step")
        // m = 0.1·dW₂ = 0.0082, m̂ = m/(1 − 0.9) = 0.0822.
        let adam = try Self.mazur(optimizer: "{name: adam, learning-rate: 0.001}")
        #expect(kind(mark(adam, ["mhatW2[0,0]": "0.0082"])[0]) == "no-bias-correction")
        #expect(mark(adam, ["mhatW2[0,0]": "0.0822"]) == [.correct])
    }

    @Test func theTallyCountsEachCategoryInOrder() {
        let tally = QuizTally([.wrong(nil), .correct, .rounded, .correct, .carriedForward, .wrong(.droppedBias(layer: 1))])
        #expect(tally.bars.map(\.category) == ["correct", "rounded", "carried forward", "wrong: dropped bias", "wrong"])
        #expect(tally.bars.map(\.count) == [2, 1, 1, 1, 1])
        #expect(tally.total == 6)
    }

    @Test(arguments: [("0.627", 0.627, 3), ("-1.5", -1.5, 1), ("−1.5", -1.5, 1), (".5", 0.5, 1), ("3", 3, 0), ("+2.25", 2.25, 2)])
    func typedNumbersKeepTheirDecimals(_ text: String, _ value: Double, _ decimals: Int) {
        #expect(TypedNumber(text) == TypedNumber(value: value, decimals: decimals))
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1e3", "abc", "0x10", "1,5", "nan", "inf"])
    func notNumbers(_ text: String) {
        #expect(TypedNumber(text) == nil)
    }
}
