import StepgradData
import StepgradEngine

/// What a scenario with `data:` trains on, and how: the samples split into a training and a test
/// set, cut into mini-batches of `batchSize`, `epochs` times over.
///
/// Each epoch's order is a function of the shuffle seed and the epoch's number alone, so any
/// mini-batch of any epoch can be rebuilt without replaying the ones before it.
public struct TrainingPlan: Hashable, Sendable {
    /// Where the samples come from, as the scenario file says it (so that a saved scenario says it again).
    public enum Source: Hashable, Sendable {
        case generated(GeneratedData, samples: Int, noise: Double)
        /// `path` as resolved (relative to the scenario's directory, or the bundled `Assets/data`).
        case csv(path: String, columns: CSVColumns)
    }

    public var source: Source
    /// Draws the generated points and the train/test split.
    public var seed: UInt64
    public var testFraction: Double
    /// Inputs scaled to mean 0, deviation 1 by the training set's statistics.
    public var standardize: Bool
    public var data: DataSplit
    /// The last mini-batch of an epoch takes what is left, so it may be smaller.
    public var batchSize: Int
    public var epochs: Int
    /// `nil`: every epoch takes the training set in its order.
    public var shuffleSeed: UInt64?

    public init(source: Source, seed: UInt64, testFraction: Double, standardize: Bool, data: DataSplit,
                batchSize: Int, epochs: Int, shuffleSeed: UInt64?) {
        self.source = source
        self.seed = seed
        self.testFraction = testFraction
        self.standardize = standardize
        self.data = data
        self.batchSize = batchSize
        self.epochs = epochs
        self.shuffleSeed = shuffleSeed
    }

    public var train: Dataset { data.train }
    public var test: Dataset { data.test }

    public var batchesPerEpoch: Int { (train.count + batchSize - 1) / batchSize }

    /// The training samples' order in epoch `epoch` (1-based).
    public func order(epoch: Int) -> [Int] {
        guard let shuffleSeed else { return Array(0..<train.count) }
        // A stream per epoch: the epoch's number mixed into the seed by a large odd constant, so
        // that no two epochs' streams overlap (SplitMix64's own increment would make them shifted copies).
        var random = SplitMix64(seed: shuffleSeed ^ (UInt64(epoch) &* 0xD1B5_4A32_D192_ED03))
        return random.permutation(train.count)
    }

    /// Mini-batch `index` (0-based) of an epoch whose order is `order`.
    public func batch(_ index: Int, of order: [Int]) -> Batch {
        let rows = Array(order[(index * batchSize)..<min(order.count, (index + 1) * batchSize)])
        let samples = train.subset(rows)
        return Batch(input: samples.inputs, target: samples.targets)
    }
}
