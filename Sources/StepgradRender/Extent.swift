import StepgradEngine
import StepgradNotation
import StepgradScenario

/// How much of a solution is written out. A matrix of more than `readable` numbers is more than a
/// reader takes in: by default it is shown by its shape (`[32×64]`), and of an operation with such a
/// matrix only the first `lines` elements are worked, the rest counted, so that a large network is
/// explained in seconds; `full` (`--full`) writes out every matrix and every element.
public struct Extent: Hashable, Sendable {
    public var full: Bool

    public init(full: Bool = false) { self.full = full }

    /// The most numbers of a matrix shown in full by default: 10×10.
    public static let readable = 100
    /// Element lines worked of an operation that is summarised.
    public static let lines = 8

    /// Whether `m` is shown by its shape.
    func summarises(_ m: Matrix) -> Bool { !full && m.count > Self.readable }

    /// Whether some matrix the operation reads or writes is shown by its shape.
    func summarises(_ op: Operation) -> Bool { summarises(op.result) || op.operands.contains { summarises($0.value) } }

    /// The elements of `op` worked out, row-major.
    func shownElements(of op: Operation) -> Range<Int> {
        0..<(summarises(op) ? min(Self.lines, op.elementCount) : op.elementCount)
    }

    /// What stands in for a matrix shown by its shape: `[32×64]`.
    static func shape(of m: Matrix) -> Symbol {
        Symbol("[\(m.rows)×\(m.columns)]", "\\left[\(m.rows) \\times \(m.columns)\\right]")
    }

    /// Said under the lines of a summarised operation.
    static func omitted(_ count: Int, of op: Operation) -> String {
        let name = op.quantity.symbol(outputLayer: op.context.outputLayer)
        return "… \(count.grouped) more element\(count == 1 ? "" : "s") of \(name), not worked here: --full writes out every "
            + "matrix and element."
    }
}
