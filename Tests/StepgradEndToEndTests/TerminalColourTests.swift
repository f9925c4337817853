import Foundation
import Testing

/// What reaches the terminal for colour and locale: tmux's `capture-pane -e` shows the SGR
/// sequences the pane received. The heat strip of terminal-demo (dark theme) starts with −1 and
/// has +0.5 at its sixth cell; their colours are worked out by hand in the comments.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct TerminalColourTests {
    /// The demo with the given environment; returns the heat strip row as captured with escapes.
    private func heatRow(_ environment: [String: String], term: String? = nil) throws -> (plain: String, escaped: String) {
        let tmux = try TmuxSession(width: 80, height: 10,
                                   command: (term.map { "TERM=\($0) " } ?? "") + "exec \(DemoInShell.executable) --theme dark",
                                   environment: environment)
        defer { tmux.close() }
        try tmux.waitForText("heat")
        let plain = try tmux.screen().first { $0.contains("heat") } ?? ""
        let escaped = try tmux.tmux(["capture-pane", "-p", "-e", "-t", "main"])
            .split(separator: "\n").first { $0.contains("heat") }.map(String.init) ?? ""
        return (plain, escaped)
    }

    @Test func twoHundredFiftySixColoursUseTheNearestCubeEntries() throws {
        let row = try heatRow([:])
        // The ramps are quantised in OKLab, keeping their order of lightness (Tests/Reference/ramp.py
        // does the same in Python): −1 is the last step of the negative ramp, (215,95,0) → 16 + 36·4 + 6·1 = 166.
        #expect(row.escaped.contains("48;5;166m"))
        // +0.5 is step ⌈0.5·10⌉ = 5 of 10 of the positive ramp, (0,95,175) → 16 + 6·1 + 3 = 25.
        #expect(row.escaped.contains("48;5;25m"))
        #expect(!row.escaped.contains("48;2;"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/terminfo/t/tmux-direct"),
                   "no tmux-direct terminfo entry (apt-get install ncurses-term)"))
    func directColourTerminalsGetExactRGB() throws {
        let row = try heatRow([:], term: "tmux-direct")
        #expect(row.escaped.contains("48;2;236;112;20m"))
        // +0.5: 0.7 of the way from (44,44,44) to (49,130,229) in OKLab = (53,104,170), as Tests/Reference/ramp.py computes it.
        #expect(row.escaped.contains("48;2;53;104;170m"))
    }

    @Test func noColorShowsSignAndMagnitudeInCharactersOnly() throws {
        let row = try heatRow(["NO_COLOR": "1"])
        #expect(row.plain.contains("heat −█ −▓ −▒ −░  0 +░ +▒ +▓ +█ ?? +∞ −∞"))
        #expect(!row.escaped.contains("38;") && !row.escaped.contains("48;"))
    }

    @Test func outsideUTF8EverythingIsASCII() throws {
        let tmux = try TmuxSession(width: 60, height: 10, command: "exec \(DemoInShell.executable)",
                                   environment: ["LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"])
        defer { tmux.close() }
        try tmux.waitForText("heat")
        let screen = try tmux.screen()
        #expect(screen.first == "+- terminal-demo " + String(repeating: "-", count: 42) + "+")
        #expect(screen.contains { $0.contains("size 60x10") })
        #expect(screen.contains { $0.contains("heat -# -* -: -.  0 +. +: +* +# ?? +! -!") })
        #expect(screen.allSatisfy { $0.allSatisfy(\.isASCII) })
    }
}
