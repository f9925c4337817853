import Foundation
import Testing

/// OpenSSH's client, where installed.
let sshClient = ["/usr/bin/ssh", "/usr/local/bin/ssh"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// `stepgrad serve` with real OpenSSH clients: the lecturer's console in one pseudo-terminal,
/// each student's `ssh` in another of its own size.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"),
       .enabled(if: sshClient != nil, "ssh is not installed (apt-get install openssh-client)"))
struct ServeCommandTests {
    @Test func threeViewersFollowTheLecturerEachAtItsOwnSize() throws {
        let lecture = try Lecture()
        defer { lecture.end() }
        let sizes = [(80, 24), (120, 40), (200, 60)]
        let viewers = try sizes.map { try lecture.viewer(width: $0.0, height: $0.1) }
        for viewer in viewers { try viewer.waitForText("step 0 of 13") }
        try lecture.console.waitForText("3 following")

        try lecture.console.sendKeys("Right")
        try lecture.console.waitForText("step 1 of 13")
        for (viewer, size) in zip(viewers, sizes) {
            try viewer.waitForText("step 1 of 13")
            // Drawn for its own size: the frame's right edge is the pane's last column.
            let screen = try viewer.screen()
            #expect(screen.count == size.1)
            #expect(screen.contains { $0.count == size.0 && ($0.hasSuffix("┐") || $0.hasSuffix("┘") || $0.hasSuffix("│")) },
                    "\(size): \(screen.joined(separator: "\n"))")
        }

        // Following viewers are told how to look around; the lecturer's work is not theirs to start.
        try viewers[2].waitForText("look around on your own")
        try viewers[2].sendKeys("Space")
        try viewers[2].waitForText("Only the lecturer can do that")

