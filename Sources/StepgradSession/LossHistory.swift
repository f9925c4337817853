/// The loss of every finished iteration, in memory (and in a state file) that stays bounded
/// however long a session trains: the latest losses exactly, older ones summarised.
///
/// - `exact` holds the latest losses, between `exactLimit` and 2 × `exactLimit` of them once
///   that many were recorded (they move on to the summaries a batch at a time);
/// - `buckets` summarise the iterations before them, in order, `width` iterations each (the
///   last may hold fewer): their mean, minimum and maximum. When there are more than
///   2 × `bucketLimit`, neighbours merge and the width doubles, so the whole run stays evenly
///   covered, at a resolution that halves each time the run doubles.
///
/// 10⁸ iterations take about 50 KB; a sparkline or a curve reads it through `value(at:)` and
/// `samples(_:)`.
public struct LossHistory: Hashable, Sendable, Codable {
    public struct Bucket: Hashable, Sendable, Codable {
        public var count: Int
        public var mean: Double
        public var minimum: Double
        public var maximum: Double

        init(_ value: Double) {
            count = 1
            mean = value
            minimum = value
            maximum = value
        }

        /// One bucket of several losses (at least one).
        init(_ values: ArraySlice<Double>) {
            count = values.count
            mean = values.reduce(0, +) / Double(values.count)
            minimum = values.reduce(values[values.startIndex]) { .minimum($0, $1) }
            maximum = values.reduce(values[values.startIndex]) { .maximum($0, $1) }
        }

        /// Not-a-number stays in the mean; the extremes are of the numbers.
        mutating func absorb(_ other: Bucket) {
            let total = count + other.count
            mean = mean * (Double(count) / Double(total)) + other.mean * (Double(other.count) / Double(total))
            minimum = .minimum(minimum, other.minimum)
            maximum = .maximum(maximum, other.maximum)
            count = total
        }
    }

    public static let exactLimit = 1024
    public static let bucketLimit = 512

    /// Losses recorded: iteration `count + 1` is the next.
    public private(set) var count = 0
    /// The losses of iterations `count − exact.count + 1 … count`.
    public private(set) var exact: [Double] = []
    public private(set) var buckets: [Bucket] = []
    /// Iterations per bucket, a power of two.
    public private(set) var width = 1

    public init() {}

    public init<Losses: Sequence<Double>>(_ losses: Losses) {
        for loss in losses { append(loss) }
    }

    public var isEmpty: Bool { count == 0 }
    public var last: Double? { exact.last ?? buckets.last?.mean }

    public mutating func append(_ loss: Double) {
        exact.append(loss)
        count += 1
        if exact.count == 2 * Self.exactLimit { summariseOldest() }
    }

    /// Forgets the latest loss, `loss` (the caller knows it: stepping back recomputes it). Once
    /// only summaries remain, it leaves the mean of the latest bucket and widens nothing, so
    /// the bucket's minimum and maximum stay as bounds.
    public mutating func removeLast(_ loss: Double) {
        guard count > 0 else { return }
        count -= 1
        if !exact.isEmpty {
            exact.removeLast()
        } else if var bucket = buckets.popLast(), bucket.count > 1 {
            bucket.mean = (bucket.mean * Double(bucket.count) - loss) / Double(bucket.count - 1)
            bucket.count -= 1
            buckets.append(bucket)
        }
    }

    /// The loss of iteration `index + 1` (`index` in `0..<count`): exact when recent, the mean
    /// of its bucket otherwise.
    public func value(at index: Int) -> Double {
        let firstExact = count - exact.count
        return index >= firstExact ? exact[index - firstExact] : buckets[index / width].mean
    }

    /// `n` values spread evenly over the history, first and last included, or all of them.
    public func samples(_ n: Int) -> [Double] {
        guard count > n else { return (0..<count).map(value(at:)) }
        guard n > 1 else { return n == 1 ? [value(at: count - 1)] : [] }
        return (0..<n).map { value(at: $0 * (count - 1) / (n - 1)) }
    }

    /// Moves the oldest `exactLimit` exact losses into the buckets.
    private mutating func summariseOldest() {
        var start = 0
        while start < Self.exactLimit {
            // Fill the latest bucket up to `width`, or open a new one.
            var bucket: Bucket
            if let last = buckets.last, last.count < width {
                bucket = buckets.removeLast()
            } else {
                bucket = Bucket(exact[start])
                start += 1
            }
            let end = min(Self.exactLimit, start + width - bucket.count)
            if start < end { bucket.absorb(Bucket(exact[start..<end])) }
            start = end
            buckets.append(bucket)
            if buckets.count > 2 * Self.bucketLimit { mergeNeighbours() }
        }
        exact.removeFirst(Self.exactLimit)
    }

    private mutating func mergeNeighbours() {
        buckets = stride(from: 0, to: buckets.count, by: 2).map { i in
            var merged = buckets[i]
            if i + 1 < buckets.count { merged.absorb(buckets[i + 1]) }
            return merged
        }
        width *= 2
    }

    /// Whether a history read from a file keeps the rules above, so that reading it can never
    /// trap: counts that add up, within the limits, buckets of the stated width.
    public var isWellFormed: Bool {
        guard count >= 0, exact.count <= 2 * Self.exactLimit, buckets.count <= 2 * Self.bucketLimit + 1,
              width > 0, width.nonzeroBitCount == 1, width <= 1 << 50 else { return false }
        var total = exact.count
        for (i, bucket) in buckets.enumerated() {
            guard i == buckets.count - 1 ? (1...width).contains(bucket.count) : bucket.count == width else { return false }
            total += bucket.count
        }
        return total == count
    }
}
