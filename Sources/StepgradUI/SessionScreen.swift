import StepgradEngine
import StepgradNotation
import StepgradHomework
import StepgradSession
import TerminalUI

/// The full-screen view of a training session: header, network, operation, formula and key bar.
///
/// It reads the session and sends it commands, nothing more: every number comes from the
/// session at the moment a frame is drawn, and every key becomes a session command or a change
/// of how things are shown. The runner delivers events and `ScreenMessage`s to `update` and asks
/// for frames with `view`. Play is a `.playTick` timer the screen schedules (the session has no
/// clock); saving and reloading are commands; a fast-forward's progress is drawn because the
/// runner observes the `@Observable` state a frame read and redraws when it changes.
@MainActor
public final class SessionScreen: TerminalProgram {
    public let session: TrainingSession
    public internal(set) var theme: Theme
    let capabilities: TerminalCapabilities
    let presenting: Bool
    let numbers: NumberText

    var focus: Panel?
    var showsNumbers = true
    var sharedScale = false
    var zoomed = false
    var sample = 0
    var overlay: Overlay?
    /// The count the fast-forward prompt suggests: the last one run.
    var fastForwardCount = 100
    var message: StyledLine?
    /// Set on a viewer's screen of a served lecture: its key bar says so, and what only the lecturer
    /// may do is refused (`SessionScreen+Viewer`). `nil` for `open` and the lecturer.
    public var viewerRole: ViewerRole?
    /// `open --quiz`: the question open and the score (see `startQuiz()`).
    var soloQuiz: SoloQuiz?
    /// Questions of the iteration on screen passed over with an empty answer.
    var quizSkipped: Set<CellReference> = []
    /// A question put to this screen's viewer by someone else (the lecturer, under `serve`).
    public var quizPrompt: QuizPrompt?
    /// What the command line should print once the terminal is restored, e.g. a failed save.
    public internal(set) var closingMessage: String?

    /// Where the last frame drew its matrices, for the mouse and the arrow keys.
    var hits = HitMap()
    var lastLayoutShowedNetwork = true
    /// Bumped whenever the iteration's numbers may change in place (reload), to refresh caches.
    var generation = 0
    private var formulaCache: (key: FormulaKey, lines: [StyledLine])?
    private var wantsCache: (key: WantsKey, iteration: Int, sample: Int, wants: ScreenLayout.Wants)?
    private let equations = EquationTexts()
    /// The scenario's answers judged, for the generation of the scenario they were judged with.
    private var answerCache: (generation: Int, check: Result<AnswerCheck, AnswerError>?)?
    private var historyCache: (key: HistoryKey, values: [IterationValue])?

    public init(session: TrainingSession, options: ScreenOptions) {
        self.session = session
        self.theme = options.theme
        self.capabilities = options.capabilities
        self.presenting = options.presenting
        self.numbers = NumberText(style: options.numberStyle,
                                  glyphs: ScreenGlyphs(options.capabilities.glyphs, unicode: options.capabilities.unicode))
        if case .failure(let error) = answerCheck { notify("Answers not checked: \(error)", isError: true) }
    }

    /// The scenario's answers judged by the homework checker, if it has any; judged again after a reload.
    var answerCheck: Result<AnswerCheck, AnswerError>? {
        if let cache = answerCache, cache.generation == generation { return cache.check }
        let check = AnswerCheck.make(for: session.scenario)
        answerCache = (generation, check)
        return check
    }

    /// The answers to show: they answer the first iteration.
    var shownAnswers: AnswerCheck? {
        guard session.iteration == 1, case .success(let check) = answerCheck else { return nil }
        return check
    }

    public let minimumSize = Size(width: 80, height: 24)

    /// Shows `text` in the key bar until the next message, e.g. how resuming went.
    public func notify(_ text: String, isError: Bool = false) {
        message = StyledLine(text: text, role: isError ? .error : .success)
    }

    var look: Look {
        Look(theme: theme, depth: capabilities.colourDepth, glyphs: numbers.glyphs, numbers: numbers,
             showsNumbers: showsNumbers, presenting: presenting)
    }

    /// The selection is marked only while the user works with it.
    var shownSelection: CellReference? {
        focus != nil || overlay == .inspector ? session.selection : nil
    }

