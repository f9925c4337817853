import StepgradEngine
import StepgradNotation

/// The order every written solution follows, so that the writers differ only in notation.
extension Solution.Pass {
    /// The operations of one phase, in the order they were computed.
    func operations(in phase: Phase) -> [Operation] {
        iteration.trace.operations.filter { $0.phase == phase }
    }
}

extension Solution {
    /// What an iteration starts from: `x = …   y = …   W₁ = …   b₁ = …`.
    func given(_ pass: Pass, style: NumberStyle, extent: Extent) -> Display {
        var named: [(Quantity, Matrix)] = [(.x, scenario.batch.input), (.y, scenario.batch.target)]
        for l in pass.parameters.weights.indices {
            named.append((.W(l + 1), pass.parameters.weights[l]))
            if let b = pass.parameters.biases[l] { named.append((.b(l + 1), b)) }
        }
        var pieces: [Display.Piece] = []
        for (q, value) in named {
            if !pieces.isEmpty { pieces.append(.gap) }
            let shown = q.columnar(value)
            pieces += [.symbol(.name(q, outputLayer: scenario.network.depth)), .relation(.equals),
                       extent.summarises(shown) ? .symbol(Extent.shape(of: shown)) : .matrix(PrintedMatrix(shown, style: style))]
        }
        return Display(pieces)
    }
}

extension Operation {
    /// The lines of the elements `extent` shows, in stored order (a batch sample by sample); they use
    /// `z[j,s]`, unit j of sample s, once there is more than one sample.
    func writtenLines(style: NumberStyle, extent: Extent) -> [WrittenLine] {
        extent.shownElements(of: self).map {
            element(at: cell(at: $0)).written(style: style, outputLayer: context.outputLayer, batch: context.batch)
        }
    }

    /// The operation's remarks, and what † means when some of its lines (or its matrix equation) carry it.
    func notes(style: NumberStyle, lines: [WrittenLine], display: Display?) -> [String] {
        notes + (lines.allSatisfy(\.addsUp) && display?.addsUp != false ? [] : [WrittenLine.markNote(style)])
    }
}
