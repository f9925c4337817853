import Foundation

/// A program running in a real pseudo-terminal, driven the way a person would drive it: through a
/// private tmux server (its own socket, no user configuration), so tests can type keys, resize the
/// window, read the screen and check the terminal's modes.
///
///     let tmux = try TmuxSession(width: 80, height: 24, command: "exec ./program")
///     try tmux.waitForText("Ready")
///     try tmux.sendKeys("Right", "q")
///
/// Panes stay after their program exits (`remain-on-exit`), so `exitStatus` can be read.
/// On CI, tmux comes from the distribution (`apt-get install tmux`); where it is missing, suites
/// using this are skipped with that reason (`TmuxSession.isAvailable`).
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The tmux executable on PATH, if any.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// A fresh directory for this session's socket, configuration and any files a test wants.
    let directory: URL
    private let socket: String
    private var closed = false

    /// Starts `command` (a shell command line) in a `width`×`height` pane whose TERM is
    /// tmux-256color, locale C.UTF-8, and environment otherwise only PATH, HOME and `environment`.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        guard Self.isAvailable else { throw Failure(description: "tmux is not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("socket").path
        let config = directory.appendingPathComponent("tmux.conf")
        try """
            set -g remain-on-exit on
            set -g status off
            set -g default-terminal tmux-256color
            set -g escape-time 0
            """.write(to: config, atomically: true, encoding: .utf8)
        var arguments = ["-f", config.path, "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        try tmux(arguments + [command])
    }

    deinit { close() }

    /// Runs one tmux command against this session's server; returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let inherited = ProcessInfo.processInfo.environment
        let environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/",
                           "LANG": "C.UTF-8"]
        let result = try Subprocess.run(Self.executable ?? "tmux", ["-S", socket] + arguments,
                                        environment: environment, scratch: directory)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }

    /// Presses keys by tmux name: "Right", "PageDown", "Enter", "C-c", "BTab", "F5", "q".
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types text literally (no key-name lookup), e.g. a shell command or raw escape sequences.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Types a shell command line and presses Enter.
    func run(_ commandLine: String) throws {
        try type(commandLine)
        try sendKeys("Enter")
    }

    /// The screen as text, one string per row, trailing blanks trimmed (as tmux gives it).
    func screen() throws -> [String] {
        let text = try tmux(["capture-pane", "-p", "-t", "main"])
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// A tmux format evaluated for the pane, e.g. "#{pane_pid}".
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the program has switched to the alternate screen.
    func isAlternateScreen() throws -> Bool { try format("#{alternate_on}") == "1" }
    func isCursorVisible() throws -> Bool { try format("#{cursor_flag}") == "1" }
    /// Whether the program asked the terminal to report the mouse.
    func isMouseReporting() throws -> Bool { try format("#{mouse_any_flag}") == "1" }

    /// The exit status once the pane's program has ended, else nil.
    func exitStatus() throws -> Int32? {
        let fields = try format("#{pane_dead} #{pane_dead_status}").split(separator: " ")
        guard fields.first == "1" else { return nil }
        return fields.count > 1 ? Int32(fields[1]) : -1
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Closes the pane's pseudo-terminal, as a dropped SSH connection does.
    func killPane() throws {
        try tmux(["kill-pane", "-t", "main"])
    }

    /// Polls `condition` every 50 ms until it holds; throws, showing the screen, after `timeout`.
    func wait(for what: String, timeout: Duration = .seconds(10), until condition: () throws -> Bool) throws {
        let clock = ContinuousClock(), deadline = clock.now + timeout
        while clock.now < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if try condition() { return }
        let screen = (try? self.screen())?.joined(separator: "\n") ?? "(no screen)"
        throw Failure(description: "timed out after \(timeout) waiting for \(what); screen:\n\(screen)")
    }

    /// Waits until some row of the screen contains `text`.
    func waitForText(_ text: String, timeout: Duration = .seconds(10)) throws {
        try wait(for: "\"\(text)\"", timeout: timeout) { try screen().contains { $0.contains(text) } }
    }

    /// Waits until some row of the screen is exactly `line` (trailing blanks aside).
    func waitForLine(_ line: String, timeout: Duration = .seconds(10)) throws {
        try wait(for: "a line \"\(line)\"", timeout: timeout) { try screen().contains(line) }
    }

    /// Stops the tmux server (and with it anything still running in the pane) and removes the directory.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }
}
