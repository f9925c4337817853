import StepgradEngine
import StepgradNotation
import StepgradSession
import TerminalUI

/// Two lines: the title beside the phase ribbon `FORWARD › LOSS › BACKWARD › UPDATE` with the
/// current phase lit; then where the cursor is (iteration, step k of n, granularity), the loss
/// with a sparkline of its history, and whether play is running.
@MainActor
struct HeaderView {
    let context: ViewContext
    let session: TrainingSession

    func draw(in rect: Rect, into grid: inout Grid) {
        let look = context.look
        guard rect.height >= 1 else { return }
        grid.clear(rect, style: look[.statusBar])
        let first = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        let ribbonWidth = ribbon(look).map(\.text.count).reduce(0, +)
        var x = rect.maxX - ribbonWidth - 1
        if x > rect.x + 10 {
            for part in ribbon(look) { x = grid.write(part.text, x: x, y: rect.y, style: part.style) }
        }
        let titleClip = Rect(x: rect.x, y: rect.y, width: max(rect.maxX - ribbonWidth - 3 - rect.x, 0), height: 1)
        let title = look.text(" stepgrad · " + session.scenario.title)
        grid.write(title, x: rect.x, y: rect.y, style: look[.statusBar].patched(with: Style(attributes: .bold)),
                   clip: x > rect.x + 10 ? titleClip : first, ellipsis: look.glyphs.base.ellipsis)
        guard rect.height >= 2 else { return }
        let second = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: 1)
        var column = second.x
        for (i, part) in status(look, width: second.width).enumerated() {
            if i > 0 { column += 3 }
            column = grid.write(part.text, x: column, y: second.y, style: part.style, clip: second,
                                ellipsis: look.glyphs.base.ellipsis)
        }
    }

    private func ribbon(_ look: Look) -> [(text: String, style: Style)] {
        let current = context.scene.step?.phase
        let bar = look[.statusBar]
        return Phase.allCases.enumerated().flatMap { i, phase -> [(text: String, style: Style)] in
            let style = phase == current ? look[.highlight] : bar.patched(with: Style(attributes: .dim))
            return (i == 0 ? [] : [(look.glyphs.ribbonSeparator, bar)]) + [(" \(phase.title) ", style)]
        }
    }

    /// The second line's parts, most important first; the loss sparkline takes what room is left.
    private func status(_ look: Look, width: Int) -> [(text: String, style: Style)] {
        let bar = look[.statusBar]
        let strong = bar.patched(with: Style(attributes: .bold))
        let step = context.scene.step
        var parts: [(String, Style)] = [
            ("iteration \(session.iteration)", strong),
            ("step \(step?.number ?? 0) of \(step?.count ?? stepCount)", bar),
            (session.granularity.rawValue, bar),
        ]
        if let progress = session.fastForward {
            parts.append(("fast-forward \(progress.completed) of \(progress.total)", strong))
        } else {
            let glyph = session.playState.isPlaying ? look.glyphs.playing : look.glyphs.paused
            let state = session.playState.isPlaying ? "playing" : "paused"
            parts.append(("\(glyph) \(state) \(speedText) steps/s", bar))
        }
        let loss = context.scene.loss.map(look.format) ?? String(look.glyphs.unknown)
        let used = parts.map { $0.0.count + 3 }.reduce(0, +) + 6 + loss.count
        var history = session.lossHistory
        if let now = context.scene.loss { history.append(now) }
        let room = min(width - used - 1, 40)
        let spark = room >= 4 && history.count > 1 ? " " + Sparkline.bars(history.samples(room), width: room, glyphs: look.glyphs) : ""
        parts.insert(("loss \(loss)" + spark, strong), at: 3)
        if let answers = answersSoFar(look) { parts.insert(answers, at: 4) }
        return parts.map { (look.text($0.0), $0.1) }
    }

    /// How the student's answers judged so far stand: only quantities already computed count.
    private func answersSoFar(_ look: Look) -> (String, Style)? {
        guard let answers = context.answers else { return nil }
        let scene = context.scene
        let known = answers.report.results.filter { result in
            scene.matrix(result.quantity).map { scene.revealedCount(result.quantity) == $0.count } ?? false
        }
        let wrong = known.filter { $0.verdict == .wrong }.count
        let text = known.isEmpty ? "answers: \(answers.report.results.count) to check"
            : wrong > 0 ? "answers: \(wrong) of \(known.count) wrong" : "answers: \(known.count) right"
        return (text, look.legible(look[.statusBar].patched(with: look[wrong > 0 ? .error : .success])))
    }

    private var speedText: String { NumberStyle(decimals: 2).format(session.speed) }

    /// Steps in an iteration at the current granularity, for the start of an iteration.
    private var stepCount: Int {
        let operations = context.scene.trace.operations
        switch session.granularity {
        case .phase: return Set(operations.map(\.phase)).count
        case .operation: return operations.count
        case .element: return operations.map(\.elementCount).reduce(0, +)
        }
    }
}
