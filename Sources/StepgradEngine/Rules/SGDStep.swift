/// p′ = p − η·g, with g = dp + λ·p under weight decay, or g = buf under momentum (torch.optim.SGD).
public struct SGDStep: RuleFamily {
    public var settings: Optimizer.SGD
    public var parameter: Operand
    /// What the step follows: the momentum buffer under momentum, else the (decayed) gradient.
    public var direction: Direction

    public enum Direction: Hashable, Sendable {
        case gradient(DecayedGradient)
        case buffer(Operand)
    }

    init(_ settings: Optimizer.SGD, parameter: Operand, direction: Direction) {
        self.settings = settings
        self.parameter = parameter
        self.direction = direction
    }

    /// The momentum buffer this step follows, if any.
    public var buffer: Operand? { if case .buffer(let b) = direction { b } else { nil } }

    var operands: [Operand] {
        switch direction {
        case .gradient(let g): [parameter] + g.operands.filter { $0.quantity != parameter.quantity }
        case .buffer(let b): [parameter, b]
        }
    }

    func replacingOperands(_ transform: (Operand) -> Operand) -> SGDStep {
        let direction: Direction = switch direction {
        case .gradient(let g): .gradient(g.replacingOperands(transform))
        case .buffer(let b): .buffer(transform(b))
        }
        return SGDStep(settings, parameter: transform(parameter), direction: direction)
    }

    static func element(_ p: Double, step: Double, learningRate: Double) -> Double { PaperZero.sum(p, -(learningRate * step)) }

    func evaluated(_ context: Operation.Context) -> Matrix {
        let p = parameter.value
        return p.generated { i in
            let step = switch direction {
            case .gradient(let g): g.value(i)
            case .buffer(let b): b.value.elements[i]
            }
            return SGDStep.element(p.elements[i], step: step, learningRate: settings.learningRate)
        }
    }

    func expansion(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellReader) -> [Expression] {
        let p = read(parameter, r, c)
        let step = switch direction {
        case .gradient(let g): g.expression(r, c, read)
        case .buffer(let b): read(b, r, c)
        }
        return [.difference(p, .product([.number(settings.learningRate), step]))]
    }

    func reads(_ r: Int, _ c: Int, _ context: Operation.Context, _ read: CellVisitor) {
        read(parameter, r, c)
        switch direction {
        case .gradient(let g): g.reads(r, c, read)
        case .buffer(let b): read(b, r, c)
        }
    }
}
