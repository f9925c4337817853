import StepgradEngine

/// Samples ready for a network: one row of `inputs` and one row of `targets` per sample.
///
/// For classification the targets are one-hot, one column per class in `Task.classification`'s order;
/// for regression they are the numbers themselves, one column.
public struct Dataset: Hashable, Sendable {
    public enum Task: Hashable, Sendable {
        /// One-hot targets; `classes[k]` names column `k`.
        case classification(classes: [String])
        /// Numeric targets, one column named `target`.
        case regression(target: String)
    }

    /// Where the samples came from, for messages and headers: `spiral`, `iris.csv`.
    public var name: String
    /// One name per input column.
    public var features: [String]
    public var task: Task
    /// `samples × features`.
    public var inputs: Matrix
    /// `samples × classes` (one-hot) or `samples × 1`.
    public var targets: Matrix

    public init(name: String, features: [String], task: Task, inputs: Matrix, targets: Matrix) {
        precondition(inputs.rows == targets.rows, "Dataset: \(inputs.rows) inputs for \(targets.rows) targets")
        precondition(inputs.columns == features.count, "Dataset: \(features.count) names for \(inputs.columns) features")
        self.name = name
        self.features = features
        self.task = task
        self.inputs = inputs
        self.targets = targets
    }

    public var count: Int { inputs.rows }

    /// The class names, or `nil` for regression.
    public var classes: [String]? {
        if case .classification(let classes) = task { return classes }
        return nil
    }

    /// Each sample's class index (the hot column), or `nil` for regression.
    public var labels: [Int]? {
        guard let classes else { return nil }
        return (0..<count).map { row in (0..<classes.count).first { targets[row, $0] == 1 } ?? 0 }
    }

    /// How many samples each class has, in class order; `nil` for regression.
    public var classCounts: [Int]? {
        guard let classes, let labels else { return nil }
        return labels.reduce(into: Array(repeating: 0, count: classes.count)) { counts, label in counts[label] += 1 }
    }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        func pick(_ m: Matrix) -> Matrix {
            // Copied row by row into one array: this builds every mini-batch, so it stays cheap.
            var elements: [Double] = []
            elements.reserveCapacity(indices.count * m.columns)
            for i in indices { elements += m.elements[(i * m.columns)..<((i + 1) * m.columns)] }
            return Matrix(rows: indices.count, columns: m.columns, elements: elements)
        }
        return Dataset(name: name, features: features, task: task, inputs: pick(inputs), targets: pick(targets))
    }
}

extension Dataset {
    /// One-hot rows for class indices.
    static func oneHot(_ labels: [Int], classes: Int) -> Matrix {
        var m = Matrix(rows: labels.count, columns: classes)
        for (row, label) in labels.enumerated() { m[row, label] = 1 }
        return m
    }
}
