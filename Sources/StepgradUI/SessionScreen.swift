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
    /// The size of the last frame, to prepare the next one for.
    private var lastSize: Size?
    /// Changes whenever the iteration's numbers may change in place (a reload, by whichever screen
    /// of the session asked for it: a viewer's too), to refresh caches.
    var generation: Int { session.scenarioGeneration }
    private var traceIndex = Memo<IterationKey, TraceIndex>()
    private var formulaLines = Memo<FormulaKey, [StyledLine]>()
    private var operationWants = Memo<IterationWantsKey, OperationWants>()
    private var networkWants = Memo<IterationWantsKey, Size>()
    /// What the panels wanted at each size so far: they only grow while stepping.
    private var grownWants = Memo<WantsKey, ScreenLayout.Wants>()
    private let equations = EquationTexts()
    /// The scenario's answers judged, for the generation of the scenario they were judged with.
    private var answers = Memo<Int, Result<AnswerCheck, AnswerError>?>()
    private var histories = Memo<HistoryKey, [IterationValue]>()

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
        answers.value(for: generation) { AnswerCheck.make(for: session.scenario) }
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

    /// The panels of this moment, all reading the session through one `Scene`.
    private struct Views {
        var context: ViewContext
        var network: NetworkView
        var operation: OperationView
        var formula: FormulaView
        var outline: OutlineView
    }

    private func views() -> Views {
        let look = self.look
        let scene = self.scene()
        let context = ViewContext(scene: scene, look: look, scales: HeatScales(scene: scene, shared: sharedScale),
                                  selection: shownSelection, focus: focus, zoomed: zoomed, sample: sample,
                                  answers: shownAnswers)
        equations.use(EquationTexts.Key(iteration: session.iteration, generation: generation))
        return Views(context: context, network: NetworkView(context: context), operation: OperationView(context: context),
                     formula: FormulaView(scene: scene, look: look, iteration: session.iteration, equations: equations),
                     outline: OutlineView(context: context, iteration: session.iteration))
    }

    public func view(into grid: inout Grid) {
        numbers.use(iteration: session.iteration, generation: generation)
        let views = self.views(), context = views.context, look = context.look
        if look[.text] != .plain { grid.clear(grid.area, style: look[.text]) }
        let layout = ScreenLayout(area: grid.area, presenting: presenting, wants: steadyWants(views, size: grid.size))
        var hits = HitMap()
        HeaderView(context: context, session: session).draw(in: layout.header, into: &grid)
        if let rect = layout.network { views.network.draw(in: rect, into: &grid, hits: &hits) }
        views.operation.draw(in: layout.operation, into: &grid, hits: &hits)
        if presenting {
            PresentedFormula(formula: views.formula, elementByElement: session.granularity == .element)
                .draw(in: layout.formula, context: context, into: &grid)
        } else {
            FormulaView.draw(formulaLines(context.scene, look, layout.formula), in: layout.formula, context: context, into: &grid)
        }
        if let rect = layout.outline { views.outline.draw(in: rect, into: &grid) }
        let offers = self.offers(hidden: Self.hiddenNumbers(in: hits, showsNumbers: showsNumbers, zoomed: zoomed),
                                 wrong: wrongAnswer(in: context.scene))
        KeyBarView(look: look, message: message, focused: focus != nil, busy: session.isBusy, viewer: viewerRole, offers: offers)
            .draw(in: layout.keyBar, into: &grid)
        drawOverlays(context, layout: layout, into: &grid)
        self.hits = hits
        lastLayoutShowedNetwork = layout.network != nil
        lastSize = grid.size
    }

    /// Works out what the panels want as soon as a step has entered a new iteration (or another
    /// granularity), while the step is handled: measuring every operation of the iteration is a
    /// step's cost, and the frames drawn after it (play, ticks, redraws) keep to their budget.
    func prepareLayout() {
        guard let size = lastSize, !session.isBusy else { return }
        numbers.use(iteration: session.iteration, generation: generation)
        _ = steadyWants(views(), size: size)
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

    private struct IterationKey: Hashable {
        var iteration: Int
        var generation: Int
    }

    /// The session as the views read it, its trace indexed once an iteration.
    func scene() -> Scene {
        Scene(session, index: traceIndex.value(for: IterationKey(iteration: session.iteration, generation: generation)) {
            TraceIndex(session.trace)
        })
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
        return formulaLines.value(for: key) {
            FormulaView(scene: scene, look: look, iteration: session.iteration, equations: equations)
                .lines(width: inner.width, height: inner.height)
        }
    }

    /// What the panels' wants depend on besides the numbers of the iteration.
    private struct WantsKey: Hashable {
        var size: Size
        var granularity: Granularity
        var generation: Int
        var showsNumbers: Bool
        var unicode: Bool
    }

    private struct OperationWants {
        var operation: Size
        var operationOnOneLine: Int
        var formulaHeight: Int
    }

    private struct IterationWantsKey: Hashable {
        var wants: WantsKey
        var iteration: Int
        /// The sample the network shows; `nil` for what does not depend on it.
        var sample: Int?
    }

    /// What the panels want over the whole iteration (every operation, both phases of the network,
    /// the longest formula), and over the iterations seen before at this size: panels keep their
    /// size while stepping, and grow only when an iteration's numbers need more room.
    ///
    /// The operation's and formula's wants are worked out once an iteration, measuring only the
    /// matrices that could show their numbers on a screen of this size (a 64×32 W₁ never can: it
    /// is drawn in colour whatever its numbers); the network's again when the sample shown changes.
    private func steadyWants(_ views: Views, size: Size) -> ScreenLayout.Wants {
        // Measured with every computed number as wide as it may become (`Look.measuresAllFigures`).
        let drawn = views.context
        var look = drawn.look
        look.measuresAllFigures = true
        let context = ViewContext(scene: drawn.scene, look: look, scales: drawn.scales, selection: drawn.selection, focus: drawn.focus,
                                  zoomed: drawn.zoomed, sample: drawn.sample, answers: drawn.answers)
        let (network, operation) = (NetworkView(context: context), OperationView(context: context))
        let (formula, outline) = (views.formula, views.outline)
        let key = WantsKey(size: size, granularity: session.granularity, generation: generation, showsNumbers: showsNumbers,
                           unicode: numbers.glyphs.unicode)
        let iteration = session.iteration
        let steady = operationWants.value(for: IterationWantsKey(wants: key, iteration: iteration)) {
            let (steady, oneLine) = operation.steadySize(within: size)
            return OperationWants(operation: steady, operationOnOneLine: oneLine,
                                  formulaHeight: formula.steadyHeight(width: size.width - 4, granularity: session.granularity))
        }
        let networkSize = networkWants.value(for: IterationWantsKey(wants: key, iteration: iteration, sample: network.sample)) {
            network.wantedSize()
        }
        let wants = ScreenLayout.Wants(network: networkSize, operation: steady.operation,
                                       operationOnOneLine: steady.operationOnOneLine, formulaHeight: steady.formulaHeight,
                                       outlineHeight: outline.wantedHeight)
        return grownWants.combine(wants, for: key) { $0.union($1) }
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
        return histories.value(for: key) { session.history(of: reference, last: 24) }
    }
}
