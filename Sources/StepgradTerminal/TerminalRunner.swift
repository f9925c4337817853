import CNcurses
import Glibc
import TerminalUI

/// Runs a `TerminalProgram` full-screen on the terminal this process was started in.
///
///     let runner = try TerminalRunner()          // throws, with a one-line message, if there is no usable terminal
///     let program = MyProgram(theme: .automatic(depth: runner.capabilities.colourDepth, environment: …),
///                             glyphs: runner.capabilities.glyphs)
///     let outcome = try await runner.run(program)  // returns once the program quits or the terminal goes
///     exit(outcome.exitStatus)
///
/// Whatever ends the run — `q`, Ctrl-C handled by the program, SIGTERM, SIGINT, SIGHUP, a dropped
/// connection, a thrown error, even a crash — the terminal is given back as it was: main screen,
/// cooked mode, cursor shown, mouse reporting off.
@MainActor
public final class TerminalRunner {
    /// Frames are drawn at most this often; input in between is handled but drawn once.
    public static let frameInterval: Duration = .milliseconds(33)

    public let capabilities: TerminalCapabilities
    private let directColour: Bool

    /// Checks that standard input and output are a terminal whose type is known and can address
    /// the cursor, and adopts the user's locale. Touches nothing on the screen.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal("standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal("standard output") }
        let environment = Self.environment(["TERM", "COLORTERM", "NO_COLOR"])
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.noTerminalType }
        let unicode = stepgrad_adopt_locale() != 0
        let terminfo = stepgrad_probe_terminfo(STDOUT_FILENO)
        guard terminfo.found != 0 else { throw TerminalError.unknownTerminalType(term) }
        guard terminfo.addressable != 0 else { throw TerminalError.notAddressable(term) }
        directColour = terminfo.direct != 0
        capabilities = TerminalCapabilities(
            colourDepth: .detect(environment: environment, terminfoColours: Int(terminfo.colors), directColour: directColour),
            unicode: unicode)
    }

    /// Runs `program` until it quits or the terminal goes away, and says which. After `.hangup`
    /// SIGHUP stays ignored, so that later ones cannot interrupt the caller saving its work.
    public func run(_ program: some TerminalProgram) async throws -> TerminalOutcome {
        var shellModes = termios()
        guard tcgetattr(STDIN_FILENO, &shellModes) == 0 else {
            throw TerminalError.cannotStart("cannot read the terminal's modes: " + String(cString: strerror(errno)))
        }
        let relay = try SignalRelay()
        var outcome: TerminalOutcome?
        // After a hangup more SIGHUPs often follow (from the kernel and from whatever owned the
        // terminal); with the default action restored they would kill the caller while it saves.
        defer { relay.restore(leavingHangupIgnored: outcome == .hangup) }
        let backend = try NcursesBackend(capabilities: capabilities, directColour: directColour)
        defer { backend.end() }
        relay.chainWindowChange()
        CrashGuard.arm(restoring: backend.emergencyRestoreSequence, modes: shellModes)
        defer { CrashGuard.disarm() }
        let loop = EventLoop(program: program, backend: backend, relay: relay, glyphs: capabilities.glyphs)
        let ending = try await loop.run()
        outcome = ending
        return ending
    }

    private static func environment(_ names: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.compactMap { name in getenv(name).map { (name, String(cString: $0)) } })
    }
}
