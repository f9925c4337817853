import Foundation
import Testing

/// The terminal layer end to end: terminal-demo runs in a real pseudo-terminal (tmux) started from
/// an interactive shell, and every way of ending must hand the terminal back as it was.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct TerminalRunnerTests {
    @Test func drawsFullScreenAndRestoresTheTerminalOnQuit() throws {
        let demo = try DemoInShell(width: 80, height: 24)
        try demo.waitUntilShown()
        let screen = try demo.tmux.screen()
        #expect(screen.first == "┌─ terminal-demo " + String(repeating: "─", count: 62) + "┐")
        #expect(screen.last == "└" + String(repeating: "─", count: 78) + "┘")
        #expect(screen.count == 24)
        #expect(try demo.tmux.isAlternateScreen())
        #expect(try !demo.tmux.isCursorVisible())
        #expect(try demo.tmux.isMouseReporting())

        try demo.tmux.sendKeys("q")
        #expect(try demo.waitForExitStatus() == 0)
        let modes = try demo.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !demo.tmux.isAlternateScreen())
        #expect(try demo.tmux.isCursorVisible())
        #expect(try !demo.tmux.isMouseReporting())
        // The main screen is back: the command line typed before the demo is still there.
        #expect(try demo.tmux.screen().contains { $0.hasPrefix("$ sh ") && $0.hasSuffix("run.sh") })
        #expect(try demo.tmux.screen().contains("terminal-demo: quit"))
    }

    struct Ending: CustomTestStringConvertible, Sendable {
        let signal: Int32, name: String, status: Int, event: String, outcome: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Ending(signal: SIGTERM, name: "SIGTERM", status: 143, event: "terminate", outcome: "terminated"),
        Ending(signal: SIGHUP, name: "SIGHUP", status: 129, event: "hangup", outcome: "hangup"),
        Ending(signal: SIGINT, name: "SIGINT", status: 130, event: "interrupt", outcome: "interrupted"),
    ])
    func signalEndsTheRunPromptlyAndRestoresTheTerminal(_ ending: Ending) throws {
        let demo = try DemoInShell()
        try demo.waitUntilShown()
        let pid = try demo.pid()
        #expect(kill(pid, ending.signal) == 0)
        #expect(try demo.waitForExitStatus(timeout: .seconds(2)) == ending.status)
        let modes = try demo.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !demo.tmux.isAlternateScreen())
        #expect(try demo.tmux.isCursorVisible())
        #expect(try !demo.tmux.isMouseReporting())
        // The program heard the signal as its last event, in time to save its state.
        #expect(demo.record()?.contains("outcome=\(ending.outcome) last=\(ending.event)") == true)
    }

    @Test func keysAndMouseReachTheProgram() throws {
        let demo = try DemoInShell()
        try demo.waitUntilShown()
        let keys: [(tmux: String, shown: String)] = [
            ("Right", "Right"), ("Left", "Left"), ("Up", "Up"), ("Down", "Down"),
            ("PageUp", "PageUp"), ("PageDown", "PageDown"), ("Home", "Home"), ("End", "End"),
            ("Enter", "Enter"), ("Tab", "Tab"), ("BTab", "BackTab"), ("BSpace", "Backspace"),
            ("Escape", "Escape"), ("F5", "F5"), ("C-a", "Ctrl-A"), ("Space", "Space"), ("x", "x"), ("é", "é"),
        ]
        for key in keys {
            try demo.tmux.sendKeys(key.tmux)
            try demo.tmux.waitForText("last: key \(key.shown) ")
        }
        // X10 mouse reports (what tmux-256color's kmous announces): button, column, row, each + 32, 1-based.
        func report(_ button: Int, _ x: Int, _ y: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y)))
        }
        try demo.tmux.type(report(0, 5, 3) + report(3, 5, 3))
        try demo.tmux.waitForText("last: mouse press left at 5,3")
        try demo.tmux.type(report(64, 7, 2))
        try demo.tmux.waitForText("last: mouse wheel up at 7,2")
        try demo.tmux.type(report(65, 7, 2))
        try demo.tmux.waitForText("last: mouse wheel down at 7,2")
        try demo.tmux.sendKeys("C-c")
        #expect(try demo.waitForExitStatus() == 0)
    }

    @Test func resizeRelaysOutEvenInAStormOfResizes() throws {
        let demo = try DemoInShell(width: 80, height: 24)
        try demo.waitUntilShown()
        try demo.tmux.resize(width: 100, height: 30)
        try demo.tmux.waitForText("size 100×30")
        for i in 0..<40 {
            try demo.tmux.resize(width: 50 + (i * 37) % 60, height: 12 + (i * 11) % 20)
        }
        try demo.tmux.resize(width: 64, height: 18)
        try demo.tmux.waitForText("size 64×18")
        let screen = try demo.tmux.screen()
        #expect(screen.count == 18)
        #expect(screen.first == "┌─ terminal-demo " + String(repeating: "─", count: 46) + "┐")
        #expect(screen.last == "└" + String(repeating: "─", count: 62) + "┘")
        #expect(screen.dropFirst().dropLast().allSatisfy { $0.hasPrefix("│") && $0.hasSuffix("│") && $0.count == 64 })
        try demo.tmux.sendKeys("q")
        #expect(try demo.waitForExitStatus() == 0)
    }

    @Test func belowTheMinimumSizeItAsksForMore() throws {
        let demo = try DemoInShell(width: 80, height: 24)
        try demo.waitUntilShown()
        try demo.tmux.resize(width: 36, height: 8)
        try demo.tmux.waitForText("(now 36×8)")
        let notice = try demo.tmux.screen().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(notice == ["enlarge the terminal", "to at least 40×10", "(now 36×8)"])
        try demo.tmux.resize(width: 60, height: 12)
        try demo.tmux.waitForText("size 60×12")
        #expect(try !demo.tmux.screen().contains { $0.contains("enlarge") })
        try demo.tmux.sendKeys("q")
        #expect(try demo.waitForExitStatus() == 0)
    }

    @Test func ctrlZSuspendsWithTheTerminalRestoredAndFgRedrawsWhole() throws {
        let demo = try DemoInShell(width: 80, height: 24)
        try demo.waitUntilShown()
        try demo.tmux.sendKeys("Right")
        try demo.tmux.waitForText("last: key Right")
        try demo.tmux.sendKeys("C-z")
        // tmux may be read while the restore is still arriving (a loaded machine once showed the
        // main screen back before the cursor): wait for all of it, failing by timeout if any never comes.
        try demo.tmux.wait(for: "the shell to take over, cursor shown and mouse off") {
            try !demo.tmux.isAlternateScreen() && demo.tmux.isCursorVisible() && !demo.tmux.isMouseReporting()
        }
        let during = demo.tmux.directory.appendingPathComponent("during").path
        try demo.tmux.run("stty -a > \(during)")
        try demo.tmux.wait(for: "stty while suspended") {
            ((try? String(contentsOfFile: during, encoding: .utf8)) ?? "").contains("speed")
        }
        let before = try String(contentsOf: demo.tmux.directory.appendingPathComponent("before"), encoding: .utf8)
        #expect(try String(contentsOfFile: during, encoding: .utf8) == before)

        try demo.tmux.run("fg")
        try demo.tmux.wait(for: "the demo to come back") { try demo.tmux.isAlternateScreen() }
        try demo.tmux.waitForText("last: key Right")
        let screen = try demo.tmux.screen()
        #expect(screen.first == "┌─ terminal-demo " + String(repeating: "─", count: 62) + "┐")
        #expect(screen.last == "└" + String(repeating: "─", count: 78) + "┘")
        #expect(try !demo.tmux.isCursorVisible())
        #expect(try demo.tmux.isMouseReporting())
        try demo.tmux.sendKeys("q")
        #expect(try demo.waitForExitStatus() == 0)
        let modes = try demo.terminalModes()
        #expect(modes.before == modes.after)
    }

    @Test(arguments: [false, true])
    func aDroppedConnectionEndsTheProgramWithinTwoSeconds(hangupIgnored: Bool) throws {
        // With SIGHUP ignored (nohup) only the dead terminal itself can tell the program.
        let demo = try DemoInShell(prelude: hangupIgnored ? "trap '' HUP" : nil)
        try demo.waitUntilShown()
        let pid = try demo.pid()
        try demo.tmux.killPane()
        let clock = ContinuousClock(), start = clock.now
        while clock.now - start < .seconds(2) && isRunning(pid) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(!isRunning(pid), "terminal-demo still running 2 s after its terminal went away")
        if isRunning(pid) { kill(pid, SIGKILL) }
        #expect(demo.record()?.contains("outcome=hangup last=hangup") == true, "record: \(demo.record() ?? "none")")
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let demo = try DemoInShell(arguments: "--allow-crash", environment: ["SWIFT_BACKTRACE": "enable=no"])
        try demo.waitUntilShown()
        try demo.tmux.sendKeys("X")
        #expect(try demo.waitForExitStatus() == 128 + Int(SIGILL))
        let modes = try demo.terminalModes()
        #expect(modes.before == modes.after)
        #expect(try !demo.tmux.isAlternateScreen())
        #expect(try demo.tmux.isCursorVisible())
        #expect(try !demo.tmux.isMouseReporting())
    }

    @Test func idleCostsNoCPUAndTicksArriveWhenWanted() throws {
        let demo = try DemoInShell()
        try demo.waitUntilShown()
        let pid = try demo.pid()
        let idleStart = try cpuTicks(pid)
        Thread.sleep(forTimeInterval: 1.5)
        let idleTicks = try cpuTicks(pid) - idleStart
        // 1.5 s of busy looping would be ~150 ticks; blocking in poll(2) is 0.
        #expect(idleTicks <= 15, "idle terminal-demo used \(idleTicks) clock ticks of CPU in 1.5 s")

        try demo.tmux.sendKeys("t")
        try demo.tmux.waitForText("ticks 5")
        try demo.tmux.sendKeys("t", "q")
        #expect(try demo.waitForExitStatus() == 0)
    }

    @Test func withoutAUsableTerminalItExplainsAndPointsToExplain() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Subprocess.run(DemoInShell.executable, [], environment: ["TERM": "xterm"], scratch: scratch)
        #expect(result.status == 1)
        #expect(result.errors == "stepgrad: standard input is not a terminal, so the interactive view cannot start; use `stepgrad explain` for plain-text output\n")

        for (term, reason) in [("dumb", "TERM=dumb cannot position the cursor"),
                               ("no-such-terminal", "unknown terminal type TERM=no-such-terminal")] {
            // The shell stays a moment after the demo: output of a pane that dies at once can be lost.
            let tmux = try TmuxSession(width: 200, height: 5,
                                       command: "TERM=\(term) \(DemoInShell.executable); echo \"status=$?\"; sleep 5")
            try tmux.waitForText("status=")
            let screen = try tmux.screen()
            #expect(screen.contains("status=1"))
            #expect(screen.contains { $0.contains(reason) && $0.contains("stepgrad explain") })
        }
    }

    private func isRunning(_ pid: pid_t) -> Bool {
        // A zombie has finished; only its parent has yet to notice.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return stat.split(separator: ")").last?.split(separator: " ").first != "Z"
    }

    /// User plus system CPU time of a process, in clock ticks (/proc/PID/stat fields 14 and 15).
    private func cpuTicks(_ pid: pid_t) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        // Fields after "(comm)" start at field 3 (state), so utime (14) is at index 11.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw TmuxSession.Failure(description: "unreadable /proc/\(pid)/stat: \(stat)")
        }
        return user + system
    }
}
