import StepgradEngine

/// The shape of an iteration's trace, which is the same for every iteration of a scenario.
///
/// Places are numbered linearly by how many elements are revealed (0 … `total`);
/// the cursor is the readable spelling of that number. A granularity is a set of
/// stops (the ends of its granules) and stepping moves to the next or previous stop.
struct TraceLayout: Hashable, Sendable {
    let quantities: [Quantity]
    let shapes: [Shape]
    let phases: [Phase]
    /// Linear place just after operation i.
    let ends: [Int]
    /// Linear place just after each run of operations in one phase.
    let phaseEnds: [Int]

    init(_ trace: Trace) {
        quantities = trace.operations.map(\.quantity)
        shapes = trace.operations.map(\.result.shape)
        phases = trace.operations.map(\.phase)
        var ends: [Int] = [], phaseEnds: [Int] = [], total = 0
        for (i, op) in trace.operations.enumerated() {
            total += op.elementCount
            ends.append(total)
            if i + 1 == trace.operations.count || trace.operations[i + 1].phase != op.phase { phaseEnds.append(total) }
        }
        self.ends = ends
        self.phaseEnds = phaseEnds
    }

    var total: Int { ends.last ?? 0 }
    func start(ofOperation i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }
    func count(ofOperation i: Int) -> Int { ends[i] - start(ofOperation: i) }
    func operation(producing q: Quantity) -> Int? { quantities.firstIndex(of: q) }

    func isValid(_ cursor: Cursor) -> Bool {
        cursor.isStart || (quantities.indices.contains(cursor.operation)
                           && (1...count(ofOperation: cursor.operation)).contains(cursor.revealed))
    }

    func place(_ cursor: Cursor) -> Int {
        cursor.isStart ? 0 : start(ofOperation: cursor.operation) + cursor.revealed
    }

    func cursor(at place: Int) -> Cursor {
        guard place > 0 else { return .start }
        let i = operation(containingElement: place - 1)
        return Cursor(operation: i, revealed: place - start(ofOperation: i))
    }

    /// The operation that element `index` (0-based, linear) belongs to.
    func operation(containingElement index: Int) -> Int {
        var low = 0, high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] > index { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The ends of the granules; `nil` for elements, where every place is one.
    private func stops(_ granularity: Granularity) -> [Int]? {
        switch granularity {
        case .phase: phaseEnds
        case .operation: ends
        case .element: nil
        }
    }

    func isStop(_ place: Int, _ granularity: Granularity) -> Bool {
        place == 0 || stops(granularity)?.contains(place) ?? true
    }

    func isPhaseEnd(_ place: Int) -> Bool { phaseEnds.contains(place) }

    /// The next stop after `place` within the iteration, or `nil` at its end.
    func stop(after place: Int, _ granularity: Granularity) -> Int? {
        guard let stops = stops(granularity) else { return place < total ? place + 1 : nil }
        return stops.first { $0 > place }
    }

    /// The previous stop before `place` within the iteration, or `nil` at its start.
    func stop(before place: Int, _ granularity: Granularity) -> Int? {
        guard place > 0 else { return nil }
        guard let stops = stops(granularity) else { return place - 1 }
        return stops.last { $0 < place } ?? 0
    }

    /// The number of granules in an iteration.
    func granuleCount(_ granularity: Granularity) -> Int { stops(granularity)?.count ?? total }

    /// The granule (0-based) holding the last revealed element at `place` > 0, and its linear elements.
    func granule(endingAt place: Int, _ granularity: Granularity) -> (index: Int, elements: Range<Int>) {
        guard let stops = stops(granularity) else { return (place - 1, (place - 1)..<place) }
        let index = stops.firstIndex { $0 >= place } ?? stops.count - 1
        return (index, (index == 0 ? 0 : stops[index - 1])..<stops[index])
    }

    /// Why the traces of another scenario do not fit this one, or `nil` when they do.
    func mismatch(with other: TraceLayout) -> String? {
        for (i, q) in quantities.enumerated() {
            guard let j = other.quantities.firstIndex(of: q) else { return "\(q.name) is no longer computed" }
            if j != i { return "the operations are in a different order from \(q.name) on" }
            if other.shapes[j] != shapes[i] { return "\(q.name) is now \(other.shapes[j]), it was \(shapes[i])" }
        }
        if let extra = other.quantities.dropFirst(quantities.count).first { return "\(extra.name) is new" }
        return nil
    }
}
