import Foundation
import Testing

/// A long fast-forward leaves nothing that grows with it: SIGHUP afterwards saves and exits as
/// promptly as after one step, the state file stays small, and resuming and quitting are prompt.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct LongRunTests {
    @Test func aMillionIterationsThenAHangupExitsWithinTwoSecondsAndASmallStateFile() throws {
        let run = try StepgradInShell(width: 100, height: 30)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try run.tmux.sendKeys("f")
        try run.tmux.waitForText("How many iterations?")
        try run.tmux.type("1000000")   // replaces the suggested 100
        try run.tmux.waitForText("┃ 1000000 ")
        try run.tmux.sendKeys("Enter")
        try run.tmux.waitForText("iteration 1000001", timeout: .seconds(300))   // a debug build on a busy machine
        let pid = try #require(run.pid(), "stepgrad is running")
        let start = ContinuousClock.now
        #expect(kill(pid, SIGHUP) == 0)
        #expect(try run.waitForExitStatus(timeout: .seconds(10)) == 129)
        let took = ContinuousClock.now - start
        #expect(took < .seconds(2), "exited \(took) after SIGHUP")
        let states = run.savedStates
        #expect(states.count == 1)
        for state in states {
            let size = try FileManager.default.attributesOfItem(atPath: run.stateDirectory + "/" + state)[.size] as? Int ?? .max
            #expect(size < 1_000_000, "state file of \(size) bytes")
        }
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)

        // Resuming shows the first screen, and q saves and quits, as promptly as after a short run.
        try run.tmux.run("clear; \(run.commandLine) --resume; echo resumed=$?")
        let resuming = ContinuousClock.now
        try run.tmux.waitForText("iteration 1000001")
        let resumed = ContinuousClock.now - resuming
        #expect(resumed < .seconds(3), "the first screen came \(resumed) after --resume")
        try run.tmux.sendKeys("q")
        let quitting = ContinuousClock.now
        try run.tmux.waitForText("resumed=0")
        let quit = ContinuousClock.now - quitting
        #expect(quit < .seconds(2), "exited \(quit) after q")
    }
}
