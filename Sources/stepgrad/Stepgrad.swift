import ArgumentParser
import Foundation
import StepgradScenario

@main
struct Stepgrad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stepgrad",
        abstract: "Watch a small neural network learn, one step at a time.",
        discussion: """
            Every value of an iteration (forward, loss, backward, update) is shown with its formula \
            and the arithmetic a student writes on paper, so that hand-computed homework can be checked \
            step by step and answer keys written without slips.

            A FILE of '-' is read from standard input (not for open, which reads keys there).

            Environment: STEPGRAD_STATE_DIR (where sessions are saved; default $XDG_STATE_HOME/stepgrad \
            when XDG_STATE_HOME is an absolute path, else ~/.local/state/stepgrad), STEPGRAD_ASSETS \
            (the directory of the bundled exercises), NO_COLOR (set and not empty: no colour), COLORTERM \
            (truecolor or 24bit: exact colours), TERM (the terminal's capabilities).
            """,
        version: "stepgrad 0.1.0",
        // Each subcommand lives in the file named after it. `open`, the full-screen app, is the
        // default: `stepgrad` alone opens the first bundled exercise, `stepgrad FILE` that file.
        subcommands: [Open.self, Serve.self, Replay.self, Explain.self, Train.self, Examples.self, Check.self, Grade.self, New.self],
        defaultSubcommand: Open.self)

    /// Every failure ends as one line on standard error, `stepgrad: path:line:col: message`,
    /// never a usage dump or a stack trace: exit 2 for invalid input or flags, 1 for anything else.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            let message = Self.message(for: error).split(separator: "\n").joined(separator: " ")
            FileHandle.standardError.write(Data("stepgrad: \(message)\n".utf8))
            Foundation.exit(code == .validationFailure || error is ScenarioError ? 2 : 1)
        }
    }
}
