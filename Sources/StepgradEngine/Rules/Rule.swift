/// How an operation computed its result: one case per rule family, each carrying its operands
/// as typed fields. A family's arithmetic (shared with `Workspace`), how one element expands
/// into the expression a student writes, and which cells that element reads live in that
/// family's file, side by side, as micrograd keeps an operation's forward and backward together;
/// how its formula is written is notation (StepgradNotation's `Operation+Formula`).
public enum Rule: Hashable, Sendable {
    /// z = W·a + b (or Wᵀ·a + b).
    case affine(Affine)
    /// a = f(z).
    case activation(Activate)
    /// L = reduction over samples of ℓ(ŷ, y).
    case loss(LossValue)
    /// ∂L/∂ŷ.
    case lossGradient(LossGradient)
    /// ∂L/∂z of the output, fused with the loss: softmax + cross-entropy, sigmoid + binary cross-entropy.
    case fusedOutputGradient(OutputGradient)
    /// dz = da ⊙ f′(z), or the softmax Jacobian product.
    case activationGradient(ActivationGradient)
    /// dW = dzᵀ·a (or aᵀ·dz), summed over the batch.
    case weightGradient(WeightGradient)
    /// db = Σ over samples of dz.
    case biasGradient(BiasGradient)
    /// da of the layer below = dz·W (or dz·Wᵀ).
    case inputGradient(InputGradient)
    /// SGD's momentum buffer buf = μ·buf₍ₜ₋₁₎ + g.
    case momentum(MomentumBuffer)
    /// Adam's moment m or v.
    case moment(AdamMoment)
    /// Adam's bias-corrected moment m̂ or v̂.
    case biasCorrection(BiasCorrection)
    /// p′ = p − η·g, or p − η·buf under momentum (torch.optim.SGD).
    case sgd(SGDStep)
    /// Adam's p′ = p − η·m̂/(√v̂ + ε).
    case adam(AdamStep)

    /// The family behind the case.
    var family: any RuleFamily {
        switch self {
        case .affine(let r): r
        case .activation(let r): r
        case .loss(let r): r
        case .lossGradient(let r): r
        case .fusedOutputGradient(let r): r
        case .activationGradient(let r): r
        case .weightGradient(let r): r
        case .biasGradient(let r): r
        case .inputGradient(let r): r
        case .momentum(let r): r
        case .moment(let r): r
        case .biasCorrection(let r): r
        case .sgd(let r): r
        case .adam(let r): r
        }
    }

    /// The same rule reading other operands.
    func replacingOperands(_ transform: (Operand) -> Operand) -> Rule {
        switch self {
        case .affine(let r): .affine(r.replacingOperands(transform))
        case .activation(let r): .activation(r.replacingOperands(transform))
        case .loss(let r): .loss(r.replacingOperands(transform))
        case .lossGradient(let r): .lossGradient(r.replacingOperands(transform))
        case .fusedOutputGradient(let r): .fusedOutputGradient(r.replacingOperands(transform))
        case .activationGradient(let r): .activationGradient(r.replacingOperands(transform))
        case .weightGradient(let r): .weightGradient(r.replacingOperands(transform))
        case .biasGradient(let r): .biasGradient(r.replacingOperands(transform))
        case .inputGradient(let r): .inputGradient(r.replacingOperands(transform))
        case .momentum(let r): .momentum(r.replacingOperands(transform))
        case .moment(let r): .moment(r.replacingOperands(transform))
        case .biasCorrection(let r): .biasCorrection(r.replacingOperands(transform))
        case .sgd(let r): .sgd(r.replacingOperands(transform))
        case .adam(let r): .adam(r.replacingOperands(transform))
        }
    }
}

/// One family of rules: its arithmetic, its expansion and the cells that reads, in one place.
protocol RuleFamily: Hashable, Sendable {
    /// What the rule reads, in the order a solution lists it.
    var operands: [Operand] { get }
    /// The same rule with each operand transformed (a student's values substituted, say).
    func replacingOperands(_ transform: (Operand) -> Operand) -> Self
    /// The result, by the same arithmetic as `Network.iterate`.
    func evaluated(_ context: Operation.Context) -> Matrix
    /// The arithmetic of one element: successive equal forms, symbolic with numbers substituted first.
    func expansion(_ row: Int, _ column: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression]
    /// The operand cells `expansion` reads for the same element, in the same order, passed to `read`
    /// one by one without building an expression: what a step highlights is index arithmetic, so a
    /// step of thousands of elements costs microseconds. Written beside `expansion`; a test holds
    /// the two equal.
    func reads(_ row: Int, _ column: Int, _ context: Operation.Context, _ read: CellVisitor)
}

/// Receives an operand cell an element reads: the operand, row and column.
typealias CellVisitor = (_ operand: Operand, _ row: Int, _ column: Int) -> Void

/// Collects the operand cells an expansion reads: an element's `reads`.
final class CellReader {
    private(set) var reads: [CellReference] = []

    /// The number at (row, column) of `operand`, remembered as read.
    func callAsFunction(_ operand: Operand, _ row: Int, _ column: Int) -> Expression {
        note(operand, row, column)
        return .number(operand.value[row, column])
    }

    /// Remembers a cell the arithmetic depends on without writing it.
    func note(_ operand: Operand, _ row: Int, _ column: Int) {
        reads.append(CellReference(operand.quantity, Cell(row, column)))
    }
}

extension Expression {
    /// A single term as itself, several as their sum.
    static func total(_ terms: [Expression]) -> Expression { terms.count == 1 ? terms[0] : .sum(terms) }

    /// −e, with a number's sign flipped rather than written `−(−800)`.
    var negated: Expression {
        if case .number(let v) = self { return .number(-v) }
        return .negation(self)
    }
}
