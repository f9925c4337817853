import Foundation
import Testing

/// A lecturer presents over SSH; the connection drops. The server-side stepgrad must save its place
/// and exit promptly, and `--resume` in a new connection must continue at the same step.
@Suite(.serialized,
       .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"),
       .enabled(if: SSHServer.isAvailable, Comment(rawValue: SSHServer.unavailable)))
struct SSHSessionTests {
    @Test func aDroppedConnectionSavesTheSessionAndResumeContinuesThere() throws {
        let server = try SSHServer.shared.get()
        let binary = try #require(StepgradProcess.executable, "stepgrad is built beside the tests").path
        let lecture = try LectureFolder()
        func remote(_ flags: String) -> String {
            "cd \(lecture.path) && STEPGRAD_STATE_DIR=\(lecture.stateDirectory) LANG=C.UTF-8 TERM=xterm-256color "
                + "exec \(binary) open \(lecture.scenario) --present \(flags)"
        }

        let first = try TmuxSession(width: 100, height: 30, command: server.client(running: remote("")))
        defer { first.close() }
        try first.waitForText("FORWARD", timeout: .seconds(20))
        for _ in 0..<5 { try first.sendKeys("PageDown") }   // the clicker
        try first.waitForText("step 5 of")
        let step = try #require(Self.stepText(try first.screen()), "the header shows the step")

        // Drop the connection: kill the ssh client outright, as a closed laptop or a lost network does.
        let client = try #require(Int32(first.format("#{pane_pid}")))
        let dropped = ContinuousClock.now
        kill(client, SIGKILL)
        try Self.wait(for: "stepgrad on the server to exit", timeout: .seconds(5)) { !lecture.isRunning }
        let exitedAfter = ContinuousClock.now - dropped
        #expect(exitedAfter < .seconds(3), "stepgrad took \(exitedAfter) to exit after the connection dropped")
        #expect(!lecture.savedStates.isEmpty, "the session was saved on hangup")

        let second = try TmuxSession(width: 100, height: 30, command: server.client(running: remote("--resume")))
        defer { second.close() }
        try second.waitForText(step, timeout: .seconds(20))
        try second.sendKeys("q")
        // ssh ends with the remote command's status. tmux 3.3 sometimes marks the pane dead without
        // recording a status; a status, when recorded, must be 0, and no signal may have ended it.
        try second.wait(for: "the client to exit") { try second.format("#{pane_dead}") == "1" }
        let ending = try second.format("#{pane_dead_status}|#{pane_dead_signal}")
        #expect(ending == "0|" || ending == "|", "the client ended with \(ending) (status|signal)")
        #expect(!lecture.isRunning)
    }

    /// `step k of n` as the header shows it.
    static func stepText(_ screen: [String]) -> String? {
        for line in screen {
            guard let range = line.range(of: #"step \d+ of \d+"#, options: .regularExpression) else { continue }
            return String(line[range])
        }
        return nil
    }

    static func wait(for what: String, timeout: Duration, until condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if !condition() { throw SSHFailure(description: "timed out after \(timeout) waiting for \(what)") }
    }
}

/// A folder with its own copy of the bundled 3-4-3 exercise and state directory, so that the test
/// can tell its stepgrad process apart from any other by the scenario path on its command line.
private struct LectureFolder {
    let path: String
    let scenario: String
    let stateDirectory: String

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-lecture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.path
        scenario = folder.appendingPathComponent("lecture.yaml").path
        stateDirectory = folder.appendingPathComponent("state").path
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL
        try FileManager.default.copyItem(atPath: bundled.path, toPath: scenario)
    }

    /// Whether a process with this folder's scenario on its command line is alive.
    var isRunning: Bool {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.contains { pid in
            guard pid.allSatisfy(\.isNumber), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0")
            return arguments.contains { $0 == scenario }
        }
    }

    var savedStates: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: stateDirectory)) ?? []).filter { $0.hasSuffix(".state") }
    }
}
