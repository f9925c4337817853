import StepgradEngine

/// The judgement of one answer file against one exercise.
public struct CheckReport: Hashable, Sendable {
    public var title: String
    public var exercisePath: String?
    public var answersPath: String?
    /// What formulas need to name things: the output layer is ŷ.
    public var context: Operation.Context
    /// The quantities the student gave, in the order of a worked solution.
    public var results: [QuantityResult]
    /// Quantities a worked solution shows that the student did not give.
    public var notGiven: [Quantity]

    /// Whether anything given is wrong (the exit status of `stepgrad check`).
    public var hasMistakes: Bool { results.contains { $0.verdict == .wrong } }

    public func result(for quantity: Quantity) -> QuantityResult? { results.first { $0.quantity == quantity } }
}

public struct QuantityResult: Hashable, Sendable {
    public var quantity: Quantity
    public var verdict: Verdict
    /// Row-major, in the engine's layout (transposed back when the student wrote the transpose).
    public var elements: [ElementResult]
    /// Whether the student wrote a parameter-shaped matrix transposed.
    public var writtenTransposed: Bool
    /// Why it is wrong, when a common mistake explains it.
    public var findings: [Finding]
    /// For a value carried forward: the earlier quantities the student's own values were used for.
    public var carriedFrom: [Quantity]
    /// 1-based line of the value in the answers file.
    public var line: Int?

    public var wrongElements: [ElementResult] { elements.filter { $0.verdict == .wrong } }
}

public struct ElementResult: Hashable, Sendable {
    public var cell: Cell
    public var written: Double
    /// The decimals it was judged at (see `Tolerance`).
    public var decimals: Int
    public var verdict: Verdict
    public var expected: Double
    /// The exact value with its arithmetic.
    public var expectedElement: Element
    /// Recomputed from the student's own earlier answers, when that differs from the exact value.
    public var carriedForward: Element?
    /// How far from `expected` the written value may be.
    public var allowance: Double
}
