import Observation
import StepgradEngine
import StepgradScenario

/// The model between the engine and any screen: one training run that a front end observes
/// and commands. Everything a user can do — step, go back, play, fast-forward, select,
/// reload, save and resume — happens here, without a terminal; a view only reads the
/// observable state and calls the commands.
///
/// The session shows one iteration at a time (`iteration`, `trace`) with a `cursor` into its
/// trace. What is known at the cursor is asked with `isRevealed` / `revealedValue`, what the
/// last step did is `currentStep`. Going back past the start of an iteration enters the
/// previous one, with its parameters and optimizer state restored bit for bit; memory stays
/// bounded because only recent traces and sparse checkpoints are kept (see `retained`), the
/// rest is recomputed on demand from the pure engine.
@MainActor @Observable
public final class TrainingSession {
    public internal(set) var scenario: Scenario
    /// The iteration on screen, recorded.
    var current: RecordedIteration
    public internal(set) var cursor: Cursor = .start
    /// How far a step goes; changing it keeps the cursor where it is.
    public var granularity: Granularity = .operation {
        didSet { refreshStep() }
    }
    /// What the step that led to the cursor did; `nil` at the start of an iteration.
    public internal(set) var currentStep: Step?
    /// The loss of every finished iteration, `iteration − 1` of them: the latest exactly, older
    /// ones summarised, so that it stays small however long the session trains.
    public internal(set) var lossHistory = LossHistory()
    /// The cell being inspected, if any (see `inspection`).
    public internal(set) var selection: CellReference?
    public internal(set) var playState: PlayState = .paused
    /// Steps per second while playing; play keeps within `TrainingSession.speeds`.
    public var speed: Double = 2
    /// The fast-forward under way, if any; the session takes no other command meanwhile.
    public internal(set) var fastForward: FastForwardProgress?

    @ObservationIgnored var timeline: IterationHistory
    @ObservationIgnored var layout: TraceLayout
    @ObservationIgnored var fastForwardTask: Task<FastForwardOutcome, Never>?
    /// Counts the scenarios adopted, so that a fast-forward begun before the last one is discarded.
    @ObservationIgnored var epoch = 0
    @ObservationIgnored let loader: ((String) throws -> Scenario)?
    /// Where `save()` writes; see `StateFile`.
    @ObservationIgnored public let stateDirectory: String
    @ObservationIgnored let recentTraces: Int

    /// - Parameters:
    ///   - stateDirectory: overrides `StateFile.directory()`, e.g. for tests.
    ///   - loader: reads a scenario file for `reload()` (`ScenarioLoader.load(path:)`).
    ///   - recentTraces: how many recorded iterations to keep around the current one.
    public init(scenario: Scenario, stateDirectory: String? = nil, loader: ((String) throws -> Scenario)? = nil,
                recentTraces: Int = 8) {
        var timeline = IterationHistory(scenario, recentLimit: recentTraces)
        let current = timeline.move(to: 1)
        self.scenario = scenario
        self.timeline = timeline
        self.current = current
        self.layout = TraceLayout(current.outcome.trace)
        self.loader = loader
        self.stateDirectory = stateDirectory ?? StateFile.directory()
        self.recentTraces = recentTraces
    }

    /// The furthest iteration a session goes (10¹²: centuries of fast-forward), so that counters
    /// read from a state file or added to stay far from overflowing.
    nonisolated public static let maximumIteration = 1_000_000_000_000

    /// 1-based number of the iteration on screen.
    public var iteration: Int { current.number }
    /// Every operation of the iteration on screen, revealed or not.
    public var trace: Trace { current.outcome.trace }
    /// The parameters the iteration on screen starts from.
    public var parameters: Parameters { current.input.parameters }
    /// The optimizer state the iteration on screen starts from.
    public var optimizerState: OptimizerState { current.input.optimizerState }
    /// The phase of the last step, `nil` at the start of an iteration.
    public var phase: Phase? { currentStep?.phase }
    public var isAtStartOfIteration: Bool { cursor.isStart }
    public var isAtEndOfIteration: Bool { place == layout.total }
    /// What is held for time travel; bounded however long the session trains.
    public var retained: RetainedHistory { timeline.retained }

    /// The cursor as a number of revealed elements.
    var place: Int { layout.place(cursor) }

    /// Puts the cursor at a place of the iteration on screen.
    func go(to place: Int) {
        cursor = layout.cursor(at: place)
        refreshStep()
    }

    func refreshStep() {
        currentStep = cursor.isStart ? nil : Step(at: place, in: trace, layout: layout, granularity: granularity)
    }

    /// Starts over with `scenario` at the start of its first iteration, keeping the selection if
    /// it still fits; a fast-forward under way is cancelled and its iterations discarded.
    func adopt(_ scenario: Scenario) {
        epoch += 1
        fastForwardTask?.cancel()
        fastForwardTask = nil
        fastForward = nil
        self.scenario = scenario
        timeline = IterationHistory(scenario, recentLimit: recentTraces)
        current = timeline.move(to: 1)
        layout = TraceLayout(current.outcome.trace)
        lossHistory = LossHistory()
        if let selection, !contains(selection) { self.selection = nil }
        go(to: 0)
    }

    /// Back to the scenario's initial parameters, at the start of iteration 1.
    public func reset() {
        guard !isBusy else { return }
        pause()
        adopt(scenario)
    }
}
