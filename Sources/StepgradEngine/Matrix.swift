/// A dense row-major matrix of doubles.
///
/// Per-sample quantities (x, z, a, dz, …) are `batch × units`, one row per sample;
/// parameters keep the layout of the scenario's weight convention.
public struct Matrix: Hashable, Sendable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    public var elements: [Double]

    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "Matrix: \(elements.count) elements for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// Rows as written on paper: `[[1, 2], [3, 4]]`.
    public init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == columns }, "Matrix: ragged rows")
        self.init(rows: rowList.count, columns: columns, elements: rowList.flatMap { $0 })
    }

    /// A single row: one sample, or a bias vector.
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, elements: row)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    public var count: Int { elements.count }
    public var shape: Shape { Shape(rows: rows, columns: columns) }

    public func row(_ r: Int) -> [Double] { Array(elements[(r * columns)..<((r + 1) * columns)]) }
    public var rowList: [[Double]] { (0..<rows).map(row) }
}

/// The shape of a matrix, printed the way error messages and headers need it: `4×3`.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
    public var transposed: Shape { Shape(rows: columns, columns: rows) }
    public var description: String { "\(rows)×\(columns)" }
}

extension Matrix {
    /// A `rows × columns` matrix whose storage `fill` writes, for the raw-buffer arithmetic.
    static func computed(rows: Int, columns: Int, _ fill: (UnsafeMutablePointer<Double>) -> Void) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        result.elements.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { fill(base) } else { withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { fill($0.baseAddress!) } }
        }
        return result
    }

    /// The storage, for the raw-buffer arithmetic (a valid pointer even when empty).
    func withPointer<R>(_ body: (UnsafePointer<Double>) -> R) -> R {
        elements.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { return body(base) }
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { body(UnsafePointer($0.baseAddress!)) }
        }
    }

    /// `withPointer` of an optional matrix.
    static func withOptionalPointer<R>(_ matrix: Matrix?, _ body: (UnsafePointer<Double>?) -> R) -> R {
        guard let matrix else { return body(nil) }
        return matrix.withPointer { body($0) }
    }
}

extension UnsafeBufferPointer<Double> {
    /// Whether no element is ∞ or NaN, in the kernel's vectors.
    var allFinite: Bool { baseAddress.map { Kernel.allFinite($0, count: count) } ?? true }
}

extension Matrix {
    /// Whether no element is ∞ or NaN.
    var allFinite: Bool { elements.withUnsafeBufferPointer { $0.allFinite } }
}
