import Glibc

// Read by the fatal-signal handler; set before it is installed and freed only after it is removed.
nonisolated(unsafe) private var restoreBytes: UnsafeMutableBufferPointer<UInt8>?
nonisolated(unsafe) private var savedModes: UnsafeMutablePointer<termios>?
// Indexed by signal number; allocated once for the life of the process.
nonisolated(unsafe) private let previousFatalActions = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(NSIG))
// Only touched outside handlers.
nonisolated(unsafe) private var armedSignals: [Int32] = []

/// Restores the terminal with async-signal-safe calls only, then ends the process with the
/// signal's default action (its exit status, a core dump where enabled). Not the action that was
/// there before: Swift's backtracer would ask, in the user's terminal, whether to wait 30 seconds
/// for a debugger, and after SIGQUIT leave the process running.
private func restoreTerminalOnFatalSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?,
                                          _ context: UnsafeMutableRawPointer?) {
    if let bytes = restoreBytes { _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
    if let modes = savedModes { _ = tcsetattr(STDIN_FILENO, TCSANOW, modes) }
    var defaultAction = sigaction()
    defaultAction.__sigaction_handler.sa_handler = SIG_DFL
    _ = sigaction(signal, &defaultAction, nil)
    // A fault re-occurs when we return; a signal that was sent (kill, raise, abort) or a trap that
    // has moved past its instruction must be sent again. It is blocked until the handler returns.
    if signal == SIGTRAP || (info?.pointee.si_code ?? 0) <= 0 { _ = raise(signal) }
}

/// Leaves the terminal usable if the process dies while the full-screen view is up: a Swift
/// runtime trap, a crash, abort() or SIGQUIT would otherwise leave the user in the alternate
/// screen, in raw mode, with no cursor.
enum CrashGuard {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGQUIT]

    /// `bytes` leave the alternate screen and reset the display; `modes` are the terminal modes to
    /// put back (those from before the view started).
    static func arm(restoring bytes: [UInt8], modes: termios) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        restoreBytes = storage
        let modesStorage = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modesStorage.initialize(to: modes)
        savedModes = modesStorage
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = restoreTerminalOnFatalSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            var old = sigaction()
            sigaction(signal, nil, &old)
            if old.isIgnore { continue }
            (previousFatalActions + Int(signal)).initialize(to: old)
            sigaction(signal, &action, nil)
            armedSignals.append(signal)
        }
    }

    /// Removes the handlers again; after the terminal has been restored normally they must not
    /// write to it.
    static func disarm() {
        for signal in armedSignals {
            sigaction(signal, previousFatalActions + Int(signal), nil)
        }
        armedSignals = []
        let bytes = restoreBytes, modes = savedModes
        restoreBytes = nil
        savedModes = nil
        bytes?.deallocate()
        modes?.deallocate()
    }
}
