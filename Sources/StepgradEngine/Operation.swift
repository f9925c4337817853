/// One step of an iteration: the quantity it produced, by which rule from which operands.
public struct Operation: Hashable, Sendable {
    public var phase: Phase
    /// 1-based; `nil` for the loss.
    public var layer: Int?
    public var quantity: Quantity
    /// The rule with its operands.
    public var rule: Rule
    public var result: Matrix
    /// What the network looks like, for formulas (convention, output layer).
    public var context: Context
    /// Facts a student needs, e.g. that the ŷ − y shortcut does not hold; the notation words them.
    public var remarks: [Remark]

    public struct Context: Hashable, Sendable {
        public var convention: Convention
        public var outputLayer: Int
        public var batch: Int
        public init(convention: Convention, outputLayer: Int, batch: Int) {
            self.convention = convention
            self.outputLayer = outputLayer
            self.batch = batch
        }
    }

    public init(phase: Phase, layer: Int?, quantity: Quantity, rule: Rule, result: Matrix, context: Context, remarks: [Remark] = []) {
        self.phase = phase
        self.layer = layer
        self.quantity = quantity
        self.rule = rule
        self.result = result
        self.context = context
        self.remarks = remarks
    }

    /// What the rule read, in the order a solution lists it.
    public var operands: [Operand] { rule.family.operands }

    public func operand(_ kind: Quantity.Kind) -> Operand? { operands.first { $0.quantity.kind == kind } }

    public var elementCount: Int { result.count }
    /// Element `i` in row-major order.
    public func cell(at index: Int) -> Cell { Cell(index / result.columns, index % result.columns) }

    /// The same step evaluated on other operand values — typically a student's own earlier answers —
    /// so that a marker can follow an earlier error through ("error carried forward") and show the
    /// arithmetic with the student's numbers: the returned operation's `elements` expand it.
    ///
    /// Operands not named in `values` keep their recorded value. Returns `nil` when a substituted
    /// value does not have the operand's shape, so that user data can never reach a shape trap.
    public func recomputed(substituting values: [Quantity: Matrix]) -> Operation? {
        var fits = true
        let rule = rule.replacingOperands { operand in
            guard let value = values[operand.quantity] else { return operand }
            guard value.shape == operand.value.shape else { fits = false; return operand }
            return Operand(operand.quantity, value)
        }
        guard fits else { return nil }
        var copy = self
        copy.rule = rule
        copy.result = rule.family.evaluated(context)
        return copy
    }
}

extension Operation.Context {
    /// Prefixes `(1/B)·` when the loss is a mean over a batch of several samples.
    func batchMean(_ body: Expression, _ reduction: Reduction) -> Expression {
        guard batch > 1 && reduction == .mean else { return body }
        return .product([.quotient(.number(1), .number(Double(batch))), body])
    }
}
