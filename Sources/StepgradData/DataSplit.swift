import StepgradEngine

/// A dataset cut into a training set and a test set.
public struct DataSplit: Hashable, Sendable {
    public var train: Dataset
    public var test: Dataset

    public init(train: Dataset, test: Dataset) {
        self.train = train
        self.test = test
    }

    /// A seeded shuffle, then `testFraction` of the samples go to the test set (rounded down).
    /// Classification is split class by class, so both sets keep the classes' proportions and
    /// every class keeps at least one training sample.
    public init(_ dataset: Dataset, testFraction: Double, seed: UInt64) throws(DataError) {
        guard testFraction.isFinite, testFraction >= 0, testFraction < 1 else {
            throw DataError(file: dataset.name, message: "test-fraction must be at least 0 and below 1, not \(testFraction)")
        }
        var random = SplitMix64(seed: seed)
        let groups: [[Int]] = if let labels = dataset.labels, let classes = dataset.classes {
            (0..<classes.count).map { k in labels.indices.filter { labels[$0] == k } }
        } else {
            [Array(0..<dataset.count)]
        }
        var train: [Int] = [], test: [Int] = []
        for group in groups {
            let shuffled = random.permutation(group.count).map { group[$0] }
            let testCount = Int(Double(group.count) * testFraction)
            test += shuffled.prefix(testCount)
            train += shuffled.dropFirst(testCount)
        }
        // Sorted, so each set keeps the dataset's order; shuffling for mini-batches is the trainer's.
        self.init(train: dataset.subset(train.sorted()), test: dataset.subset(test.sorted()))
    }

    /// Both sets standardized with the training set's means and deviations, so nothing of the
    /// test set leaks into training.
    public func standardized() -> DataSplit {
        let standardization = Standardization(fitting: train.inputs)
        var split = self
        split.train.inputs = standardization.apply(train.inputs)
        split.test.inputs = standardization.apply(test.inputs)
        return split
    }
}
