import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI

/// `stepgrad replay`: a recorded lecture drawn again by a session screen of its own, at this
/// terminal's size and in any theme: play (at the recorded pace, or faster), pause, and seeking by
/// step and by phase through the places recorded. The session reaches each place by time travel,
/// or by training on in the background when the lecture fast-forwarded.
@MainActor
public final class ReplayScreen: TerminalProgram {
    public typealias Message = ScreenMessage

    public let screen: SessionScreen
    let recording: Recording
    let scenarios: [Scenario]
    /// The places in order, each with the scenario in effect (an index into `scenarios`).
    let places: [(time: Double, place: Recording.Place, scenario: Int)]
    /// Per scenario, the phase of each operation: what `]` and `[` seek by.
    private let phases: [[Phase]]
    /// The place shown, an index into `places`.
    public private(set) var position = 0
    private var shownScenario = 0
    public private(set) var playing = false
    /// How much faster than recorded play goes.
    public private(set) var pace = 1.0
    /// The longest pause play keeps, however long the lecturer paused (divided by `pace`).
    static let longestPause = 2.0

    public init(recording: Recording, scenarios: [Scenario], options: ScreenOptions, stateDirectory: String? = nil) {
        self.recording = recording
        self.scenarios = scenarios
        var places: [(Double, Recording.Place, Int)] = [], scenario = 0
        for entry in recording.entries {
            switch entry.event {
            case .scenario: scenario = min(scenario + 1, scenarios.count - 1)
            case .place(let place): places.append((entry.time, place, scenario))
            }
        }
        self.places = places
        phases = scenarios.map { Recording.trace(of: $0).operations.map(\.phase) }
        let session = TrainingSession(scenario: scenarios[0], stateDirectory: stateDirectory)
        screen = SessionScreen(session: session, options: options)
    }

    public var minimumSize: Size { screen.minimumSize }
    public var placeCount: Int { places.count }

    /// Goes to place `index`; returns the training under way when it is reached in the background.
    @discardableResult public func go(to index: Int) -> Task<FastForwardOutcome, Never>? {
        guard places.indices.contains(index) else { return nil }
        let target = places[index]
        let session = screen.session
        if target.scenario != shownScenario {
            session.startOver(with: scenarios[target.scenario])
            shownScenario = target.scenario
        }
        position = index
        return session.seek(iteration: target.place.iteration, cursor: target.place.cursor, granularity: target.place.granularity)
    }

    private func show(_ index: Int) -> ScreenCommand {
        guard let work = go(to: index) else { return .none }
        return .task(id: "seek") { send in
            _ = await work.value
            send(.fastForwardEnded)
        }
    }

    public func update(_ event: InputEvent) -> ScreenCommand {
        let key: KeyEvent
        switch event {
        case .key(let pressed): key = pressed
        case .mouse, .resize: return .none
        case .hangup, .interrupt, .terminate: return .quit
        }
        if key.isControlC || key == KeyEvent("q") { return .quit }
        if screen.session.isBusy {
            if key == KeyEvent(.escape) { screen.session.cancelFastForward() }
            return .none
        }
        switch key.key {
        case .right, .pageDown, .enter, .character("l"), .character("n"):
            return step(to: position + 1)
        case .left, .pageUp, .backspace, .character("h"), .character("p"):
            return step(to: position - 1)
        case .character("]"): return step(to: nextPhase())
        case .character("["): return step(to: previousPhase())
        case .home: return step(to: 0)
        case .end: return step(to: places.count - 1)
        case .character(" "):
            playing.toggle()
            return playing ? tick() : .cancel("replay")
        case .character("+"), .character("="):
            pace = min(pace * 2, 64)
            screen.notify("Replay at \(Self.describe(pace)) the recorded pace.")
        case .character("-"), .character("_"):
            pace = max(pace / 2, 0.25)
            screen.notify("Replay at \(Self.describe(pace)) the recorded pace.")
        case .character("t"), .character("v"), .character("c"):
            return screen.update(event)   // theme, numbers / colour, colour scale
        default:
            break
        }
        return .none
    }

    public func update(_ message: ScreenMessage) -> ScreenCommand {
        switch message {
        case .playTick:
            guard playing else { return .none }
            guard position + 1 < places.count else {
                playing = false
                screen.notify("End of the recording.")
                return .none
            }
            return show(position + 1) + tick()
        default:
            return .none
        }
    }

    /// Moves by hand: play stops, as in `open`.
    private func step(to index: Int) -> ScreenCommand {
        playing = false
        guard places.indices.contains(index) else {
            screen.notify(index < 0 ? "This is the start of the recording." : "This is the end of the recording.")
            return .cancel("replay")
        }
        return .cancel("replay") + show(index)
    }

    /// The next place to show while playing, after the recorded pause (capped, and divided by the pace).
    private func tick() -> ScreenCommand {
        guard position + 1 < places.count else { return .none }
        let gap = min(max(places[position + 1].time - places[position].time, 0), Self.longestPause) / pace
        return .after(.milliseconds(Int(gap * 1000)), .playTick, id: "replay")
    }

    /// The phase a place has got to: its iteration and the phase of its last revealed element.
    private func phase(at index: Int) -> (iteration: Int, phase: Phase?) {
        let p = places[index]
        return (p.place.iteration, p.place.cursor.isStart ? nil : phases[p.scenario][p.place.cursor.operation])
    }

    private func nextPhase() -> Int {
        let now = phase(at: position)
        return places.indices.dropFirst(position + 1).first { phase(at: $0) != now } ?? places.count
    }

    /// To the first place of this phase, or, when there already, of the phase before.
    private func previousPhase() -> Int {
        guard position > 0 else { return -1 }
        var index = position
        if phase(at: index - 1) != phase(at: index) { index -= 1 }
        let target = phase(at: index)
        while index > 0 && phase(at: index - 1) == target { index -= 1 }
        return index
    }

    private static func describe(_ pace: Double) -> String {
        pace >= 1 ? "\(Int(pace))×" : "1/\(Int(1 / pace))×"
    }

    public func view(into grid: inout Grid) {
        screen.view(into: &grid)
        let label = " replay \(position + 1)/\(places.count) \(playing ? "▶" : "‖") \(Self.describe(pace)) "
        let text = screen.capabilities.unicode ? label : label.replacingOccurrences(of: "▶", with: ">").replacingOccurrences(of: "‖", with: "||").replacingOccurrences(of: "×", with: "x")
        grid.write(text, x: max(grid.width - text.count - 1, 0), y: 1,
                   style: screen.theme[.accent].patched(with: Style(attributes: .reverse)))
    }
}
