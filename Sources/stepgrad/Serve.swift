import ArgumentParser
import Foundation
import StepgradScenario
import StepgradServe
import StepgradSession
import StepgradTerminal
import StepgradUI
import TerminalUI

/// `stepgrad serve`: the lecturer steps through a scenario here while students follow over SSH.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lecture over SSH: students follow on their terminals.",
        discussion: """
            This terminal shows the full `open` screen and drives the session. Students run \
            `ssh -p PORT ANYNAME@HOST` and see the same step and highlights, drawn at their own \
            terminal's size and colours; nothing they type changes your session (q leaves). \
            The host key is made on first run and kept in the state folder; its fingerprint is \
            printed at the start, for students to check.

            Press a to ask every student for the value about to be computed (its formula shown, \
            the result hidden): their answers are marked as 'stepgrad check' marks them and shown \
            to you as a histogram; a again reveals the value. --record FILE keeps the lecture for \
            'stepgrad replay'.
            """)

    @Argument(help: ArgumentHelp("A scenario file or the name of a bundled exercise.", valueName: "file|example"))
    var scenario: String?

    @Option(help: "The port to listen on.")
    var port = 2222

    @Option(help: "The address to listen on (0.0.0.0 for every network).")
    var listen = "127.0.0.1"

    @Option(help: ArgumentHelp("A class code students must give as their SSH password.", valueName: "word"))
    var code: String?

    @Option(help: "Decimal places forced on every number shown (0 to 15; default: significant figures, as explain prints them).")
    var decimals: Int?

    @Option(help: ArgumentHelp("Connections at once from one address (raise it when students share one, behind NAT).",
                               valueName: "n"))
    var maxPerAddress = ServeLimits().perAddress

    @Option(help: ArgumentHelp("Record the lecture into this new file, for 'stepgrad replay'.", valueName: "file"))
    var record: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port).") }
        if let decimals, !(0...15).contains(decimals) { throw ValidationError("--decimals must be between 0 and 15, not \(decimals).") }
        if let code, code.isEmpty { throw ValidationError("--code must not be empty.") }
        let total = ServeLimits().connections
        guard (1...total).contains(maxPerAddress) else {
            throw ValidationError("--max-per-address must be between 1 and \(total), not \(maxPerAddress).")
        }
    }

    func run() async throws {
        let path = try scenario.map(Exercises.resolve) ?? Exercises.all.first?.path
            ?? { throw ScenarioError(message: "no bundled exercises were found (set STEPGRAD_ASSETS to stepgrad's Assets directory)") }()
        let loaded = try Self.load(path)
        let keyPath = StateFile.directory() + "/host_ed25519"
        let hostKey: HostKey
        do { hostKey = try HostKey.loadOrCreate(at: keyPath) } catch let error as ServeError {
            throw ValidationError(error.description)
        }
        let outcome = try await lecture(loaded, hostKey: hostKey)
        guard outcome == .quit else { throw ExitCode(outcome.exitStatus) }
    }

    /// The scenario, refused before anything starts (and on reload) when the screen's work passes the budget.
    private static func load(_ path: String) throws -> Scenario {
        let scenario = try ScenarioLoader.load(path: path)
        try WorkBudget.check(scenario, command: "serve")
        return scenario
    }

    @MainActor private func lecture(_ scenario: Scenario, hostKey: HostKey) async throws -> TerminalOutcome {
        let runner = try TerminalRunner.forCommand()
        let session = TrainingSession(scenario: scenario, loader: Self.load)
        let classroom = Classroom(session: session, decimals: decimals)
        let recorder = try record.map { try SessionRecorder.start(session, path: $0) }
        let server: ClassServer
        do {
            server = try await ClassServer.start(host: listen, port: port, hostKey: hostKey, code: code, classroom: classroom,
                                                 limits: ServeLimits(perAddress: maxPerAddress))
        } catch let error as ServeError {
            throw ValidationError(error.description)
        }
        let announcement = "stepgrad: serving on \(listen) port \(server.port); host key \(hostKey.fingerprint)\n"
        FileHandle.standardError.write(Data(announcement.utf8))
        let screen = SessionScreen(session: session, options: runner.options(theme: nil, decimals: decimals))
        screen.notify("Students: ssh -p \(server.port) ANYNAME@HOST   host key \(hostKey.fingerprint)")
        let console = LecturerConsole(screen: screen, classroom: classroom)
        let outcome: TerminalOutcome
        if let recorder {
            outcome = try await runner.run(Recorded(console, recorder: recorder))
        } else {
            outcome = try await runner.run(console)
        }
        recorder?.close()
        await server.stop()
        screen.saveForExit()
        FileHandle.standardError.write(Data(announcement.utf8))
        if let message = screen.closingMessage {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            // Quitting promised a save; a signal's own exit status stands.
            if outcome == .quit { throw ExitCode.failure }
        }
        return outcome
    }
}
