import ArgumentParser
import Foundation
import StepgradTerminal
import StepgradUI

extension TerminalRunner {
    /// The terminal for a full-screen command. Where there is none its message, already a whole
    /// line (`stepgrad: …` with the plain-text alternative), goes to standard error and the command
    /// fails without a second one from the argument parser.
    static func forCommand() throws -> TerminalRunner {
        do { return try TerminalRunner() } catch let error as TerminalError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// The screen options for `--theme` (or, without it, the theme this terminal suggests).
    func options(theme: Open.ThemeName?, presenting: Bool = false, decimals: Int?) -> ScreenOptions {
        let chosen = theme.flatMap { Theme.named($0.rawValue) }
            ?? ScreenOptions.defaultTheme(presenting: presenting, depth: capabilities.colourDepth,
                                          environment: ProcessInfo.processInfo.environment)
        return ScreenOptions(theme: chosen, capabilities: capabilities, presenting: presenting, decimals: decimals)
    }
}
