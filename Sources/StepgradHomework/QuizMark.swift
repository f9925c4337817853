/// How one typed answer to a quiz question is marked, by `stepgrad check`'s rules.
public enum QuizMark: Hashable, Sendable {
    /// Within half a unit of its last typed place of the exact value.
    case correct
    /// Accepted only through the rounding a fair marker allows on top: partial results rounded on
    /// the way (a product inside a sum, e^z, η·g) or rounding carried in from earlier answers.
    case rounded
    /// Wrong against the exact value, right from the student's own earlier answers.
    case carriedForward
    /// Wrong; with the common mistake that explains it, when one does.
    case wrong(Diagnosis?)

    /// Whether it earns the mark, as in `stepgrad grade`.
    public var earnsMark: Bool {
        if case .wrong = self { false } else { true }
    }

    /// The histogram's bar this mark counts in: "correct", "rounded", "carried forward",
    /// "wrong: sign error", …, "wrong".
    public var category: String {
        switch self {
        case .correct: "correct"
        case .rounded: "rounded"
        case .carriedForward: "carried forward"
        case .wrong(nil): "wrong"
        case .wrong(let diagnosis?): "wrong: " + diagnosis.shortName
        }
    }
}

extension Diagnosis {
    /// A few words for a histogram bar.
    public var shortName: String {
        switch self {
        case .transposed: "transposed"
        case .signError: "sign error"
        case .missingActivationDerivative: "no activation derivative"
        case .shortcutWithoutUnitTarget: "ŷ − y shortcut"
        case .updatedWeights: "updated weights"
        case .droppedBias: "dropped bias"
        case .differentTarget: "another target"
        case .slip: "misread a number"
        case .missingWeightDecay: "no weight decay"
        case .momentumOnFirstStep: "momentum at step 1"
        case .missingBiasCorrection: "no bias correction"
        }
    }
}
