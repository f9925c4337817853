import Foundation
import StepgradEngine

extension StepgradEngine.Expression {
    /// Whether working this out by hand at `decimals` places means rounding a partial result:
    /// some node between the given numbers and the whole (a product in a sum, e^z, Σe^z, η·g)
    /// is not a whole multiple of 10⁻ᵈ. σ(z) and tanh(z) are worked out through e^z as well —
    /// 1/(1 + e^−z), (e^z − e^−z)/(e^z + e^−z) — so those powers count as partial results even
    /// where the line shows only σ(z) or tanh(z).
    func needsRoundedPartials(at decimals: Int) -> Bool {
        hiddenPowers.contains { !Self.isMultiple($0, of: decimals) } || children.contains { $0.hasInexactNode(at: decimals) }
    }

    private func hasInexactNode(at decimals: Int) -> Bool {
        if case .number = self { return false }
        return !Self.isMultiple(value, of: decimals) || needsRoundedPartials(at: decimals)
    }

    private static func isMultiple(_ v: Double, of decimals: Int) -> Bool {
        let scaled = v * pow(10, Double(decimals))
        return scaled.isFinite && abs(scaled - scaled.rounded()) <= 1e-6
    }

    /// The powers of e a person computes on the way to σ(z) or tanh(z).
    private var hiddenPowers: [Double] {
        guard case .call(let f, let args) = self, let z = args.first?.value else { return [] }
        switch f {
        case .sigmoid: return [exp(-z)]
        case .tanh: return [exp(z), exp(-z)]
        default: return []
        }
    }

    private var children: [StepgradEngine.Expression] {
        switch self {
        case .number: []
        case .sum(let terms), .product(let terms), .call(_, let terms): terms
        case .difference(let a, let b), .quotient(let a, let b): [a, b]
        case .negation(let a), .square(let a): [a]
        }
    }

    /// The value, as the arithmetic reads.
    var value: Double {
        switch self {
        case .number(let v): v
        case .sum(let terms): terms.reduce(0) { $0 + $1.value }
        case .difference(let a, let b): a.value - b.value
        case .product(let factors): factors.reduce(1) { $0 * $1.value }
        case .quotient(let a, let b): a.value / b.value
        case .negation(let a): -a.value
        case .square(let a): a.value * a.value
        case .call(let f, let args):
            switch f {
            case .exp: exp(args.first?.value ?? .nan)
            case .ln: log(args.first?.value ?? .nan)
            case .max: args.map(\.value).max() ?? .nan
            case .sigmoid: 1 / (1 + exp(-(args.first?.value ?? .nan)))
            case .tanh: Activation.tanh(args.first?.value ?? .nan)
            case .sqrt: (args.first?.value ?? .nan).squareRoot()
            }
        }
    }
}
