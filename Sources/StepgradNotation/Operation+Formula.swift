import StepgradEngine

/// An operation written symbolically, as the first line of a worked solution.
public struct Formula: Hashable, Sendable {
    public var unicode: String
    public var latex: String
}

extension Operation {
    public var formula: Formula {
        let L = context.outputLayer
        func u(_ q: Quantity) -> String { q.symbol(outputLayer: L) }
        func t(_ q: Quantity) -> String { q.latex(outputLayer: L) }
        let result = quantity
        let l = layer ?? 0
        let transposed = context.convention == .wtx
        let batched = context.batch > 1

        switch rule {
        case .affine:
            let input = inputQuantity
            let bias = operand(.b).map { " + " + u($0.quantity) } ?? ""
            let latexBias = operand(.b).map { " + " + t($0.quantity) } ?? ""
            return Formula(unicode: "\(u(result)) = \(u(.W(l)))\(transposed ? "ᵀ" : "")·\(u(input))\(bias)",
                           latex: "\(t(result)) = \(t(.W(l)))\(transposed ? "^{T}" : "") \(t(input))\(latexBias)")
        case .activation(let f):
            let name = f.name
            return Formula(unicode: "\(u(result)) = \(name)(\(u(.z(l))))",
                           latex: "\(t(result)) = \\operatorname{\(name)}\\left(\(t(.z(l)))\\right)")
        case .loss(let loss, let reduction):
            let (perU, perT) = Self.lossFormula(loss)
            guard batched else { return Formula(unicode: "L = " + perU, latex: "\\mathcal{L} = " + perT) }
            let (preU, preT) = reduction == .mean ? ("(1/B) Σₛ ", "\\frac{1}{B} \\sum_{s} ") : ("Σₛ ", "\\sum_{s} ")
            return Formula(unicode: "L = \(preU)ℓₛ,  ℓ = \(perU)", latex: "\\mathcal{L} = \(preT)\\ell_s, \\quad \\ell = \(perT)")
        case .lossGradient(let loss, let reduction):
            let (gU, gT) = Self.lossGradientFormula(loss)
            return scaled(result, gU, gT, reduction)
        case .fusedOutputGradient(let loss, let reduction):
            if loss == .crossEntropy {
                return scaled(result, "ŷ·Σy − y", "\\hat{y} \\textstyle\\sum_i y_i - y", reduction)
            }
            return scaled(result, "(ŷ − y)/n", "\\frac{\\hat{y} - y}{n}", reduction)
        case .activationGradient(let f):
            let da = u(.da(l)), daT = t(.da(l))
            if f == .softmax {
                let a = u(.a(l)), aT = t(.a(l))
                return Formula(unicode: "\(u(result)) = \(a) ⊙ (\(da) − \(da)·\(a))",
                               latex: "\(t(result)) = \(aT) \\odot \\left(\(daT) - \(daT) \\cdot \(aT)\\right)")
            }
            return Formula(unicode: "\(u(result)) = \(da) ⊙ \(f.name)′(\(u(.z(l))))",
                           latex: "\(t(result)) = \(daT) \\odot \\operatorname{\(f.name)}'\\left(\(t(.z(l)))\\right)")
        case .weightGradient:
            let input = inputQuantity, dz = Quantity.dz(l)
            let sum = batched ? "Σₛ " : "", sumT = batched ? "\\sum_{s} " : ""
            if transposed {
                return Formula(unicode: "\(u(result)) = \(sum)\(u(input))·\(u(dz))ᵀ", latex: "\(t(result)) = \(sumT)\(t(input)) \(t(dz))^{T}")
            }
            return Formula(unicode: "\(u(result)) = \(sum)\(u(dz))·\(u(input))ᵀ", latex: "\(t(result)) = \(sumT)\(t(dz)) \(t(input))^{T}")
        case .biasGradient:
            let sum = batched ? "Σₛ " : "", sumT = batched ? "\\sum_{s} " : ""
            return Formula(unicode: "\(u(result)) = \(sum)\(u(.dz(l)))", latex: "\(t(result)) = \(sumT)\(t(.dz(l)))")
        case .inputGradient:
            let W = Quantity.W(l + 1), dz = Quantity.dz(l + 1)
            return Formula(unicode: "\(u(result)) = \(u(W))\(transposed ? "" : "ᵀ")·\(u(dz))",
                           latex: "\(t(result)) = \(t(W))\(transposed ? "" : "^{T}") \(t(dz))")
        case .sgd(let s):
            let p = parameter, g = gradientName
            let decay = s.weightDecay != 0 ? " + λ·\(u(p))" : "", decayT = s.weightDecay != 0 ? " + \\lambda \(t(p))" : ""
            if s.momentum != 0 {
                return Formula(unicode: "buf = μ·buf + \(u(g))\(decay);  \(u(result)) = \(u(p)) − η·buf",
                               latex: "\\mathrm{buf} \\leftarrow \\mu \\, \\mathrm{buf} + \(t(g))\(decayT), \\quad \(t(result)) = \(t(p)) - \\eta \\, \\mathrm{buf}")
            }
            let gU = decay.isEmpty ? u(g) : "(\(u(g))\(decay))", gT = decayT.isEmpty ? t(g) : "\\left(\(t(g))\(decayT)\\right)"
            return Formula(unicode: "\(u(result)) = \(u(p)) − η·\(gU)", latex: "\(t(result)) = \(t(p)) - \\eta \\, \(gT)")
        case .adam(let a, let step):
            let p = parameter, g = gradientName
            let decay = a.weightDecay != 0 ? " + λ·\(u(p))" : ""
            return Formula(
                unicode: "g = \(u(g))\(decay);  m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  "
                    + "\(u(result)) = \(u(p)) − η/(1−β₁^\(step)) · m/(√v/√(1−β₂^\(step)) + ε)",
                latex: "m \\leftarrow \\beta_1 m + (1-\\beta_1) g, \\quad v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2, \\quad "
                    + "\(t(result)) = \(t(p)) - \\frac{\\eta}{1-\\beta_1^{\(step)}} \\cdot \\frac{m}{\\sqrt{v}/\\sqrt{1-\\beta_2^{\(step)}} + \\epsilon}")
        }
    }

