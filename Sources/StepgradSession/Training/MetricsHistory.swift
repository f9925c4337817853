/// The metrics before training (epoch 0) and after each epoch since, for the training view's
/// curves — in bounded memory however long training runs.
///
/// Every epoch is kept until there are `capacity` of them; then every other one is dropped and
/// from there on only every second epoch is kept, then every fourth, and so on, so the kept epochs
/// are always evenly spaced (0, s, 2s, …) and a chart drawn from them spans the whole run. The
/// epoch just finished is always the last entry, kept or not, so what the screen calls "now" is
/// never stale.
public struct MetricsHistory: RandomAccessCollection, Sendable {
    public private(set) var entries: [EpochMetrics]
    /// Epochs between two kept entries (a power of two).
    public private(set) var stride = 1
    public let capacity: Int

    public init(_ first: EpochMetrics, capacity: Int = 2048) {
        precondition(capacity >= 4, "a history keeps at least four entries")
        entries = [first]
        self.capacity = capacity
    }

    /// The epoch of the last entry.
    public var lastEpoch: Int { entries[entries.count - 1].epoch }

    public mutating func append(_ metrics: EpochMetrics) {
        // The previous "now" made room for this one unless it falls on the stride.
        if entries.count > 1, !kept(entries[entries.count - 1]) { entries.removeLast() }
        entries.append(metrics)
        guard entries.count > capacity else { return }
        stride *= 2
        let latest = entries[entries.count - 1]
        let stride = stride
        entries.removeAll { $0.epoch % stride != 0 }
        if !kept(latest) { entries.append(latest) }
    }

    private func kept(_ metrics: EpochMetrics) -> Bool { metrics.epoch % stride == 0 }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> EpochMetrics { entries[position] }
}
