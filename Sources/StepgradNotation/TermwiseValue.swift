import StepgradEngine

/// The Double value of one step worked again and again from numbers that change a few at a time,
/// as `LinePrecision` gives the numbers of a line back their figures one by one: a line of a wide
/// layer is a sum of hundreds of terms, and working all of them for each number tried was most of
/// the cost of writing it. A sum's terms are worked once and kept; a term is worked again only
/// when one of its own numbers changed. The kept terms are added from 0, left to right, as
/// `Expression.value` adds a sum, so the value is the same to the last bit.
struct TermwiseValue {
    private let step: Expression
    /// The sum's terms, or `nil` when the step is not a sum (then it is worked whole).
    private let terms: [Expression]?
    /// Where each term's numbers lie among the step's, left to right, and the term of each number.
    private let ranges: [Range<Int>]
    private let termOf: [Int]
    /// The numbers last worked from, and each term's value from them.
    private var numbers: [Double] = []
    private var values: [Double] = []

    init(_ step: Expression) {
        self.step = step
        guard case .sum(let terms) = step else {
            (self.terms, ranges, termOf) = (nil, [], [])
            return
        }
        self.terms = terms
        var ranges: [Range<Int>] = [], termOf: [Int] = []
        for (k, term) in terms.enumerated() {
            let count = term.numberCount
            ranges.append(termOf.count..<(termOf.count + count))
            termOf += repeatElement(k, count: count)
        }
        (self.ranges, self.termOf) = (ranges, termOf)
        values = Array(repeating: 0, count: terms.count)
    }

    /// The step's value with its numbers, left to right, taken from `new`.
    mutating func value(numbers new: [Double]) -> Double {
        guard let terms else { return step.value(numbers: new) }
        func work(_ k: Int) { values[k] = terms[k].value(numbers: Array(new[ranges[k]])) }
        if numbers.isEmpty {
            numbers = new
            terms.indices.forEach(work)
        } else {
            // The same bits give the same value; anything else (−0 for 0, a NaN) is worked again.
            var worked = -1
            for i in new.indices where new[i].bitPattern != numbers[i].bitPattern {
                numbers[i] = new[i]
                if termOf[i] != worked {
                    worked = termOf[i]
                    work(worked)
                }
            }
        }
        var total = 0.0
        for value in values { total = total + value }
        return total
    }
}
