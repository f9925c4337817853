/// The figures of one measure over interleaved rounds: the median counts, the lowest and highest
/// are its spread.
struct Rounds {
    var values: [Double] = []

    mutating func append(_ value: Double?) { if let value { values.append(value) } }

    var isEmpty: Bool { values.isEmpty }

    var median: Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// `median [lowest–highest]`, each written by `format`.
    func spread(_ format: (Double) -> String) -> String {
        guard let low = values.min(), let high = values.max() else { return "–" }
        return values.count == 1 ? format(low) : "\(format(median)) [\(format(low))–\(format(high))]"
    }

    /// Round-by-round ratios of `self` to `other` (rounds paired in order).
    func ratios(to other: Rounds) -> Rounds {
        Rounds(values: zip(values, other.values).map { $0 / $1 })
    }

    /// The round-by-round larger of two reference figures: the reference at its best.
    static func best(_ a: Rounds, _ b: Rounds) -> Rounds {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return Rounds(values: zip(a.values, b.values).map { max($0, $1) })
    }
}
