import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import StepgradUI
import TerminalUI

/// What one frame of the session screen costs to build at 160×48 (goal: under 2 ms), at the end
/// of every operation of an iteration and at the first element of each: right after the step,
/// when the formula's sums are expanded afresh, and again, as when a redraw changes nothing in
/// the session (a theme, a tick). The screen is opened as `stepgrad open` opens it (its first
/// frame drawn), then stepped as a user steps it, through its `update`; what a step costs there
/// (the session's step, and the screen measuring a new iteration's operations for its layout)
/// is printed beside, not counted in the frame. Each figure is the best of three walks through
/// the iteration, place by place.
@MainActor enum FrameBenchmark {
    static let size = Size(width: 160, height: 48)
    static let goal = Duration.milliseconds(2)
    static let capabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)

    static func run() {
        print("Frame benchmark: one \(size) frame of the session screen (goal under 2 ms)")
        var worst = Duration.zero
        let cases = [("3-4-3 exercise", SessionBenchmark.homework, true), ("64-32-10, batch 8", SessionBenchmark.wide, true),
                     ("256-256-10, for scale", huge, false)]
        for (name, scenario, counts) in cases {
            for granularity in [Granularity.operation, .element] {
                // Best of three walks, place by place: the machine is shared.
                let walks = (0..<3).map { _ in frames(scenario, granularity) }
                func best(_ figures: KeyPath<Walk, [Duration]>) -> [Duration] {
                    walks[0][keyPath: figures].indices.map { i in walks.map { $0[keyPath: figures][i] }.min() ?? .zero }
                }
                let fresh = best(\.fresh), again = best(\.again), steps = best(\.steps)
                if counts { worst = max(worst, fresh.max() ?? .zero) }
                print("  " + pad(name, 24) + pad(granularity.rawValue, 10)
                      + "after a step: mean \(format(mean(fresh))), max \(format(fresh.max() ?? .zero));"
                      + "  redrawn: mean \(format(mean(again)))   (\(fresh.count) frames;"
                      + " the steps: mean \(format(mean(steps))), max \(format(steps.max() ?? .zero)))")
            }
        }
        print("  goal under \(format(goal).trimmingCharacters(in: .whitespaces)) per frame: "
              + (worst < goal ? "met" : "MISSED") + " (slowest \(format(worst).trimmingCharacters(in: .whitespaces)))")
        bytesPerStep()
    }

    struct Walk {
        var fresh: [Duration] = []
        var again: [Duration] = []
        /// The screen's handling of each step's key, the session's step included.
        var steps: [Duration] = []
    }

    /// Frame times over one iteration: at the end of each operation, or at the first element of each.
    private static func frames(_ scenario: Scenario, _ granularity: Granularity) -> Walk {
        let session = TrainingSession(scenario: scenario)
        let screen = SessionScreen(session: session, options: ScreenOptions(theme: .dark, capabilities: capabilities))
        session.granularity = granularity
        _ = screen.frame(size: size, glyphs: capabilities.glyphs)
        var walk = Walk()
        repeat {
            walk.steps.append(ContinuousClock().measure { _ = screen.update(.key(KeyEvent(.right))) })
            walk.fresh.append(measure(screen))
            walk.again.append(measure(screen))
            let cursor = session.cursor
            if granularity == .element && cursor.revealed < session.trace.operations[cursor.operation].elementCount {
                // On to the end of this operation, so that the next step is the first element of the next.
                session.granularity = .operation
                session.stepForward()
                session.granularity = .element
            }
        } while !session.isAtEndOfIteration
        return walk
    }

    private static func measure(_ screen: SessionScreen) -> Duration {
        var frame: Grid?
        let duration = ContinuousClock().measure { frame = screen.frame(size: size, glyphs: capabilities.glyphs) }
        precondition(frame?.size == size, "the frame was not built")
        return duration
    }

    /// 256 inputs, 256 tanh units, 10 softmax outputs: matrices of 256×256 on screen.
    static var huge: Scenario {
        let network = Network(inputs: 256, layers: [Layer(units: 256, activation: .tanh), Layer(units: 10, activation: .softmax)],
                              loss: .crossEntropy)
        var random = SplitMix64(seed: 256)
        let input = Matrix(rows: 1, columns: 256, elements: (0..<256).map { _ in random.nextUnit() * 2 - 1 })
        var target = Matrix(rows: 1, columns: 10)
        target[0, 3] = 1
        return Scenario(title: "256-256-10", network: network, parameters: Initializer(seed: 256).parameters(for: network),
                        batch: Batch(input: input, target: target))
    }

    private static func mean(_ durations: [Duration]) -> Duration {
        durations.isEmpty ? .zero : durations.reduce(.zero, +) / durations.count
    }

    private static func format(_ d: Duration) -> String { SessionBenchmark.format(d) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }

    /// Bytes the real binary sends to a 120×40 terminal per step of the 3-4-3 exercise (goal under
    /// 4 KB), measured in a pseudo-terminal by Tests/Reference/bytes_per_step.py.
    private static func bytesPerStep() {
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepgrad")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/Reference/bytes_per_step.py").standardizedFileURL
        guard FileManager.default.isExecutableFile(atPath: bin.path) else {
            print("  bytes per step: skipped, build stepgrad in the same configuration first (swift build -c release)")
            return
        }
        let process = Process(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, bin.path, "relu-softmax-3-4-3", "120x40", "13"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { print("  bytes per step: skipped, python3 could not be started"); return }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = Dictionary(uniqueKeysWithValues: text.split(separator: " ").compactMap { field -> (String, String)? in
            let parts = field.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        })
        guard let steps = fields["steps"]?.split(separator: ",").compactMap({ Int($0) }), !steps.isEmpty,
              let back = fields["back"].flatMap(Int.init) else {
            print("  bytes per step: could not be measured (\(text.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        let worst = max(steps.max() ?? 0, back)
        print("Bytes per step, 3-4-3 exercise at 120×40 (goal under 4 KB = 4096 bytes)")
        print("  first frame \(fields["first"] ?? "?") bytes; steps \(steps.map(String.init).joined(separator: ", ")); step back \(back)")
        print("  mean \(steps.reduce(0, +) / steps.count) bytes, largest \(worst): " + (worst < 4096 ? "met" : "missed"))
    }
}