    /// The layer's input, x or the activation below.
    private var inputQuantity: Quantity {
        operands.first { $0.quantity.kind == .x || $0.quantity.kind == .a }?.quantity ?? .x
    }

    /// The parameter an update changes (`W2` for `W2_new`).
    var parameter: Quantity { operands[0].quantity }
    var gradientName: Quantity { operands[1].quantity }

    private func scaled(_ result: Quantity, _ body: String, _ bodyT: String, _ reduction: Reduction) -> Formula {
        let L = context.outputLayer
        let lhs = result.symbol(outputLayer: L), lhsT = result.latex(outputLayer: L)
        guard context.batch > 1 && reduction == .mean else {
            return Formula(unicode: "\(lhs) = \(body)", latex: "\(lhsT) = \(bodyT)")
        }
        return Formula(unicode: "\(lhs) = (1/B)·(\(body))", latex: "\(lhsT) = \\frac{1}{B}\\left(\(bodyT)\\right)")
    }

    static func lossFormula(_ loss: Loss) -> (String, String) {
        switch loss {
        case .crossEntropy: ("−Σᵢ yᵢ·ln ŷᵢ", "-\\sum_i y_i \\ln \\hat{y}_i")
        case .binaryCrossEntropy: ("−(1/n) Σᵢ [yᵢ·ln ŷᵢ + (1−yᵢ)·ln(1−ŷᵢ)]",
                                   "-\\frac{1}{n} \\sum_i \\left[y_i \\ln \\hat{y}_i + (1-y_i) \\ln(1-\\hat{y}_i)\\right]")
        case .mse: ("(1/n) Σᵢ (ŷᵢ − yᵢ)²", "\\frac{1}{n} \\sum_i (\\hat{y}_i - y_i)^2")
        case .sse: ("Σᵢ (ŷᵢ − yᵢ)²", "\\sum_i (\\hat{y}_i - y_i)^2")
        case .halfSSE: ("½ Σᵢ (ŷᵢ − yᵢ)²", "\\frac{1}{2} \\sum_i (\\hat{y}_i - y_i)^2")
        }
    }

    static func lossGradientFormula(_ loss: Loss) -> (String, String) {
        switch loss {
        case .crossEntropy: ("−y/ŷ", "-\\frac{y}{\\hat{y}}")
        case .binaryCrossEntropy: ("(ŷ − y)/(n·ŷ·(1 − ŷ))", "\\frac{\\hat{y} - y}{n \\, \\hat{y} (1 - \\hat{y})}")
        case .mse: ("2(ŷ − y)/n", "\\frac{2 (\\hat{y} - y)}{n}")
        case .sse: ("2(ŷ − y)", "2 (\\hat{y} - y)")
        case .halfSSE: ("ŷ − y", "\\hat{y} - y")
        }
    }
}
