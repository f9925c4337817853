import Foundation
import Testing
import StepgradEngine
@testable import StepgradData

/// The generators: determinism, shapes, class balance and the shapes' geometry. The exact points are
/// Tests/Reference/datasets.py's (SplitMix64 and Playground's formulas written again in Python).
@Suite struct GeneratedDataTests {
    @Test(arguments: GeneratedData.allCases)
    func sameSeedSamePointsOtherSeedOthers(_ kind: GeneratedData) throws {
        let a = try kind.dataset(samples: 200, noise: 0.2, seed: 42)
        #expect(a == (try kind.dataset(samples: 200, noise: 0.2, seed: 42)))
        #expect(a.inputs != (try kind.dataset(samples: 200, noise: 0.2, seed: 43)).inputs)
        #expect(a.inputs.shape == Shape(rows: 200, columns: 2))
        #expect(a.features == ["x", "y"])
        #expect(a.targets.shape == Shape(rows: 200, columns: kind.isClassification ? 2 : 1))
        #expect(a.inputs.elements.allSatisfy(\.isFinite) && a.targets.elements.allSatisfy(\.isFinite))
    }

    @Test(arguments: [GeneratedData.circles, .gauss, .spiral, .moons], [7, 400])
    func halvesAreBalancedWithoutNoise(_ kind: GeneratedData, samples: Int) throws {
        let data = try kind.dataset(samples: samples, noise: 0, seed: 1)
        // The first half drawn (positive, or moons' outer) gets the odd sample.
        let (first, second) = (samples - samples / 2, samples / 2)
        #expect(data.classCounts == (kind == .moons ? [first, second] : [second, first]))
        #expect(data.targets.rowList.allSatisfy { $0.reduce(0, +) == 1 && $0.allSatisfy { $0 == 0 || $0 == 1 } })
    }

    @Test func spiralMatchesTheReference() throws {
        let data = try GeneratedData.spiral.dataset(samples: 6, noise: 0.1, seed: 1)
        let expected: [[Double]] = [
            [0.01331231503445618, 0.04915635145254023], [-0.7391327826159743, -1.4545038295629098],
            [2.8756042861134006, 1.7192455450490178], [0.0754697373528346, 0.004613435970196278],
            [0.7904350702127266, 1.5021749941065252], [-2.9059229121380836, -1.6455825928716004],
        ]
        for (row, point) in expected.enumerated() {
            #expect(abs(data.inputs[row, 0] - point[0]) < 1e-12 && abs(data.inputs[row, 1] - point[1]) < 1e-12, "row \(row)")
        }
        #expect(data.labels == [1, 1, 1, 0, 0, 0])
        #expect(data.classes == ["negative", "positive"])
    }

    @Test func xorMatchesTheReference() throws {
        let data = try GeneratedData.xor.dataset(samples: 4, noise: 0.2, seed: 7)
        let expected: [Double] = [-1.4017025160872854, -5.132117054718439, -0.7755810498853164, -2.8056847771725666,
                                  -3.9574170119155134, -1.1685860258222072, 4.480195851461324, 4.013317598767439]
        #expect(zip(data.inputs.elements, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(data.labels == [1, 1, 1, 1])
    }

    @Test func planeMatchesTheReference() throws {
        let data = try GeneratedData.plane.dataset(samples: 3, noise: 0.1, seed: 3)
        let expected: [Double] = [-4.638595895314145, 2.403522163114829, -3.4027306946221816, 1.6346677887317735,
                                  -0.1072505392626546, 4.662352819832595]
        #expect(zip(data.inputs.elements, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        let targets: [Double] = [-0.2612064029017225, -0.17394257546591746, 0.5047489167615143]
        #expect(zip(data.targets.elements, targets).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(data.task == .regression(target: "target"))
    }

    @Test func xorWithoutNoiseIsTheQuadrantsKeptClearOfTheAxes() throws {
        let data = try GeneratedData.xor.dataset(samples: 1000, noise: 0, seed: 5)
        let labels = try #require(data.labels)
        for row in 0..<data.count {
            let (x, y) = (data.inputs[row, 0], data.inputs[row, 1])
            #expect(abs(x) >= 0.3 && abs(x) <= 5.3 && abs(y) >= 0.3 && abs(y) <= 5.3)
            #expect(labels[row] == (x * y >= 0 ? 1 : 0))
        }
        let positives = try #require(data.classCounts)[1]
        #expect((450...550).contains(positives), "uniform quadrants give about half: \(positives)")
    }

