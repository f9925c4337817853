/// dz = da ⊙ f′(z), or for softmax the Jacobian product dz_j = a_j (da_j − Σ_k da_k a_k).
public struct ActivationGradient: RuleFamily {
    public var function: Activation
    public var da: Operand
    public var z: Operand
    public var a: Operand

    public init(_ function: Activation, da: Operand, z: Operand, a: Operand) {
        self.function = function
        self.da = da
        self.z = z
        self.a = a
    }

    var operands: [Operand] { [da, z, a] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> ActivationGradient {
        ActivationGradient(function, da: transform(da), z: transform(z), a: transform(a))
    }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let d = da.value
        return Matrix.computed(rows: d.rows, columns: d.columns) { dz in
            d.withPointer { dp in
                z.value.withPointer { zp in
                    a.value.withPointer { ap in function.gradient(da: dp, z: zp, a: ap, into: dz, rows: d.rows, columns: d.columns) }
                }
            }
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let d = read(da, r, c)
        switch function {
        case .softmax:
            let dot: [Expression] = (0..<da.value.columns).map { .product([read(da, r, $0), read(a, r, $0)]) }
            return [.product([read(a, r, c), .difference(d, .sum(dot))])]
        case .sigmoid:
            let av = read(a, r, c)
            return [.product([d, av, .difference(.number(1), av)])]
        case .tanh:
            return [.product([d, .difference(.number(1), .square(read(a, r, c)))])]
        default:
            read.note(z, r, c)
            return [.product([d, .number(function.derivative(z: z.value[r, c], a: a.value[r, c]))])]
        }
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        read(da, r, c)
        switch function {
        case .softmax:
            for k in 0..<da.value.columns {
                read(da, r, k)
                read(a, r, k)
            }
            read(a, r, c)
        case .sigmoid, .tanh: read(a, r, c)
        default: read(z, r, c)
        }
    }
}
