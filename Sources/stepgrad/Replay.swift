import ArgumentParser
import Foundation
import StepgradScenario
import StepgradSession
import StepgradTerminal
import StepgradUI
import TerminalUI

/// `stepgrad replay`: a lecture recorded with `--record`, drawn again here, or exported for asciinema.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a recorded lecture at any size, in any theme.",
        discussion: """
            Shows a recording made by 'open --record' or 'serve --record' step by step as it was \
            recorded: Space plays at the recorded pace (pauses longer than 2 s shortened; + and − \
            play faster and slower), → and ← step, ] and [ go by phase, Home and End to the start \
            and the end, t changes the theme, q quits. With --asciicast it draws every step at \
            --size instead and writes asciicast v2 for asciinema ('asciinema play FILE').
            """)

    @Argument(help: ArgumentHelp("A recording made with --record.", valueName: "file"))
    var recording: String

    @Option(help: "Colours: dark, light, high-contrast or mono (default: from the terminal).")
    var theme: Open.ThemeName?

    @Option(help: "Decimal places forced on every number shown (0 to 15; default: significant figures, as explain prints them).")
    var decimals: Int?

    @Option(help: ArgumentHelp("Write asciicast v2 to this file instead of showing the replay.", valueName: "file.cast"))
    var asciicast: String?

    @Option(help: ArgumentHelp("The terminal size of the asciicast.", valueName: "columnsxrows"))
    var size = "100x30"

    @Flag(help: "Replace the --asciicast file if it exists.")
    var force = false

    func validate() throws {
        if let decimals, !(0...15).contains(decimals) { throw ValidationError("--decimals must be between 0 and 15, not \(decimals).") }
        _ = try castSize()
    }

    private func castSize() throws -> Size {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (80...500).contains(parts[0]), (24...200).contains(parts[1]) else {
            throw ValidationError("--size must be COLUMNSxROWS from 80x24 to 500x200, not \(size).")
        }
        return Size(width: parts[0], height: parts[1])
    }

    func run() async throws {
        let loaded: (recording: Recording, scenarios: [Scenario])
        do { loaded = try Recording.load(path: recording) } catch { throw ValidationError(error.description) }
        guard !loaded.recording.places.isEmpty else { throw ValidationError("\(recording): the recording has no steps") }
        if let asciicast {
            try await export(loaded.recording, loaded.scenarios, to: asciicast)
        } else {
            let outcome = try await show(loaded.recording, loaded.scenarios)
            guard outcome == .quit else { throw ExitCode(outcome.exitStatus) }
        }
    }

    /// A state folder of its own: a replay never touches the sessions `open` saves.
    private var scratch: String { NSTemporaryDirectory() + "stepgrad-replay-\(getpid())" }

    @MainActor private func show(_ recording: Recording, _ scenarios: [Scenario]) async throws -> TerminalOutcome {
        let runner = try TerminalRunner.forCommand()
        let replay = ReplayScreen(recording: recording, scenarios: scenarios,
                                  options: runner.options(theme: theme, decimals: decimals), stateDirectory: scratch)
        if let training = replay.go(to: 0) { _ = await training.value }
        return try await runner.run(replay)
    }

    @MainActor private func export(_ recording: Recording, _ scenarios: [Scenario], to path: String) async throws {
        let size = try castSize()
        let capabilities = TerminalCapabilities(colourDepth: .palette256, unicode: true)
        let chosen = theme.flatMap { Theme.named($0.rawValue) } ?? .dark
        let replay = ReplayScreen(recording: recording, scenarios: scenarios,
                                  options: ScreenOptions(theme: chosen, capabilities: capabilities, decimals: decimals),
                                  stateDirectory: scratch)
        let cast = await Asciicast.export(replay, size: size, title: "stepgrad: \(recording.name)", depth: capabilities.colourDepth)
        do {
            try AtomicFile.write(cast.data, to: path, existing: force ? .replace : .refuse)
        } catch .exists(let path) {
            throw ValidationError("\(path) exists; give another name, or --force to replace it")
        } catch {
            throw ValidationError(error.description)
        }
        print("Wrote \(path): \(cast.frames.count) steps at \(size.width)×\(size.height).")
    }
}
