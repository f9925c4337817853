import Foundation
import StepgradEngine

/// The generated 2-D datasets. `xor`, `circles`, `gauss`, `spiral` and `plane` are TensorFlow
/// Playground's, with its shapes, ranges and meaning of noise; `moons` is scikit-learn's `make_moons`;
/// `sine` is stepgrad's own. Every draw comes from one SplitMix64 stream, so a seed gives the same
/// points every time.
///
/// Classification sets have two classes, `negative` (column 0, Playground's orange, label −1) and
/// `positive` (column 1, its blue, label +1); moons has `outer` and `inner`. Samples come in the order
/// they are drawn: the positive (or outer) class first. A class drawn in a half gets `samples − samples/2`
/// points for the first half and `samples/2` for the second.
public enum GeneratedData: String, CaseIterable, Sendable {
    /// Points uniform in [−5, 5]², pushed 0.3 away from the axes; positive where x·y ≥ 0 (after noise).
    case xor
    /// Positive: radius up to 2.5; negative: radius 3.5 to 5; labelled by the noisy point's radius < 2.5.
    case circles
    /// Two Gaussians at (2, 2) (positive) and (−2, −2), variance 0.5 + 7·noise.
    case gauss
    /// Two arms of 1.75 turns out to radius 5, the negative arm turned by π; noise up to ±noise per axis.
    case spiral
    /// Two interleaved half circles of radius 1 (outer, then inner shifted by (1, −0.5)); noise is the
    /// standard deviation of Gaussian noise on each coordinate, as in scikit-learn.
    case moons
    /// Regression: points uniform in [−6, 6]², target (x + y)/10 measured at the noisy point.
    case plane
    /// Regression: points uniform in [−6, 6]², target sin(x) + noise·U(−1, 1); y plays no part.
    case sine

    public var isClassification: Bool { self != .plane && self != .sine }

    /// `samples` points with this noise (0 to 0.5 in Playground's sets; any non-negative value is taken).
    public func dataset(samples: Int, noise: Double, seed: UInt64) throws(DataError) -> Dataset {
        guard samples >= 2 else { throw DataError(message: "\(rawValue) needs at least 2 samples, not \(samples)") }
        guard noise.isFinite, noise >= 0 else { throw DataError(message: "noise must be a number ≥ 0, not \(noise)") }
        var random = SplitMix64(seed: seed)
        let first = samples - samples / 2, second = samples / 2
        var points: [(x: Double, y: Double, value: Double)] = []
        points.reserveCapacity(samples)
        switch self {
        case .xor:
            for _ in 0..<samples {
                let x = padded(random.uniform(-5, 5)), y = padded(random.uniform(-5, 5))
                let nx = random.uniform(-5, 5) * noise, ny = random.uniform(-5, 5) * noise
                points.append((x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0))
            }
        case .circles:
            for (count, radii) in [(first, 0.0...2.5), (second, 3.5...5.0)] {
                for _ in 0..<count {
                    let r = random.uniform(radii.lowerBound, radii.upperBound), angle = random.uniform(0, 2 * .pi)
                    let x = r * sin(angle), y = r * cos(angle)
                    let nx = random.uniform(-5, 5) * noise, ny = random.uniform(-5, 5) * noise
                    let inside = ((x + nx) * (x + nx) + (y + ny) * (y + ny)).squareRoot() < 2.5
                    points.append((x, y, inside ? 1 : 0))
                }
            }
        case .gauss:
            let deviation = (0.5 + 7 * noise).squareRoot()
            for (count, centre, label) in [(first, 2.0, 1.0), (second, -2.0, 0.0)] {
                for _ in 0..<count {
                    let x = random.normal(mean: centre, deviation: deviation)
                    let y = random.normal(mean: centre, deviation: deviation)
                    points.append((x, y, label))
                }
            }
        case .spiral:
            for (count, turn, label) in [(first, 0.0, 1.0), (second, Double.pi, 0.0)] {
                for i in 0..<count {
                    let fraction = Double(i) / Double(count)
                    let r = fraction * 5, t = 1.75 * fraction * 2 * .pi + turn
                    let x = r * sin(t) + random.uniform(-1, 1) * noise
                    let y = r * cos(t) + random.uniform(-1, 1) * noise
                    points.append((x, y, label))
                }
            }
        case .moons:
            // scikit-learn spaces the angles evenly over [0, π], ends included, and labels outer 0, inner 1.
            for (count, inner) in [(first, false), (second, true)] {
                for i in 0..<count {
                    let angle = count == 1 ? 0 : Double.pi * Double(i) / Double(count - 1)
                    let x = inner ? 1 - cos(angle) : cos(angle), y = inner ? 0.5 - sin(angle) : sin(angle)
                    points.append((x, y, inner ? 1 : 0))
                }
            }
            if noise > 0 {
                for i in points.indices {
                    points[i].x += random.normal(deviation: noise)
                    points[i].y += random.normal(deviation: noise)
                }
            }
        case .plane:
            for _ in 0..<samples {
                let x = random.uniform(-6, 6), y = random.uniform(-6, 6)
                let nx = random.uniform(-6, 6) * noise, ny = random.uniform(-6, 6) * noise
                points.append((x, y, (x + nx + y + ny) / 10))
            }
        case .sine:
            for _ in 0..<samples {
                let x = random.uniform(-6, 6), y = random.uniform(-6, 6)
                points.append((x, y, sin(x) + random.uniform(-1, 1) * noise))
            }
        }
        let inputs = Matrix(rows: samples, columns: 2, elements: points.flatMap { [$0.x, $0.y] })
        guard isClassification else {
            return Dataset(name: rawValue, features: ["x", "y"], task: .regression(target: "target"),
                           inputs: inputs, targets: Matrix(rows: samples, columns: 1, elements: points.map(\.value)))
        }
        let classes = self == .moons ? ["outer", "inner"] : ["negative", "positive"]
        return Dataset(name: rawValue, features: ["x", "y"], task: .classification(classes: classes),
                       inputs: inputs, targets: Dataset.oneHot(points.map { Int($0.value) }, classes: 2))
    }

    /// Playground keeps XOR's points 0.3 clear of the axes.
    private func padded(_ v: Double) -> Double { v > 0 ? v + 0.3 : v - 0.3 }
}
