import Foundation

/// a = f(z), elementwise or, for softmax, per sample.
public struct Activate: RuleFamily {
    public var function: Activation
    public var z: Operand

    public init(_ function: Activation, z: Operand) {
        self.function = function
        self.z = z
    }

    var operands: [Operand] { [z] }

    func replacingOperands(_ transform: (Operand) -> Operand) -> Activate { Activate(function, z: transform(z)) }

    func evaluated(_ context: Operation.Context) -> Matrix { function.apply(z.value) }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let zv = read(z, r, c), v = z.value[r, c]
        switch function {
        case .identity: return [zv]
        case .relu: return [.call(.max, [.number(0), zv])]
        case .leakyRelu(let s): return v > 0 ? [zv] : [.product([.number(s), zv])]
        case .sigmoid: return [.call(.sigmoid, [zv]), .quotient(.number(1), .sum([.number(1), .call(.exp, [.number(-v)])]))]
        case .tanh: return [.call(.tanh, [zv])]
        case .softmax:
            let row = (0..<z.value.columns).map { read(z, r, $0) }
            let values = z.value.row(r), top = values.max() ?? 0
            let textbook = Expression.quotient(.call(.exp, [row[c]]), .sum(row.map { .call(.exp, [$0]) }))
            let shifted = values.map { exp($0 - top) }
            guard values.allSatisfy({ exp($0).isNormal }) else {
                // e^z itself overflows or vanishes: every power taken about the largest z, m, as the engine does.
                let m = Expression.number(top)
                return [textbook, .quotient(.call(.exp, [.difference(row[c], m)]), .sum(row.map { .call(.exp, [.difference($0, m)]) })),
                        .quotient(.number(shifted[c]), .number(shifted.reduce(0, +)))]
            }
            let exps = shifted.map { $0 * exp(top) }
            return [textbook, .quotient(.number(exps[c]), .number(exps.reduce(0, +)))]
        }
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        read(z, r, c)
        if function == .softmax { for k in 0..<z.value.columns { read(z, r, k) } }
    }
}
