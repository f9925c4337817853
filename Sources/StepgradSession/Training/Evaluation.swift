import StepgradData
import StepgradEngine

/// How well a network does on a set of samples.
public struct Evaluation: Hashable, Sendable {
    /// The scenario's loss with its reduction, over every sample.
    public var loss: Double
    /// The fraction of samples whose largest output is their class; `nil` for regression.
    public var accuracy: Double?

    public init(loss: Double, accuracy: Double?) {
        self.loss = loss
        self.accuracy = accuracy
    }

    init(network: Network, prediction: Matrix, dataset: Dataset) {
        loss = network.loss(of: prediction, target: dataset.targets)
        guard let labels = dataset.labels, !labels.isEmpty else {
            accuracy = nil
            return
        }
        let correct = labels.indices.filter { Self.predictedClass(prediction, row: $0) == labels[$0] }.count
        accuracy = Double(correct) / Double(labels.count)
    }

    /// The column with the largest output (the first of equals): one column per class, as the
    /// decoder requires of a scenario with data.
    public static func predictedClass(_ prediction: Matrix, row: Int) -> Int {
        var best = 0
        for c in 1..<prediction.columns where prediction[row, c] > prediction[row, best] { best = c }
        return best
    }
}

/// The state of training after an epoch.
public struct EpochMetrics: Hashable, Sendable {
    public var epoch: Int
    public var iterations: Int
    public var train: Evaluation
    /// `nil` when the plan keeps no test set.
    public var test: Evaluation?
    /// Layer by layer, from 1.
    public var layers: [LayerNorms] = []
}

/// How large a layer's weights are, and how large the gradients that moved them: norms that
/// shrink towards 0 layer after layer show vanishing gradients, norms that grow, exploding ones.
public struct LayerNorms: Hashable, Sendable {
    /// ‖W‖ (Frobenius) after the epoch.
    public var weights: Double
    /// ‖∂L/∂W‖ averaged over the epoch's mini-batches; `nil` before the first epoch.
    public var gradient: Double?
}

extension Matrix {
    /// √(Σ wᵢⱼ²).
    var frobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