    public func view(into grid: inout Grid) {
        numbers.newFrame()
        let look = self.look
        let scene = Scene(session)
        let context = ViewContext(scene: scene, look: look, scales: HeatScales(scene: scene, shared: sharedScale),
                                  selection: shownSelection, focus: focus, zoomed: zoomed, sample: sample,
                                  answers: shownAnswers)
        if look[.text] != .plain { grid.clear(grid.area, style: look[.text]) }
        let network = NetworkView(context: context), operation = OperationView(context: context)
        equations.use(EquationTexts.Key(iteration: session.iteration, generation: generation))
        let formula = FormulaView(scene: scene, look: look, iteration: session.iteration, equations: equations)
        let outline = OutlineView(context: context, iteration: session.iteration)
        let wants = steadyWants(network: network, operation: operation, formula: formula, outline: outline, size: grid.size)
        let layout = ScreenLayout(area: grid.area, presenting: presenting, wants: wants)
        var hits = HitMap()
        HeaderView(context: context, session: session).draw(in: layout.header, into: &grid)
        if let rect = layout.network { network.draw(in: rect, into: &grid, hits: &hits) }
        operation.draw(in: layout.operation, into: &grid, hits: &hits)
        FormulaView.draw(formulaLines(scene, look, layout.formula), in: layout.formula, context: context, into: &grid)
        if let rect = layout.outline { outline.draw(in: rect, into: &grid) }
        KeyBarView(look: look, message: message, focused: focus != nil, busy: session.isBusy, viewer: viewerRole).draw(in: layout.keyBar, into: &grid)
        drawOverlays(context, layout: layout, into: &grid)
        self.hits = hits
        lastLayoutShowedNetwork = layout.network != nil
    }

    private func drawOverlays(_ context: ViewContext, layout: ScreenLayout, into grid: inout Grid) {
        let body = Rect(x: 0, y: layout.header.maxY, width: grid.width, height: layout.keyBar.y - layout.header.maxY)
        if let prompt = quizPrompt ?? soloQuiz?.prompt, let op = session.trace.operation(producing: prompt.question.quantity) {
            QuizOverlay(context: context).drawPrompt(prompt, operation: op, in: body, into: &grid)
            return
        }
        if let progress = session.fastForward {
            FastForwardOverlay(context: context).drawProgress(completed: progress.completed, total: progress.total,
                                                              loss: progress.loss, in: body, into: &grid)
            return
        }
        switch overlay {
        case .help:
            HelpOverlay(context: context).draw(in: body, into: &grid)
        case .fastForwardPrompt(let digits, let suggested):
            FastForwardOverlay(context: context).drawPrompt(digits, suggested: suggested, in: body, into: &grid)
        case .inspector:
            if let inspection = session.inspection {
                InspectorOverlay(context: context, inspection: inspection, history: history(of: inspection.reference))
                    .draw(in: body, into: &grid)
            }
        case nil:
            break
        }
    }

    private struct FormulaKey: Hashable {
        var iteration: Int
        var cursor: Cursor
        var granularity: Granularity
        var size: Size
        var generation: Int
        var unicode: Bool
    }

    /// The formula panel's lines, kept while nothing they depend on changes: expanding the sums of
    /// a large operation is the dearest part of a frame.
    private func formulaLines(_ scene: Scene, _ look: Look, _ rect: Rect) -> [StyledLine] {
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let key = FormulaKey(iteration: session.iteration, cursor: session.cursor, granularity: session.granularity,
                             size: inner.size, generation: generation, unicode: look.glyphs.unicode)
        if let cache = formulaCache, cache.key == key { return cache.lines }
        let lines = FormulaView(scene: scene, look: look, iteration: session.iteration, equations: equations)
            .lines(width: inner.width, height: inner.height)
        formulaCache = (key, lines)
        return lines
    }

    private struct WantsKey: Hashable {
        var size: Size
        var granularity: Granularity
        var generation: Int
        var showsNumbers: Bool
        var unicode: Bool
    }

    /// What the panels want over the whole iteration (every operation, both phases of the network,
    /// the longest formula), and over the iterations seen before at this size: panels keep their
    /// size while stepping, and grow only when an iteration's numbers need more room.
    private func steadyWants(network: NetworkView, operation: OperationView, formula: FormulaView, outline: OutlineView,
                             size: Size) -> ScreenLayout.Wants {
        let key = WantsKey(size: size, granularity: session.granularity, generation: generation, showsNumbers: showsNumbers,
                           unicode: numbers.glyphs.unicode)
        if let cache = wantsCache, cache.key == key, cache.iteration == session.iteration, cache.sample == network.sample {
            return cache.wants
        }
        var wants = ScreenLayout.Wants(network: network.wantedSize(), operation: operation.steadySize(),
                                       formulaHeight: formula.steadyHeight(width: size.width - 4, granularity: session.granularity),
                                       outlineHeight: outline.wantedHeight)
        if let cache = wantsCache, cache.key == key { wants = wants.union(cache.wants) }
        wantsCache = (key, session.iteration, network.sample, wants)
        return wants
    }

    private struct HistoryKey: Hashable {
        var reference: CellReference
        var iteration: Int
        var cursor: Cursor
        var generation: Int
    }

    /// The inspected cell's values in earlier iterations, recomputed by the session only when asked anew.
    private func history(of reference: CellReference) -> [IterationValue] {
        let key = HistoryKey(reference: reference, iteration: session.iteration, cursor: session.cursor, generation: generation)
        if let cache = historyCache, cache.key == key { return cache.values }
        let values = session.history(of: reference, last: 24)
        historyCache = (key, values)
        return values
    }
}
