/// Seeded weight initialization that gives the same numbers on every platform:
/// SplitMix64 and plain arithmetic, no libm, no platform random source.
public struct Initializer: Hashable, Sendable {
    public enum Scheme: String, Hashable, Sendable, CaseIterable {
        /// Glorot uniform: U(−√(6/(in+out)), √(6/(in+out))).
        case xavier
        /// He (Kaiming) uniform: U(−√(6/in), √(6/in)).
        case he
        /// U(−1, 1).
        case uniform
    }

    public var seed: UInt64
    public var scheme: Scheme
    /// Rounds each weight to this many decimals, for friendly homework numbers.
    public var decimals: Int?

    public init(seed: UInt64, scheme: Scheme = .xavier, decimals: Int? = nil) {
        self.seed = seed
        self.scheme = scheme
        self.decimals = decimals
    }

    /// Weights for every layer, then biases (zeros where the layer has a bias).
    public func parameters(for network: Network) -> Parameters {
        var generator = SplitMix64(seed: seed)
        var weights: [Matrix] = [], biases: [Matrix?] = []
        for l in 1...network.depth {
            let fanIn = Double(network.inputs(ofLayer: l)), fanOut = Double(network.layer(l).units)
            let bound: Double = switch scheme {
            case .xavier: (6 / (fanIn + fanOut)).squareRoot()
            case .he: (6 / fanIn).squareRoot()
            case .uniform: 1
            }
            let shape = network.weightShape(ofLayer: l)
            let values = (0..<(shape.rows * shape.columns)).map { _ in round((generator.nextUnit() * 2 - 1) * bound) }
            weights.append(Matrix(rows: shape.rows, columns: shape.columns, elements: values))
            biases.append(network.layer(l).hasBias ? Matrix(rows: 1, columns: network.layer(l).units) : nil)
        }
        return Parameters(weights: weights, biases: biases)
    }

    private func round(_ v: Double) -> Double {
        guard let decimals else { return v }
        let scale = (0..<decimals).reduce(1.0) { power, _ in power * 10 }
        let r = (v * scale).rounded(.toNearestOrAwayFromZero) / scale
        return r == 0 ? 0 : r
    }
}

/// Steele, Lea and Flood's SplitMix64: tiny, fast, and identical everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) from the top 53 bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
