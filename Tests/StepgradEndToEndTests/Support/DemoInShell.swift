import Foundation

/// terminal-demo started from an interactive shell in a tmux pane, the way a user starts a
/// program: the shell records `stty -a` before and after, and prints the exit status on a line of
/// its own, so tests can check the terminal is handed back exactly as it was.
final class DemoInShell {
    let tmux: TmuxSession
    let size: (width: Int, height: Int)

    /// The built terminal-demo, next to the test bundle in the build directory.
    static var executable: String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("terminal-demo").path
    }

    /// `prelude` runs in the shell first (e.g. `trap '' HUP`); `environment` is set for the shell
    /// and so for the demo. The demo runs inside a small script, as wrapper scripts do, which
    /// records the terminal modes around it and prints the exit status.
    init(width: Int = 80, height: Int = 24, arguments: String = "", prelude: String? = nil,
         environment: [String: String] = [:]) throws {
        size = (width, height)
        tmux = try TmuxSession(width: width, height: height, command: "exec sh", environment: environment)
        let dir = tmux.directory.path
        try """
            stty -a > \(dir)/before
            \(Self.executable) --record \(dir)/record \(arguments)
            echo "status=$?"
            stty -a > \(dir)/after
            """.write(toFile: "\(dir)/run.sh", atomically: true, encoding: .utf8)
        // dash ignores PS1 from the environment when run as root.
        try tmux.run("PS1='$ '")
        try tmux.wait(for: "the prompt") { try tmux.screen().last { !$0.isEmpty }?.hasSuffix("$") == true }
        if let prelude { try tmux.run(prelude) }
        try tmux.run("sh \(dir)/run.sh")
    }

    /// Waits until the demo's first frame is up.
    func waitUntilShown() throws {
        try tmux.waitForText("size \(size.width)×\(size.height)")
    }

    /// The demo's process id, from the record it writes before starting.
    func pid() throws -> pid_t {
        var found: pid_t?
        try tmux.wait(for: "the demo's record file") {
            found = record()?.split(separator: " ").first { $0.hasPrefix("pid=") }.flatMap { pid_t($0.dropFirst(4)) }
            return found != nil
        }
        return found ?? 0
    }

    /// What the demo recorded: "pid=… outcome=… last=… events=…" once it has ended.
    func record() -> String? {
        try? String(contentsOf: tmux.directory.appendingPathComponent("record"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits for the shell's "status=N" line and returns N.
    func waitForExitStatus(timeout: Duration = .seconds(10)) throws -> Int {
        var status: Int?
        try tmux.wait(for: "the shell's status line", timeout: timeout) {
            status = try tmux.screen().lazy.compactMap { line -> Int? in
                guard line.hasPrefix("status="), let n = Int(line.dropFirst(7)) else { return nil }
                return n
            }.first
            return status != nil
        }
        return status ?? -1
    }

    /// `stty -a` before and after the demo ran, once the shell has written both.
    func terminalModes() throws -> (before: String, after: String) {
        let before = tmux.directory.appendingPathComponent("before"), after = tmux.directory.appendingPathComponent("after")
        try tmux.wait(for: "stty -a to be recorded after the demo") {
            ((try? String(contentsOf: after, encoding: .utf8)) ?? "").contains("speed")
        }
        return (try String(contentsOf: before, encoding: .utf8), try String(contentsOf: after, encoding: .utf8))
    }
}
