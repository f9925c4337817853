import Foundation

/// A program started from an interactive shell in a tmux pane, the way a user starts one: a small
/// script records `stty -a` before and after it and prints its exit status on a line of its own,
/// so tests can check the terminal is handed back exactly as it was.
class ProgramInShell {
    let tmux: TmuxSession

    /// `commandLine` runs inside the script, so it may reference files in `tmux.directory`
    /// (pass it a closure of that directory); `prelude` runs in the shell first (e.g. `trap '' HUP`);
    /// `environment` is set for the shell and so for the program.
    init(width: Int, height: Int, prelude: String? = nil, environment: [String: String] = [:],
         commandLine: (_ directory: String) throws -> String) throws {
        tmux = try TmuxSession(width: width, height: height, command: "exec sh", environment: environment)
        let dir = tmux.directory.path
        try """
            stty -a > \(dir)/before
            \(try commandLine(dir))
            echo "status=$?"
            stty -a > \(dir)/after
            """.write(toFile: "\(dir)/run.sh", atomically: true, encoding: .utf8)
        // dash ignores PS1 from the environment when run as root.
        try tmux.run("PS1='$ '")
        try tmux.wait(for: "the prompt") { try tmux.screen().last { !$0.isEmpty }?.hasSuffix("$") == true }
        if let prelude { try tmux.run(prelude) }
        try tmux.run("sh \(dir)/run.sh")
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

    /// `stty -a` before and after the program ran, once the shell has written both.
    func terminalModes() throws -> (before: String, after: String) {
        let before = tmux.directory.appendingPathComponent("before"), after = tmux.directory.appendingPathComponent("after")
        try tmux.wait(for: "stty -a to be recorded after the program") {
            ((try? String(contentsOf: after, encoding: .utf8)) ?? "").contains("speed")
        }
        return (try String(contentsOf: before, encoding: .utf8), try String(contentsOf: after, encoding: .utf8))
    }
}