    @Test func circlesWithoutNoiseKeepTheirRings() throws {
        let data = try GeneratedData.circles.dataset(samples: 400, noise: 0, seed: 2)
        let labels = try #require(data.labels)
        for row in 0..<data.count {
            let r = (data.inputs[row, 0] * data.inputs[row, 0] + data.inputs[row, 1] * data.inputs[row, 1]).squareRoot()
            #expect(labels[row] == 1 ? r <= 2.5 : (3.5...5.0).contains(r))
        }
    }

    @Test func noiseFlipsSomeCircleLabelsButKeepsTheCount() throws {
        let data = try GeneratedData.circles.dataset(samples: 400, noise: 0.5, seed: 2)
        let counts = try #require(data.classCounts)
        #expect(counts.reduce(0, +) == 400 && counts[1] != 200)
    }

    @Test(arguments: [(0.0, 0.5), (0.5, 4.0)])
    func gaussHasPlaygroundsCentresAndVariance(noise: Double, variance: Double) throws {
        let data = try GeneratedData.gauss.dataset(samples: 20_000, noise: noise, seed: 9)
        let labels = try #require(data.labels)
        for (label, centre) in [(1, 2.0), (0, -2.0)] {
            let xs = (0..<data.count).filter { labels[$0] == label }.map { data.inputs[$0, 0] }
            let mean = xs.reduce(0, +) / Double(xs.count)
            let sampleVariance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
            // 10,000 draws: the mean is within 4 standard errors, the variance within 5 %.
            #expect(abs(mean - centre) < 4 * (variance / 10_000).squareRoot())
            #expect(abs(sampleVariance / variance - 1) < 0.05, "variance \(sampleVariance)")
        }
    }

    @Test func spiralWithoutNoiseStaysOnItsArms() throws {
        let data = try GeneratedData.spiral.dataset(samples: 200, noise: 0, seed: 1)
        // Point i of 100 on an arm sits at radius 5·i/100; the negative arm is the positive one turned by π.
        for i in 0..<100 {
            let r = (data.inputs[i, 0] * data.inputs[i, 0] + data.inputs[i, 1] * data.inputs[i, 1]).squareRoot()
            #expect(abs(r - 5 * Double(i) / 100) < 1e-12)
            #expect(abs(data.inputs[i, 0] + data.inputs[100 + i, 0]) < 1e-12 && abs(data.inputs[i, 1] + data.inputs[100 + i, 1]) < 1e-12)
        }
    }

    @Test func moonsWithoutNoiseLieOnScikitLearnsHalfCircles() throws {
        let data = try GeneratedData.moons.dataset(samples: 100, noise: 0, seed: 1)
        #expect(data.classes == ["outer", "inner"])
        for row in 0..<data.count {
            let (x, y) = (data.inputs[row, 0], data.inputs[row, 1])
            let inner = row >= 50
            let (cx, cy) = inner ? (1.0, 0.5) : (0.0, 0.0)
            #expect(abs((x - cx) * (x - cx) + (y - cy) * (y - cy) - 1) < 1e-12)
            #expect(inner ? y <= 0.5 + 1e-12 : y >= -1e-12)
        }
        // make_moons' ends: the outer arc starts at (1, 0), the inner at (0, 0.5).
        #expect(data.inputs.row(0) == [1, 0] && data.inputs.row(50) == [0, 0.5])
    }

    @Test func regressionTargetsWithoutNoiseAreTheirFormulas() throws {
        let plane = try GeneratedData.plane.dataset(samples: 50, noise: 0, seed: 4)
        let sine = try GeneratedData.sine.dataset(samples: 50, noise: 0, seed: 4)
        for row in 0..<50 {
            #expect(abs(plane.targets[row, 0] - (plane.inputs[row, 0] + plane.inputs[row, 1]) / 10) < 1e-15)
            #expect(sine.targets[row, 0] == sin(sine.inputs[row, 0]))
            #expect(plane.inputs.row(row).allSatisfy { (-6...6).contains($0) })
        }
        let noisy = try GeneratedData.sine.dataset(samples: 200, noise: 0.3, seed: 4)
        let offsets = (0..<200).map { noisy.targets[$0, 0] - sin(noisy.inputs[$0, 0]) }
        #expect(offsets.allSatisfy { abs($0) <= 0.3 } && offsets.contains { abs($0) > 0.1 })
    }

    @Test func badSettingsAreErrorsNotCrashes() {
        #expect(throws: DataError(message: "spiral needs at least 2 samples, not 1")) {
            try GeneratedData.spiral.dataset(samples: 1, noise: 0, seed: 1)
        }
        #expect(throws: DataError(message: "noise must be a number ≥ 0, not -0.1")) {
            try GeneratedData.xor.dataset(samples: 10, noise: -0.1, seed: 1)
        }
        #expect(throws: DataError.self) { try GeneratedData.gauss.dataset(samples: 10, noise: .nan, seed: 1) }
    }
}
