/// Which columns of a CSV file a dataset takes, and what its label is.
public struct CSVColumns: Hashable, Sendable {
    public enum Label: Hashable, Sendable {
        /// Class names, one-hot encoded. `classes` fixes the classes and their order (each must have
        /// samples, and no other value may appear); without it they are the values found, sorted
        /// (numerically when all are numbers).
        case classes(column: String, classes: [String]? = nil)
        /// A numeric target for regression.
        case number(column: String)

        public var column: String {
            switch self {
            case .classes(let column, _), .number(let column): column
            }
        }
    }

    /// The input columns in order; `nil` for every column but the label's.
    public var features: [String]?
    public var label: Label

    public init(features: [String]? = nil, label: Label) {
        self.features = features
        self.label = label
    }
}
