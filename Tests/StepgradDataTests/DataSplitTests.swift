import Testing
import StepgradEngine
@testable import StepgradData

@Suite struct DataSplitTests {
    @Test func classificationSplitsClassByClassAndDeterministically() throws {
        let data = try GeneratedData.spiral.dataset(samples: 400, noise: 0.1, seed: 1)
        let split = try DataSplit(data, testFraction: 0.2, seed: 5)
        #expect(split.train.classCounts == [160, 160] && split.test.classCounts == [40, 40])
        #expect(split == (try DataSplit(data, testFraction: 0.2, seed: 5)))
        #expect(split.test.inputs != (try DataSplit(data, testFraction: 0.2, seed: 6)).test.inputs)
        // Together the two sets are the dataset, each sample once.
        let rows = (split.train.inputs.rowList + split.test.inputs.rowList).map { "\($0)" }
        #expect(Set(rows) == Set(data.inputs.rowList.map { "\($0)" }) && rows.count == 400)
    }

    @Test func regressionSplitsTheWholeAndRoundsTheTestSetDown() throws {
        let data = try GeneratedData.plane.dataset(samples: 99, noise: 0, seed: 1)
        let split = try DataSplit(data, testFraction: 0.25, seed: 1)
        #expect(split.test.count == 24 && split.train.count == 75)
        #expect(try DataSplit(data, testFraction: 0, seed: 1).test.count == 0)
    }

    @Test func aSmallClassKeepsATrainingSample() throws {
        let data = Dataset(name: "d", features: ["x"], task: .classification(classes: ["a", "b"]),
                           inputs: Matrix(rows: 5, columns: 1, elements: [1, 2, 3, 4, 5]),
                           targets: Dataset.oneHot([0, 0, 0, 0, 1], classes: 2))
        let split = try DataSplit(data, testFraction: 0.5, seed: 3)
        #expect(split.train.classCounts == [2, 1] && split.test.classCounts == [2, 0])
    }

    @Test(arguments: [1.0, -0.1, .nan])
    func fractionsOutsideZeroToOneAreErrors(_ fraction: Double) throws {
        let data = try GeneratedData.xor.dataset(samples: 10, noise: 0, seed: 1)
        #expect(throws: DataError.self) { try DataSplit(data, testFraction: fraction, seed: 1) }
    }

    @Test func standardizationUsesTheTrainingSetsStatistics() throws {
        // By hand: train column [1, 3, 5] has mean 3 and population deviation √(8/3); test 7 becomes 4/√(8/3).
        let data = Dataset(name: "d", features: ["x", "c"], task: .regression(target: "t"),
                           inputs: Matrix([[1, 2], [3, 2], [5, 2], [7, 2]]), targets: Matrix([[0], [0], [0], [0]]))
        let split = DataSplit(train: data.subset([0, 1, 2]), test: data.subset([3])).standardized()
        let s = (8.0 / 3).squareRoot()
        #expect(zip(split.train.inputs.elements, [-2 / s, 0, 0, 0, 2 / s, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(abs(split.test.inputs[0, 0] - 4 / s) < 1e-15 && split.test.inputs[0, 1] == 0)
    }
}
