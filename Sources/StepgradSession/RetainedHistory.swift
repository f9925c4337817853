import StepgradEngine

/// What a session keeps in memory for time travel, so that its bound can be checked and shown.
public struct RetainedHistory: Hashable, Sendable {
    /// Recorded iterations kept with their traces, the current one included.
    public var traces: Int
    /// Parameter and optimizer-state checkpoints, the current iteration's included.
    public var checkpoints: Int
    /// Bytes of matrix storage held by both, each shared buffer counted once.
    public var estimatedBytes: Int
}

extension IterationHistory {
    var retained: RetainedHistory {
        var tally = StorageTally()
        for s in checkpoints.values { tally.add(s) }
        for r in recent.values {
            tally.add(r.input)
            tally.add(Snapshot(after: r.outcome))
            for op in r.outcome.trace.operations {
                tally.add(op.result)
                for operand in op.operands { tally.add(operand.value) }
            }
        }
        return RetainedHistory(traces: recent.count, checkpoints: checkpoints.count, estimatedBytes: tally.bytes)
    }
}

/// Adds up matrix storage, counting a copy-on-write buffer shared by several values once.
private struct StorageTally {
    /// An array's header and a matrix's shape, roughly.
    static let overhead = 64
    private var seen: Set<UnsafeRawPointer> = []
    private(set) var bytes = 0

    mutating func add(_ m: Matrix) {
        let buffer = m.elements.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        guard let buffer, seen.insert(buffer).inserted else { return }
        bytes += m.count * MemoryLayout<Double>.stride + Self.overhead
    }

    mutating func add(_ s: Snapshot) {
        for m in s.parameters.weights { add(m) }
        for case let m? in s.parameters.biases { add(m) }
        for m in s.optimizerState.first.values { add(m) }
        for m in s.optimizerState.second.values { add(m) }
    }
}
