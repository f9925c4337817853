/// Why the full-screen interface cannot start. Each message is one line and points to the
/// plain-text alternative, since the usual cause is running where there is no interactive terminal
/// (a pipe, a CI job, `ssh host cmd` without `-t`).
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// "standard input" or "standard output" is not a terminal.
    case notATerminal(String)
    case noTerminalType
    case unknownTerminalType(String)
    /// The terminal cannot move the cursor (TERM=dumb and the like).
    case notAddressable(String)
    /// The system refused something the interface needs (ncurses, a pipe).
    case cannotStart(String)

    public var description: String {
        let hint = "use `stepgrad explain` for plain-text output"
        switch self {
        case .notATerminal(let stream):
            return "stepgrad: \(stream) is not a terminal, so the interactive view cannot start; \(hint)"
        case .noTerminalType:
            return "stepgrad: TERM is not set, so the interactive view cannot start; set TERM (e.g. xterm-256color) or \(hint)"
        case .unknownTerminalType(let term):
            return "stepgrad: unknown terminal type TERM=\(term) (no terminfo entry); set TERM to a known type or \(hint)"
        case .notAddressable(let term):
            return "stepgrad: terminal type TERM=\(term) cannot position the cursor; \(hint)"
        case .cannotStart(let reason):
            return "stepgrad: cannot start the interactive view (\(reason)); \(hint)"
        }
    }
}
