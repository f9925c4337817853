import StepgradEngine

/// How a quantity is written in formulas: Unicode for terminals, LaTeX for answer keys.
extension Quantity {
    /// `z₂`, `dW₁`, `W₁′`; the output activation is `ŷ` when `outputLayer` is its layer.
    public func symbol(outputLayer: Int? = nil) -> String {
        let sub = layer.map(Subscript.digits) ?? ""
        switch kind {
        case .x, .y, .loss: return kind == .loss ? "L" : kind.rawValue
        case .a where layer == outputLayer: return "ŷ"
        case .da where layer == outputLayer: return "dŷ"
        case .W_new: return "W\(sub)′"
        case .b_new: return "b\(sub)′"
        case .buf, .m, .v, .mhat, .vhat:
            let name = [Kind.mhat: "m̂", .vhat: "v̂"][kind] ?? kind.rawValue
            return "\(name)\(isPrevious ? "ₜ₋₁" : "")(\(ofBias ? "b" : "W")\(sub))"
        default: return kind.rawValue + sub
        }
    }

    public func latex(outputLayer: Int? = nil) -> String {
        let l = layer.map(String.init) ?? ""
        func partial(_ of: String) -> String { "\\frac{\\partial \\mathcal{L}}{\\partial \(of)}" }
        switch kind {
        case .x, .y: return kind.rawValue
        case .loss: return "\\mathcal{L}"
        case .a where layer == outputLayer: return "\\hat{y}"
        case .z, .a, .W, .b: return "\(kind.rawValue)_{\(l)}"
        case .da where layer == outputLayer: return partial("\\hat{y}")
        case .da: return partial("a_{\(l)}")
        case .dz: return partial("z_{\(l)}")
        case .dW: return partial("W_{\(l)}")
        case .db: return partial("b_{\(l)}")
        case .W_new: return "W_{\(l)}'"
        case .b_new: return "b_{\(l)}'"
        case .buf, .m, .v, .mhat, .vhat:
            let name = [Kind.buf: "\\mathrm{buf}", .mhat: "\\hat{m}", .vhat: "\\hat{v}"][kind] ?? kind.rawValue
            return "\(name)_{\(ofBias ? "b" : "W")_{\(l)}}" + (isPrevious ? "^{(t-1)}" : "")
        }
    }
}

public enum Subscript {
    private static let map: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
    ]
    public static func digits(_ n: Int) -> String { String(String(n).map { map[$0] ?? $0 }) }
}
