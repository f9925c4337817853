import StepgradEngine

/// Cells of several quantities, each marked at most once: a step's changed and read cells kept
/// as one flag per cell rather than in a hashed set, since a phase step passes some 10⁵ reads.
struct MarkedCells {
    private var starts: [Quantity: Int] = [:]
    private var marks: [Bool] = []

    /// Where the flags of `quantity`'s `count` cells (row-major) start, reserved on first use.
    mutating func start(of quantity: Quantity, count: Int) -> Int {
        if let start = starts[quantity] { return start }
        starts[quantity] = marks.count
        marks.append(contentsOf: repeatElement(false, count: count))
        return marks.count - count
    }

    /// Marks the flag at `index`; whether it was not marked before.
    mutating func insert(_ index: Int) -> Bool {
        if marks[index] { return false }
        marks[index] = true
        return true
    }
}
