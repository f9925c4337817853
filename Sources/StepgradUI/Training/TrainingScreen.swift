import Foundation
import StepgradData
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI

/// The training view of a scenario with data: loss and accuracy curves, epoch, iteration and
/// throughput, and for 2-D inputs the decision boundary with the training points over it.
///
/// Play trains in slices of at most `sliceBudget` on the main actor between frames, so a key waits
/// at most one slice. Pause, and the next mini-batch (`s`) or any point (click it, or select it
/// with ← → and press Enter) opens in the step-by-step view with the current weights: a
/// `SessionScreen` shown inside this one until `x` brings the training back. The learning rate,
/// weight decay, hidden activation and units change from the keyboard (`+ - r R a l u U`), and `w`
/// writes the network as it is as a scenario.
@MainActor
public final class TrainingScreen: TerminalProgram {
    public typealias Message = TrainingMessage

    /// The scenario as trained now: its network and optimizer follow the keys that change them.
    public internal(set) var scenario: Scenario
    public internal(set) var trainer: Trainer
    /// The metrics before training (epoch 0) and after each epoch since, thinned in a long run.
    public internal(set) var history: MetricsHistory
    public internal(set) var playing = false
    /// The step-by-step view of one pass, while it is open.
    public internal(set) var pass: SessionScreen?
    /// A training point (index into the training set) chosen on the map.
    public internal(set) var selectedPoint: Int?
    /// The hidden layer whose units `u` and `U` change.
    public internal(set) var selectedLayer = 1
    /// Whether the keys are shown (`?`).
    public internal(set) var showsHelp = false
    /// Where `w` writes: the directory stepgrad was started in.
    var writeDirectory = "."
    let options: ScreenOptions
    var message: String?
    /// Mini-batches a second over the last slice trained.
    var throughput: Double?

    /// Where the last frame drew the boundary map, and what it spans.
    var mapArea: Rect?
    /// Which weights (by iteration), size and play tick `mapPrediction` holds the outputs of.
    var mapCache: (iterations: Int, size: Size, tick: Int)?
    /// Play ticks so far.
    var ticks = 0
    var mapPrediction = MapPrediction()
    let extent: BoundaryMap.Extent?

    /// How long one slice of play may train before the screen gets its turn again.
    static let sliceBudget = Duration.milliseconds(12)
    public static let tickInterval = Duration.milliseconds(16)
    /// While playing, the map is predicted afresh every this many ticks (about 9 times a second), not
    /// every frame: it is most of a frame's cost, and of the bytes sent, and the boundary moves little
    /// in between. Paused, every change is drawn at once.
    static let mapTicks = 4

    public init?(scenario: Scenario, options: ScreenOptions) {
        guard let trainer = Trainer(scenario) else { return nil }
        self.scenario = scenario
        self.trainer = trainer
        self.options = options
        history = MetricsHistory(trainer.metrics)
        let data = trainer.plan.data
        extent = data.train.features.count == 2 && data.train.classes != nil
            ? BoundaryMap.Extent(Matrix(rows: data.train.count + data.test.count, columns: 2,
                                        elements: data.train.inputs.elements + data.test.inputs.elements))
            : nil
    }

    public let minimumSize = Size(width: 80, height: 24)

    var look: Look {
        let numbers = NumberText(style: options.numberStyle,
                                 glyphs: ScreenGlyphs(options.capabilities.glyphs, unicode: options.capabilities.unicode))
        return Look(theme: options.theme, depth: options.capabilities.colourDepth, glyphs: numbers.glyphs, numbers: numbers,
                    showsNumbers: true, presenting: options.presenting)
    }

    /// The pass of training point `index` with the current weights, as the step-by-step view opens it.
    public func pointScenario(_ index: Int) -> Scenario {
        var single = trainer.passScenario(scenario)
        let points = trainer.plan.train.subset([index])
        single.batch = Batch(input: points.inputs, target: points.targets)
        single.title = "\(scenario.title): point \(index + 1)"
        return single
    }

    /// Opens `pass` in the step-by-step view.
    func open(_ pass: Scenario, note: String) {
        playing = false
        let session = TrainingSession(scenario: pass)
        let screen = SessionScreen(session: session, options: options)
        screen.notify(note + " — x returns to training")
        self.pass = screen
    }
}
