import Foundation
import Testing

/// A fatal signal while the full-screen view is up hands the terminal back exactly as it was and
/// ends the process at once, with the signal's own exit status: no backtrace prompt waiting in
/// the user's terminal, no process left behind.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct FatalSignalTests {
    @Test(arguments: [SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE])
    func aFatalSignalRestoresTheTerminalAndEndsTheProcess(_ signal: Int32) throws {
        let run = try StepgradInShell(width: 100, height: 30)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("step 1 of 13")
        let pid = try #require(run.pid(), "stepgrad is running")
        #expect(kill(pid, signal) == 0)
        // The shell reports 128 + the signal's number for a process the signal ended.
        #expect(try run.waitForExitStatus(timeout: .seconds(1)) == 128 + Int(signal))
        #expect(kill(pid, 0) != 0, "the process is gone")
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !run.tmux.isAlternateScreen())
        #expect(try run.tmux.isCursorVisible())
        #expect(try !run.tmux.screen().joined().lowercased().contains("backtrace"))
    }
}