        // Roaming: a viewer's keys move a copy of their own, never the lecturer.
        try viewers[1].sendKeys("Right", "Right", "Space", "f", "s")
        try viewers[1].waitForText("step 3 of 13")
        try viewers[1].waitForText("back to the lecturer")
        try lecture.console.waitForText("2 following, 1 roaming")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try lecture.console.screen().joined().contains("step 1 of 13"))
        #expect(try viewers[2].screen().joined().contains("step 1 of 13"))
        #expect(try viewers[1].screen().joined().contains("Only the lecturer can do that"), "play, fast-forward and save are refused")
        try lecture.console.sendKeys("Right")
        try viewers[2].waitForText("step 2 of 13")
        try viewers[1].sendKeys("Left")
        try viewers[1].waitForText("step 2 of 13")
        try viewers[1].sendKeys("Home")
        try viewers[1].waitForText("step 0 of 13")
        #expect(try lecture.console.screen().joined().contains("step 2 of 13"))

        // Snap back: the lecturer's step again, and the lecturer's moves followed again.
        try viewers[1].sendKeys("L")
        try viewers[1].waitForText("step 2 of 13")
        try viewers[1].waitForText("Following the lecturer again")
        try lecture.console.waitForText("3 following")
        try lecture.console.sendKeys("Right")
        for viewer in viewers { try viewer.waitForText("step 3 of 13") }

        // A viewer leaves with q; the count follows.
        try viewers[0].sendKeys("q")
        try viewers[0].waitForText("Left the lecture.")
        try viewers[0].waitForText("ssh status 0")
        try lecture.console.waitForText("2 following")

        try lecture.console.sendKeys("Right")
        try viewers[2].waitForText("step 4 of 13")
        try lecture.console.sendKeys("q")
        try lecture.console.waitForText("serve status 0")
        let saved = try FileManager.default.contentsOfDirectory(atPath: lecture.folder.appendingPathComponent("state").path)
        #expect(saved.contains { $0.hasSuffix(".state") }, "quitting saves the session: \(saved)")
    }

    /// The host key file is the user's alone, and the fingerprint the lecturer reads out is the
    /// one OpenSSH computes from the key the server presents; a command instead of the viewer is refused.
    @Test func theHostKeyIsPrivateItsFingerprintShownAndExecRefused() throws {
        let lecture = try Lecture()
        defer { lecture.end() }
        let keyFile = lecture.folder.appendingPathComponent("state/host_ed25519").path
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
        let scan = try Subprocess.run("/bin/sh", ["-c", "ssh-keyscan -p \(lecture.port) -t ed25519 127.0.0.1 2>/dev/null | ssh-keygen -lf -"],
                                      environment: ["PATH": "/usr/bin:/bin"], scratch: lecture.folder)
        let fingerprint = try #require(scan.output.split(separator: " ").first { $0.hasPrefix("SHA256:") }, "ssh-keygen: \(scan.output)")
        try lecture.console.waitForText(String(fingerprint))

        let exec = try Subprocess.run(try #require(sshClient), ["-p", "\(lecture.port)", "-T", "-o", "StrictHostKeyChecking=no",
                                                                "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                                                                "student@127.0.0.1", "cat /etc/passwd"],
                                      environment: ["PATH": "/usr/bin:/bin"], scratch: lecture.folder)
        #expect(exec.status == 255 && exec.errors.contains("exec request failed") && !exec.output.contains("root:"), "\(exec)")
        try lecture.console.waitForText("0 following")
    }

    /// SIGTERM and SIGHUP end the lecture as they end `open`: the session is saved, viewers are let go.
    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func aSignalSavesTheLecture(_ signal: Int32, _ status: Int) throws {
        let lecture = try Lecture()
        defer { lecture.end() }
        let viewer = try lecture.viewer(width: 80, height: 24)
        try viewer.waitForText("step 0 of 13")
        try lecture.console.sendKeys("Right")
        try viewer.waitForText("step 1 of 13")
        kill(try #require(lecture.pid()), signal)
        try lecture.console.waitForText("serve status \(status)")
        try viewer.waitForText("ssh status")
        let saved = try FileManager.default.contentsOfDirectory(atPath: lecture.folder.appendingPathComponent("state").path)
        #expect(saved.contains { $0.hasSuffix(".state") }, "\(saved)")
    }

    @Test func aClassCodeKeepsOutWhoDoesNotHaveIt() throws {
        let lecture = try Lecture(code: "backprop")
        defer { lecture.end() }
        let wrong = try lecture.viewer(width: 80, height: 24)
        try wrong.waitForText("password:")
        try wrong.type("forward\n")
        try wrong.waitForText("password:")
        let right = try lecture.viewer(width: 80, height: 24)
        try right.waitForText("password:")
        try right.type("backprop\n")
        try right.waitForText("step 0 of 13")
        try lecture.console.waitForText("1 following")
    }
}

/// A `serve` run on a copy of a bundled exercise, with its own state folder and a free port.
final class Lecture {
    let console: TmuxSession
    let port: Int
    let folder: URL
    private var viewers: [TmuxSession] = []

    /// `arguments` follow the others on `serve`'s command line.
    init(code: String? = nil, arguments: String = "") throws {
        let binary = try #require(StepgradProcess.executable, "stepgrad is built beside the tests").path
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("exercise.yaml").path
        try FileManager.default.copyItem(atPath: bundled.path, toPath: scenario)
        port = Int.random(in: 20000..<60000)
        let codeOption = code.map { " --code \($0)" } ?? ""
        console = try TmuxSession(width: 120, height: 40, command: "STEPGRAD_STATE_DIR=\(folder.path)/state \(binary) serve \(scenario) --port \(port)\(codeOption) \(arguments); echo serve status $?; sleep 60")
        try console.waitForText("following")
    }

    func viewer(width: Int, height: Int) throws -> TmuxSession {
        let ssh = try #require(sshClient)
        let viewer = try TmuxSession(width: width, height: height, command: "\(ssh) -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR student@127.0.0.1; echo ssh status $?; sleep 60")
        viewers.append(viewer)
        return viewer
    }

    /// The `stepgrad serve` process, found by its state folder.
    func pid() -> pid_t? {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.lazy.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = String(decoding: data, as: UTF8.self).split(separator: "\0")
            return arguments.contains("serve") && arguments.contains { $0.hasPrefix(self.folder.path) } ? pid : nil
        }.first
    }

    func end() {
        for viewer in viewers { viewer.close() }
        console.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
