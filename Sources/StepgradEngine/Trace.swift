/// The record of one training iteration: every operation in the order it was computed.
///
/// Like micrograd's graph, each operation keeps what it read and the rule that
/// produced its result; elements and formulas are derived from that on demand.
/// A recorded iteration keeps only the numbers its operations are made of and builds
/// them once, when first read, so that recording costs little more than computing and
/// a trace nobody reads costs nothing more. Two traces are equal when their operations are.
public struct Trace: Hashable, Sendable {
    private var contents: Contents

    private enum Contents: Sendable {
        case operations([Operation])
        case recorded(Recorded)
    }

    public init(operations: [Operation] = []) { contents = .operations(operations) }

    init(_ recording: Recording) { contents = .recorded(Recorded(recording)) }

    public var operations: [Operation] {
        get {
            switch contents {
            case .operations(let operations): operations
            case .recorded(let recorded): recorded.operations
            }
        }
        set { contents = .operations(newValue) }
    }

    public static func == (lhs: Trace, rhs: Trace) -> Bool { lhs.operations == rhs.operations }
    public func hash(into hasher: inout Hasher) { hasher.combine(operations) }

    public func operation(producing q: Quantity) -> Operation? {
        operations.first { $0.quantity == q }
    }

    /// Every value of the iteration by canonical name: inputs, parameters and results.
    public var values: [Quantity: Matrix] {
        var values: [Quantity: Matrix] = [:]
        for op in operations {
            for operand in op.operands where values[operand.quantity] == nil { values[operand.quantity] = operand.value }
            values[op.quantity] = op.result
        }
        return values
    }
}

public enum Phase: String, Hashable, Sendable, CaseIterable, Codable {
    case forward, loss, backward, update

    public var title: String { rawValue.uppercased() }
}

/// One input of an operation.
public struct Operand: Hashable, Sendable {
    public var quantity: Quantity
    public var value: Matrix
    public init(_ quantity: Quantity, _ value: Matrix) {
        self.quantity = quantity
        self.value = value
    }
}

/// One scalar of one quantity.
public struct Cell: Hashable, Sendable, Codable {
    public var row: Int
    public var column: Int
    public init(_ row: Int, _ column: Int) {
        self.row = row
        self.column = column
    }
}

/// A cell of a named quantity: what an element read.
public struct CellReference: Hashable, Sendable {
    public var quantity: Quantity
    public var cell: Cell
    public init(_ quantity: Quantity, _ cell: Cell) {
        self.quantity = quantity
        self.cell = cell
    }
}

/// How an operation computed its result. Operands are found by role in `Operation.operands`.
public enum Rule: Hashable, Sendable {
    /// z = W·a + b (or Wᵀ·a + b).
    case affine
    /// a = f(z).
    case activation(Activation)
    /// L = reduction over samples of ℓ(ŷ, y).
    case loss(Loss, Reduction)
    /// ∂L/∂ŷ.
    case lossGradient(Loss, Reduction)
    /// ∂L/∂z of the output, fused with the loss: softmax + cross-entropy, sigmoid + binary cross-entropy.
    case fusedOutputGradient(Loss, Reduction)
    /// dz = da ⊙ f′(z), or the softmax Jacobian product.
    case activationGradient(Activation)
    /// dW = dzᵀ·a (or aᵀ·dz), summed over the batch.
    case weightGradient
    /// db = Σ over samples of dz.
    case biasGradient
    /// da of the layer below = dz·W (or dz·Wᵀ).
    case inputGradient
    /// p′ = p − η·g (with momentum and weight decay as in torch.optim.SGD).
    case sgd(Optimizer.SGD)
    /// Adam's step t.
    case adam(Optimizer.Adam, step: Int)
}

public struct Operation: Hashable, Sendable {
    public var phase: Phase
    /// 1-based; `nil` for the loss.
    public var layer: Int?
    public var quantity: Quantity
    public var rule: Rule
    public var operands: [Operand]
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

    public init(phase: Phase, layer: Int?, quantity: Quantity, rule: Rule, operands: [Operand],
                result: Matrix, context: Context, remarks: [Remark] = []) {
        self.phase = phase
        self.layer = layer
        self.quantity = quantity
        self.rule = rule
        self.operands = operands
        self.result = result
        self.context = context
        self.remarks = remarks
    }

    public func operand(_ kind: Quantity.Kind) -> Operand? { operands.first { $0.quantity.kind == kind } }
    func value(_ kind: Quantity.Kind) -> Matrix { operand(kind)!.value }

    /// The layer's input activation (x for layer 1), by its position among the operands.
    var layerInput: Operand {
        operands.first { $0.quantity.kind == .a || $0.quantity.kind == .x }!
    }

    public var elementCount: Int { result.count }
    /// Element `i` in row-major order.
    public func cell(at index: Int) -> Cell { Cell(index / result.columns, index % result.columns) }
}
