import StepgradEngine
import Testing

/// Matrix products against a hand example and against the schoolbook triple loop, which sums
/// over k in increasing order — the order the engine promises, so equality is exact.
@Suite struct MatrixProductTests {
    @Test func handExample() {
        let a = Matrix([[1, 2], [3, 4]]), b = Matrix([[5, 6], [7, 8]])
        #expect(a.multiplied(by: b) == Matrix([[19, 22], [43, 50]]))
        #expect(a.multiplied(byTransposeOf: b) == Matrix([[17, 23], [39, 53]]))
        #expect(a.transposeMultiplied(by: b) == Matrix([[26, 30], [38, 44]]))
    }

    static let shapes = [(1, 1, 1), (1, 13, 7), (1, 3, 9), (2, 8, 3), (5, 17, 9), (7, 9, 1), (4, 30, 11)]

    @Test(arguments: shapes.indices)
    func productsSumInOrder(_ index: Int) {
        let (m, p, n) = Self.shapes[index]
        var g = SplitMix64(seed: UInt64(index + 11))
        // A quarter of the factors are 0, as after a relu.
        func sparse(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in
                let u = g.nextUnit()
                return u < 0.25 ? 0 : u * 4 - 2
            })
        }
        let a = sparse(m, p), b = sparse(p, n)
        let expected = Self.schoolbook(a, b)
        #expect(a.multiplied(by: b) == expected)
        #expect(a.multiplied(byTransposeOf: b.transposed) == expected)
        #expect(a.transposed.transposeMultiplied(by: b) == expected)
    }

    static func schoolbook(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
                c[i, j] = sum
            }
        }
        return c
    }
}
