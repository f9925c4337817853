import TerminalUI

/// What an SSH client told us of its terminal: the `pty-req` (type and size) and the environment
/// it sent (`LANG`, `COLORTERM`; OpenSSH sends LANG and LC_* by default, COLORTERM only if asked).
struct ViewerTerminal: Sendable {
    var term = "xterm"
    var size = Size(width: 80, height: 24)
    var environment: [String: String] = [:]

    /// The largest window drawn; a client asking for more is drawn at this size.
    static let largest = Size(width: 500, height: 200)

    /// A client's size, bounded: zero (as `ssh -tt` without a terminal sends) means 80×24.
    static func bounded(width: Int, height: Int) -> Size {
        guard width > 0, height > 0 else { return Size(width: 80, height: 24) }
        return Size(width: min(width, largest.width), height: min(height, largest.height))
    }

    /// Colour depth from TERM and COLORTERM, without terminfo (it describes the server's terminals,
    /// not the client's): 24-bit when COLORTERM says so or TERM is a direct-colour type, 256 for
    /// `*-256color`, none for `dumb`, 8 for `vt*`, else 16.
    var capabilities: TerminalCapabilities {
        let term = term.lowercased()
        let depth: ColourDepth
        if let claim = environment["COLORTERM"]?.lowercased(), claim == "truecolor" || claim == "24bit" {
            depth = .trueColour
        } else if term.hasSuffix("-direct") {
            depth = .trueColour
        } else if term.contains("256col") {
            depth = .palette256
        } else if term == "dumb" || term.isEmpty {
            depth = .mono
        } else if term.hasPrefix("vt") {
            depth = .ansi8
        } else {
            depth = .ansi16
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"]
        let unicode = locale.map { $0.lowercased().contains("utf-8") || $0.lowercased().contains("utf8") } ?? true
        return TerminalCapabilities(colourDepth: noColour ? .mono : depth, unicode: unicode)
    }
}
