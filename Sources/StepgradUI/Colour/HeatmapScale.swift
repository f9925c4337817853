/// Where a value sits on a diverging scale centred on zero.
public enum HeatLevel: Hashable, Sendable {
    case zero
    /// Magnitude as a fraction of the scale's limit, in (0, 1].
    case positive(Double)
    case negative(Double)
    case positiveInfinity
    case negativeInfinity
    case nan

    /// Magnitude in [0, 1]; 1 for infinities, 0 for zero and NaN.
    public var intensity: Double {
        switch self {
        case .zero, .nan: 0
        case .positive(let t), .negative(let t): t
        case .positiveInfinity, .negativeInfinity: 1
        }
    }
}

/// A diverging scale: zero is neutral, the sign picks the hue and |value| / `limit` the intensity.
///
/// Build one per quantity (`HeatmapScale(values:)`) to compare elements within it, or share one
/// across quantities (`HeatmapScale(sharing:)`) to compare magnitudes between them.
public struct HeatmapScale: Hashable, Sendable {
    /// The magnitude shown at full intensity. Zero when there is nothing finite and non-zero to show.
    public let limit: Double

    public init(limit: Double) {
        self.limit = limit.isFinite ? abs(limit) : 0
    }

    /// The scale whose limit is the largest finite magnitude among `values`
    /// (NaN and ±∞ have their own looks and must not flatten everything else).
    public init(values: some Sequence<Double>) {
        self.init(limit: values.reduce(0) { $1.isFinite ? max($0, abs($1)) : $0 })
    }

    /// One scale covering all of `scales`, so their colours compare directly.
    public init(sharing scales: some Sequence<HeatmapScale>) {
        self.init(limit: scales.reduce(0) { max($0, $1.limit) })
    }

    public func level(_ value: Double) -> HeatLevel {
        if value.isNaN { return .nan }
        if value.isInfinite { return value > 0 ? .positiveInfinity : .negativeInfinity }
        if value == 0 { return .zero }
        // Values beyond the limit (a shared scale built elsewhere, or limit 0) saturate.
        let intensity = limit > 0 ? min(abs(value) / limit, 1) : 1
        return value > 0 ? .positive(intensity) : .negative(intensity)
    }
}
