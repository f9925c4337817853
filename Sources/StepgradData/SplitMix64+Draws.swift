import Foundation
import StepgradEngine

extension SplitMix64 {
    /// Uniform on [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + nextUnit() * (b - a) }

    /// Normal with this mean and standard deviation, by Marsaglia's polar method.
    mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        while true {
            let v1 = 2 * nextUnit() - 1, v2 = 2 * nextUnit() - 1
            let s = v1 * v1 + v2 * v2
            // s = 0 would divide by zero; s ≥ 1 falls outside the unit disc.
            if s > 0 && s < 1 { return mean + deviation * (-2 * log(s) / s).squareRoot() * v1 }
        }
    }

    /// A uniformly random permutation of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        return order
    }
}
