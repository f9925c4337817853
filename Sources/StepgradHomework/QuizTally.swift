/// The lecturer's histogram of a question's answers: how many fell in each category, in a fixed
/// order (correct, rounded, carried forward, then wrong by diagnosis, plain wrong last).
public struct QuizTally: Hashable, Sendable {
    public private(set) var counts: [String: Int] = [:]
    public private(set) var total = 0

    public init() {}

    public init(_ marks: some Sequence<QuizMark>) {
        for mark in marks { add(mark) }
    }

    public mutating func add(_ mark: QuizMark) {
        counts[mark.category, default: 0] += 1
        total += 1
    }

    /// The bars with at least one answer, in order.
    public var bars: [(category: String, count: Int)] {
        let fixed = ["correct", "rounded", "carried forward"]
        let wrong = counts.keys.filter { $0.hasPrefix("wrong: ") }.sorted()
        return (fixed + wrong + ["wrong"]).compactMap { category in counts[category].map { (category, $0) } }
    }
}
