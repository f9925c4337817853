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
        let transposed = context.convention == .wtx
        let batched = context.batch > 1

        switch rule {
        case .affine(let r):
            let bias = r.bias.map { " + " + u($0.quantity) } ?? "", latexBias = r.bias.map { " + " + t($0.quantity) } ?? ""
            let W = r.weights.quantity, input = r.input.quantity
            return Formula(unicode: "\(u(result)) = \(u(W))\(transposed ? "ᵀ" : "")·\(u(input))\(bias)",
                           latex: "\(t(result)) = \(t(W))\(transposed ? "^{T}" : "") \(t(input))\(latexBias)")
        case .activation(let r):
            let name = r.function.name
            return Formula(unicode: "\(u(result)) = \(name)(\(u(r.z.quantity)))",
                           latex: "\(t(result)) = \\operatorname{\(name)}\\left(\(t(r.z.quantity))\\right)")
        case .loss(let r):
            let (perU, perT) = Self.lossFormula(r.loss, averaged: r.loss.averagesOver(r.reduction))
            guard batched else { return Formula(unicode: "L = " + perU, latex: "\\mathcal{L} = " + perT) }
            let (preU, preT) = r.reduction == .mean ? ("(1/B) Σₛ ", "\\frac{1}{B} \\sum_{s} ") : ("Σₛ ", "\\sum_{s} ")
            return Formula(unicode: "L = \(preU)ℓₛ,  ℓ = \(perU)", latex: "\\mathcal{L} = \(preT)\\ell_s, \\quad \\ell = \(perT)")
        case .lossGradient(let r):
            let (gU, gT) = Self.lossGradientFormula(r.loss, averaged: r.loss.averagesOver(r.reduction))
            return scaled(result, gU, gT, r.reduction)
        case .fusedOutputGradient(let r):
            if r.loss == .crossEntropy {
                return scaled(result, "ŷ·Σy − y", "\\hat{y} \\textstyle\\sum_i y_i - y", r.reduction)
            }
            guard r.loss.averagesOver(r.reduction) else { return scaled(result, "ŷ − y", "\\hat{y} - y", r.reduction) }
            return scaled(result, "(ŷ − y)/n", "\\frac{\\hat{y} - y}{n}", r.reduction)
        case .activationGradient(let r):
            let da = u(r.da.quantity), daT = t(r.da.quantity)
            if r.function == .softmax {
                let a = u(r.a.quantity), aT = t(r.a.quantity)
                return Formula(unicode: "\(u(result)) = \(a) ⊙ (\(da) − \(da)·\(a))",
                               latex: "\(t(result)) = \(aT) \\odot \\left(\(daT) - \(daT) \\cdot \(aT)\\right)")
            }
            let name = r.function.name
            return Formula(unicode: "\(u(result)) = \(da) ⊙ \(name)′(\(u(r.z.quantity)))",
                           latex: "\(t(result)) = \(daT) \\odot \\operatorname{\(name)}'\\left(\(t(r.z.quantity))\\right)")
        case .weightGradient(let r):
            let input = r.input.quantity, dz = r.dz.quantity
            let sum = batched ? "Σₛ " : "", sumT = batched ? "\\sum_{s} " : ""
            if transposed {
                return Formula(unicode: "\(u(result)) = \(sum)\(u(input))·\(u(dz))ᵀ", latex: "\(t(result)) = \(sumT)\(t(input)) \(t(dz))^{T}")
            }
            return Formula(unicode: "\(u(result)) = \(sum)\(u(dz))·\(u(input))ᵀ", latex: "\(t(result)) = \(sumT)\(t(dz)) \(t(input))^{T}")
        case .biasGradient(let r):
            let sum = batched ? "Σₛ " : "", sumT = batched ? "\\sum_{s} " : ""
            return Formula(unicode: "\(u(result)) = \(sum)\(u(r.dz.quantity))", latex: "\(t(result)) = \(sumT)\(t(r.dz.quantity))")
        case .inputGradient(let r):
            let W = r.weights.quantity, dz = r.dz.quantity
            return Formula(unicode: "\(u(result)) = \(u(W))\(transposed ? "" : "ᵀ")·\(u(dz))",
                           latex: "\(t(result)) = \(t(W))\(transposed ? "" : "^{T}") \(t(dz))")
        case .momentum(let r):
            let (g, gT) = decayed(r.gradient)
            guard let previous = r.previous?.quantity else { return Formula(unicode: "\(u(result)) = \(g)", latex: "\(t(result)) = \(gT)") }
            return Formula(unicode: "\(u(result)) = μ·\(u(previous)) + \(g)", latex: "\(t(result)) = \\mu \\, \(t(previous)) + \(gT)")
        case .moment(let r):
            let (g, gT) = decayed(r.gradient, parenthesized: true)
            let beta = r.order == 1 ? "β₁" : "β₂", betaT = r.order == 1 ? "\\beta_1" : "\\beta_2"
            let square = r.order == 1 ? "" : "²", squareT = r.order == 1 ? "" : "^2"
            return Formula(unicode: "\(u(result)) = \(beta)·\(u(r.previous.quantity)) + (1 − \(beta))·\(g)\(square)",
                           latex: "\(t(result)) = \(betaT) \\, \(t(r.previous.quantity)) + (1 - \(betaT)) \\, \(gT)\(squareT)")
        case .biasCorrection(let r):
            let beta = r.moment.quantity.kind == .m ? "β₁" : "β₂", betaT = r.moment.quantity.kind == .m ? "\\beta_1" : "\\beta_2"
            return Formula(unicode: "\(u(result)) = \(u(r.moment.quantity))/(1 − \(beta)^\(r.step))",
                           latex: "\(t(result)) = \\frac{\(t(r.moment.quantity))}{1 - \(betaT)^{\(r.step)}}")
        case .sgd(let r):
            let p = r.parameter.quantity
            let (step, stepT) = switch r.direction {
            case .gradient(let g): decayed(g, parenthesized: true)
            case .buffer(let b): (u(b.quantity), t(b.quantity))
            }
            return Formula(unicode: "\(u(result)) = \(u(p)) − η·\(step)", latex: "\(t(result)) = \(t(p)) - \\eta \\, \(stepT)")
        case .adam(let r):
            let p = r.parameter.quantity, m = r.mhat.quantity, v = r.vhat.quantity
            return Formula(unicode: "\(u(result)) = \(u(p)) − η·\(u(m))/(√\(u(v)) + ε)",
                           latex: "\(t(result)) = \(t(p)) - \\eta \\, \\frac{\(t(m))}{\\sqrt{\(t(v))} + \\epsilon}")
        }

        /// The gradient an update follows: `dW₁`, or `dW₁ + λ·W₁` under weight decay.
        func decayed(_ g: DecayedGradient, parenthesized: Bool = false) -> (String, String) {
            guard let p = g.parameter?.quantity else { return (u(g.gradient.quantity), t(g.gradient.quantity)) }
            let text = "\(u(g.gradient.quantity)) + λ·\(u(p))", latex = "\(t(g.gradient.quantity)) + \\lambda \\, \(t(p))"
            return parenthesized ? ("(\(text))", "\\left(\(latex)\\right)") : (text, latex)
        }
    }

    private func scaled(_ result: Quantity, _ body: String, _ bodyT: String, _ reduction: Reduction) -> Formula {
        let L = context.outputLayer
        let lhs = result.symbol(outputLayer: L), lhsT = result.latex(outputLayer: L)
        guard context.batch > 1 && reduction == .mean else {
            return Formula(unicode: "\(lhs) = \(body)", latex: "\(lhsT) = \(bodyT)")
        }
        return Formula(unicode: "\(lhs) = (1/B)·(\(body))", latex: "\(lhsT) = \\frac{1}{B}\\left(\(bodyT)\\right)")
    }

    /// ℓ of one sample; `averaged` when binary cross-entropy or MSE is a mean over the n outputs
    /// (`reduction: mean`), not their sum as `torch.nn.*Loss(reduction='sum')` takes it.
    static func lossFormula(_ loss: Loss, averaged: Bool) -> (String, String) {
        switch loss {
        case .crossEntropy: ("−Σᵢ yᵢ·ln ŷᵢ", "-\\sum_i y_i \\ln \\hat{y}_i")
        case .binaryCrossEntropy where !averaged: ("−Σᵢ [yᵢ·ln ŷᵢ + (1−yᵢ)·ln(1−ŷᵢ)]",
                                                   "-\\sum_i \\left[y_i \\ln \\hat{y}_i + (1-y_i) \\ln(1-\\hat{y}_i)\\right]")
        case .binaryCrossEntropy: ("−(1/n) Σᵢ [yᵢ·ln ŷᵢ + (1−yᵢ)·ln(1−ŷᵢ)]",
                                   "-\\frac{1}{n} \\sum_i \\left[y_i \\ln \\hat{y}_i + (1-y_i) \\ln(1-\\hat{y}_i)\\right]")
        case .mse where !averaged: ("Σᵢ (ŷᵢ − yᵢ)²", "\\sum_i (\\hat{y}_i - y_i)^2")
        case .mse: ("(1/n) Σᵢ (ŷᵢ − yᵢ)²", "\\frac{1}{n} \\sum_i (\\hat{y}_i - y_i)^2")
        case .sse: ("Σᵢ (ŷᵢ − yᵢ)²", "\\sum_i (\\hat{y}_i - y_i)^2")
        case .halfSSE: ("½ Σᵢ (ŷᵢ − yᵢ)²", "\\frac{1}{2} \\sum_i (\\hat{y}_i - y_i)^2")
        }
    }

    static func lossGradientFormula(_ loss: Loss, averaged: Bool) -> (String, String) {
        switch loss {
        case .crossEntropy: ("−y/ŷ", "-\\frac{y}{\\hat{y}}")
        case .binaryCrossEntropy where !averaged: ("(ŷ − y)/(ŷ·(1 − ŷ))", "\\frac{\\hat{y} - y}{\\hat{y} (1 - \\hat{y})}")
        case .binaryCrossEntropy: ("(ŷ − y)/(n·ŷ·(1 − ŷ))", "\\frac{\\hat{y} - y}{n \\, \\hat{y} (1 - \\hat{y})}")
        case .mse where !averaged: ("2(ŷ − y)", "2 (\\hat{y} - y)")
        case .mse: ("2(ŷ − y)/n", "\\frac{2 (\\hat{y} - y)}{n}")
        case .sse: ("2(ŷ − y)", "2 (\\hat{y} - y)")
        case .halfSSE: ("ŷ − y", "\\hat{y} - y")
        }
    }
}

extension Loss {
    /// Whether ℓ of a sample divides by its n outputs: binary cross-entropy and MSE under `mean`.
    func averagesOver(_ reduction: Reduction) -> Bool { outputDivisor(2, reduction) != 1 }
}
