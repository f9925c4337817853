@testable import StepgradServe
import TerminalUI
import Testing

@Suite struct ViewerTerminalTests {
    /// What OpenSSH clients send: TERM always, LANG by Debian's default SendEnv, COLORTERM only if configured.
    @Test(arguments: [
        ("xterm-256color", [:], ColourDepth.palette256, true),
        ("xterm-256color", ["COLORTERM": "truecolor"], .trueColour, true),
        ("xterm-direct", [:], .trueColour, true),
        ("tmux-256color", ["LANG": "C.UTF-8"], .palette256, true),
        ("xterm", ["LANG": "C"], .ansi16, false),
        ("linux", ["LC_ALL": "en_GB.UTF-8", "LANG": "C"], .ansi16, true),
        ("vt100", [:], .ansi8, true),
        ("dumb", [:], .mono, true),
        ("xterm-256color", ["NO_COLOR": "1"], .mono, true),
    ] as [(String, [String: String], ColourDepth, Bool)])
    func capabilitiesFromWhatTheClientSent(_ term: String, _ environment: [String: String], _ depth: ColourDepth, _ unicode: Bool) {
        let terminal = ViewerTerminal(term: term, environment: environment)
        #expect(terminal.capabilities == TerminalCapabilities(colourDepth: depth, unicode: unicode))
    }

    @Test func windowsAreBounded() {
        #expect(ViewerTerminal.bounded(width: 65535, height: 65535) == Size(width: 500, height: 200))
        #expect(ViewerTerminal.bounded(width: 0, height: 0) == Size(width: 80, height: 24), "ssh -tt without a terminal")
        #expect(ViewerTerminal.bounded(width: 132, height: 43) == Size(width: 132, height: 43))
    }
}
