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
