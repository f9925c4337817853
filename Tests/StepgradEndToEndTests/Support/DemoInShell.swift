import Foundation

/// terminal-demo started from a shell (see `ProgramInShell`), recording what it saw to a file.
final class DemoInShell: ProgramInShell {
    let size: (width: Int, height: Int)

    /// The built terminal-demo, next to the test bundle in the build directory.
    static var executable: String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("terminal-demo").path
    }

    /// The demo runs inside a small script, as wrapper scripts do.
    init(width: Int = 80, height: Int = 24, arguments: String = "", prelude: String? = nil,
         environment: [String: String] = [:]) throws {
        size = (width, height)
        try super.init(width: width, height: height, prelude: prelude, environment: environment) { dir in
            "\(Self.executable) --record \(dir)/record \(arguments)"
        }
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
}
