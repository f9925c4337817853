import StepgradEngine

/// What a `Scene` looks up in its iteration's trace: every value by name and the operation that
/// produces each. The same for every frame and step of the iteration, so a screen builds it once
/// an iteration (a trace of twenty operations is a few hundred dictionary insertions, most of what
/// building a scene costs).
struct TraceIndex {
    let values: [Quantity: Matrix]
    let producers: [Quantity: Int]

    init(_ trace: Trace) {
        values = trace.values
        var producers: [Quantity: Int] = [:]
        for (i, op) in trace.operations.enumerated() { producers[op.quantity] = i }
        self.producers = producers
    }
}
