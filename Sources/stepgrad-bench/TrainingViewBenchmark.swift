import Foundation
import StepgradScenario
import StepgradUI
import TerminalUI

/// What the training view's drawing costs: one 160×48 frame built while the spiral example trains
/// (new weights every frame, so the boundary map's predictions are computed afresh each time;
/// goal: the 99th percentile under 2 ms), and, over a few seconds of play run as the terminal
/// runtime runs it (a slice of training, then the next tick 16 ms later, a frame whenever 33 ms
/// have passed since the last), the time spent building frames and turning them into the
/// terminal's bytes (`EscapeSequenceScreen`, as over SSH), as a share of one core beside the
/// training's own (goal under 10 %).
@MainActor enum TrainingViewBenchmark {
    static let size = Size(width: 160, height: 48)
    static let capabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)
    static let frameGoal = 2.0, shareGoal = 0.10

    static func run() {
        guard let scenario = try? ScenarioLoader.load(path: Exercises.resolve("spiral")) else {
            print("training view: the spiral example could not be loaded (run from the source checkout)")
            return
        }
        func open() -> TrainingScreen { TrainingScreen(scenario: scenario, options: ScreenOptions(theme: .dark, capabilities: capabilities))! }
        print("\nTraining view (\(scenario.title)), \(size.width)×\(size.height):")
        // Frames each after one more mini-batch, so the map is predicted afresh for every one. The
        // machine is shared: three screens train in step (training is deterministic, so their frames
        // are the same) and each frame's figure is the best of its three.
        let screens = [open(), open(), open()]
        for screen in screens { _ = screen.frame(size: size, glyphs: capabilities.glyphs) }
        var frames: [Double] = []
        for _ in 0..<300 {
            frames.append(screens.map { screen in
                _ = screen.update(.key(KeyEvent("n")))
                let start = ContinuousClock.now
                let grid = screen.frame(size: size, glyphs: capabilities.glyphs)
                precondition(grid.size == size)
                return milliseconds(ContinuousClock.now - start)
            }.min()!)
        }
        let screen = screens[0]
        let sorted = frames.sorted(), median = sorted[sorted.count / 2], p99 = sorted[sorted.count * 99 / 100]
        print("  a frame after each mini-batch: median \(fixed(median)) ms, p99 \(fixed(p99)) ms, max \(fixed(sorted.last!)) ms"
              + " (\(frames.count) frames, each the best of 3)   goal under \(fixed(frameGoal)) ms: " + (p99 < frameGoal ? "met" : "NOT met"))

        // Play, paced as the runtime paces it.
        var terminal = EscapeSequenceScreen(depth: capabilities.colourDepth, unicode: true)
        _ = screen.update(.key(KeyEvent(" ")))
        let clock = ContinuousClock(), start = clock.now
        var training = Duration.zero, drawing = Duration.zero, lastFrame = clock.now - .seconds(1)
        var drawn = 0, bytes = 0
        let iterations = screen.trainer.iterations
        while clock.now - start < .seconds(3) {
            let sliceStart = clock.now
            _ = screen.update(.trainTick)
            if !screen.playing { _ = screen.update(.key(KeyEvent(" "))) }
            training += clock.now - sliceStart
            let next = clock.now + TrainingScreen.tickInterval
            while clock.now < next {
                if clock.now - lastFrame >= .milliseconds(33) {
                    let frameStart = clock.now
                    bytes += terminal.update(to: screen.frame(size: size, glyphs: capabilities.glyphs)).count
                    lastFrame = frameStart
                    drawing += clock.now - frameStart
                    drawn += 1
                }
                let pause = min(next, lastFrame + .milliseconds(33)) - clock.now
                if pause > .zero { Thread.sleep(forTimeInterval: seconds(pause)) }
            }
        }
        let wall = seconds(clock.now - start), share = seconds(drawing) / wall
        print("  playing for \(fixed(wall)) s: \(screen.trainer.iterations - iterations) mini-batches, training "
              + "\(Int((100 * seconds(training) / wall).rounded())) % of a core; \(drawn) frames (\(bytes / max(drawn, 1)) bytes each) "
              + "drawing \(fixed(100 * share)) % of a core   goal under \(Int(100 * shareGoal)) %: " + (share < shareGoal ? "met" : "NOT met"))
    }

    static func milliseconds(_ d: Duration) -> Double { seconds(d) * 1000 }
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    static func fixed(_ v: Double) -> String { String(format: "%.2f", v) }
}
