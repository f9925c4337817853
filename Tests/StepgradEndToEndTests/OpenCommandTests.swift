import Foundation
import Testing

/// `stepgrad open` as a user runs it: the real binary in a pseudo-terminal, started from a shell
/// that records the terminal modes before and after and prints the exit status.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct OpenCommandTests {
    @Test func aStudentStepsThroughThePassResizesAndQuits() throws {
        let run = try StepgradInShell(width: 120, height: 40)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try run.tmux.waitForText("step 0 of 13")

        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("z₁[1] = 0.1·0.5 + 0.2·(−1) + (−0.5)·2 = −1.15")
        try run.tmux.waitForText("step 1 of 13")

        try run.tmux.sendKeys("Right", "Right")
        try run.tmux.waitForText("z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495")

        try run.tmux.sendKeys("]")   // to the end of the forward phase: ŷ
        try run.tmux.waitForText("ŷ[1] = e^(−0.495)/(e^0.195 + e^(−0.495) + e^0.465) = 0.6096/3.417 = 0.1784")
        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("step 5 of 13")
        try run.tmux.waitForText("L = −(1·ln(0.3557) + 1·ln(0.1784) + 0·ln(0.4659)) = 2.757")

        try run.tmux.sendKeys("Right", "Right")   // dŷ, then dz₂ with its warning
        try run.tmux.waitForText("dz₂[1] = 0.1784·2 − 1 = −0.6432")
        try run.tmux.waitForText("the familiar shortcut dz = ŷ − y does not")

        try run.tmux.sendKeys("g")   // element granularity: one scalar per step
        try run.tmux.waitForText("element")

        try run.tmux.resize(width: 80, height: 24)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try run.tmux.resize(width: 50, height: 15)
        try run.tmux.waitForText("enlarge the terminal")
        try run.tmux.resize(width: 120, height: 40)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")

        try run.tmux.sendKeys("q")
        #expect(try run.waitForExitStatus() == 0)
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !run.tmux.isAlternateScreen())
        #expect(!run.savedStates.isEmpty, "quitting saves the session")
    }

    @Test func quittingWhenTheSaveFailsSaysSoAndExitsOne() throws {
        let run = try StepgradInShell(width: 100, height: 30)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        // The state directory's place is taken by a file, so the save on quitting cannot be made.
        try Data().write(to: URL(fileURLWithPath: run.stateDirectory))
        try run.tmux.sendKeys("q")
        #expect(try run.waitForExitStatus() == 1)
        #expect(try run.tmux.screen().contains { $0.contains("stepgrad: the session was not saved") })
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)])
    func aSignalSavesTheSessionAndRestoresTheTerminal(_ signal: Int32, _ status: Int) throws {
        let run = try StepgradInShell(width: 100, height: 30)
        try run.tmux.waitForText("FORWARD › LOSS › BACKWARD › UPDATE")
        try run.tmux.sendKeys("Right")
        try run.tmux.waitForText("step 1 of 13")
        let pid = try #require(run.pid(), "stepgrad is running")
        #expect(kill(pid, signal) == 0)
        #expect(try run.waitForExitStatus(timeout: .seconds(2)) == status)
        let modes = try run.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !run.tmux.isAlternateScreen())
        #expect(try run.tmux.isCursorVisible())
        #expect(!run.savedStates.isEmpty, "the session was saved before exiting")
    }

    @Test func withoutATerminalItSuggestsExplain() throws {
        let result = try StepgradProcess.run(["open", "relu-softmax-3-4-3"])
        #expect(result.status != 0)
        #expect(result.error.contains("stepgrad explain"))
        #expect(result.error.split(separator: "\n").count == 1)
    }
}

/// stepgrad on its own copy of the bundled 3-4-3 exercise and its own state directory.
final class StepgradInShell: ProgramInShell {
    let scenario: String
    let stateDirectory: String
    /// How the script started stepgrad (`open` on the scenario, arguments given), to start it again.
    let commandLine: String

    /// `arguments` follow the scenario on `open`'s command line.
    init(width: Int, height: Int, arguments: String = "") throws {
        let binary = try #require(StepgradProcess.executable, "stepgrad is built beside the tests").path
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        scenario = folder.appendingPathComponent("exercise.yaml").path
        stateDirectory = folder.appendingPathComponent("state").path
        try FileManager.default.copyItem(atPath: bundled.path, toPath: scenario)
        let commandLine = "STEPGRAD_STATE_DIR=\(stateDirectory) \(binary) open \(scenario) \(arguments)"
        self.commandLine = commandLine
        try super.init(width: width, height: height) { _ in commandLine }
    }

    deinit {
        tmux.close()
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: scenario).deletingLastPathComponent().path)
    }

    /// The stepgrad process, found by its scenario path.
    func pid() -> pid_t? {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.lazy.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0")
            return arguments.contains { $0 == self.scenario } && arguments.contains("open") ? pid : nil
        }.first
    }

    var savedStates: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: stateDirectory)) ?? []).filter { $0.hasSuffix(".state") }
    }
}
