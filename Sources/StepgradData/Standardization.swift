import StepgradEngine

/// Per-column shift and scale to mean 0 and standard deviation 1 (the population deviation, as
/// scikit-learn's `StandardScaler`). A constant column is only centred.
public struct Standardization: Hashable, Sendable {
    public var means: [Double]
    public var deviations: [Double]

    public init(fitting m: Matrix) {
        let n = Double(max(m.rows, 1))
        means = (0..<m.columns).map { c in (0..<m.rows).reduce(0) { $0 + m[$1, c] } / n }
        deviations = (0..<m.columns).map { [means] c in
            let variance = (0..<m.rows).reduce(0) { sum, r in sum + (m[r, c] - means[c]) * (m[r, c] - means[c]) } / n
            return variance > 0 ? variance.squareRoot() : 1
        }
    }

    public func apply(_ m: Matrix) -> Matrix {
        var result = m
        for r in 0..<m.rows {
            for c in 0..<m.columns { result[r, c] = (m[r, c] - means[c]) / deviations[c] }
        }
        return result
    }
}
