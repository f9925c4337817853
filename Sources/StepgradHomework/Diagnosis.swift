import StepgradEngine

/// A common mistake that explains a wrong value.
public enum Diagnosis: Hashable, Sendable {
    /// Rows and columns swapped, e.g. dz·xᵀ (out×in) where the convention needs x·dzᵀ (in×out).
    case transposed
    /// These elements have the right size but the wrong sign.
    case signError([Cell])
    /// dz taken as da: the factor f′(z) of layer `layer` is missing.
    case missingActivationDerivative(layer: Int, Activation)
    /// dz = ŷ − y although the target sums to `targetSum`, so dz = ŷ·Σy − y.
    case shortcutWithoutUnitTarget(targetSum: Double)
    /// The error was sent back through layer `layer`'s updated weights instead of the old ones.
    case updatedWeights(layer: Int)
    /// z of layer `layer` computed without its bias.
    case droppedBias(layer: Int)
    /// The loss computed with the target `used` instead of `actual`.
    case differentTarget(used: Matrix, actual: Matrix)
    /// Exactly one element is off; `misreads` are single operand numbers whose misreading explains it.
    case slip(Cell, misreads: [Misread])
    /// The weight decay λ·p left out of the gradient an optimizer steps along.
    case missingWeightDecay
    /// The momentum buffer of the first step taken as μ·g + g, although torch sets it to g.
    case momentumOnFirstStep(momentum: Double)
    /// Adam's m̂ or v̂ taken as m or v, without dividing by `divisor` = 1 − βᵗ.
    case missingBiasCorrection(divisor: Double)

    /// A short stable name for programs (JSON) and tests.
    public var kind: String {
        switch self {
        case .transposed: "transposed"
        case .signError: "sign-error"
        case .missingActivationDerivative: "missing-activation-derivative"
        case .shortcutWithoutUnitTarget: "shortcut-target-not-summing-to-1"
        case .updatedWeights: "updated-weights-in-backpropagation"
        case .droppedBias: "dropped-bias"
        case .differentTarget: "different-target"
        case .slip: "slip"
        case .missingWeightDecay: "missing-weight-decay"
        case .momentumOnFirstStep: "momentum-on-the-first-step"
        case .missingBiasCorrection: "no-bias-correction"
        }
    }
}

/// One operand number read wrongly: `reference` holds `actual` but `read` explains the answer.
public struct Misread: Hashable, Sendable {
    public var reference: CellReference
    public var actual: Double
    public var read: Double
}

/// A diagnosis with where the mistake was made and the numbers that show it.
public struct Finding: Hashable, Sendable {
    public var diagnosis: Diagnosis
    /// The step that went wrong: the judged quantity, or an unwritten step it was computed from.
    public var step: Quantity
    /// Whether it holds with the student's own earlier values (rather than the exact ones).
    public var withStudentValues: Bool
    /// The value of `step` under the mistake, with its arithmetic where the engine can expand it.
    public var alternative: Matrix?
    public var arithmetic: [Element]
}

extension Finding {
    /// Whether this finding accounts for the number at `cell`: a mistake that reproduces the whole
    /// answer explains every element; a sign error, its cells; a slip, or a layout written
    /// transposed whose values do not follow, none (those elements are shown one by one).
    func explains(_ cell: Cell) -> Bool {
        switch diagnosis {
        case .signError(let cells): cells.contains(cell)
        case .slip: false
        case .transposed: alternative != nil
        case .missingActivationDerivative, .shortcutWithoutUnitTarget, .updatedWeights, .droppedBias, .differentTarget,
             .missingWeightDecay, .momentumOnFirstStep, .missingBiasCorrection: true
        }
    }
}
