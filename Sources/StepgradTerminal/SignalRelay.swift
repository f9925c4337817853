import Glibc

// State the signal handlers read. Handlers may run on any thread at any moment, so they only
// read these and call write(2), which is async-signal-safe; the values are set before the
// handlers are installed and cleared after they are removed.
nonisolated(unsafe) private var relayWriteEnd: Int32 = -1
nonisolated(unsafe) private var ncursesWindowChangeHandler: (@convention(c) (Int32) -> Void)?

/// Writes the signal's number to the self-pipe; the input watcher, which polls the pipe, wakes the event loop.
private func relaySignal(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(relayWriteEnd, &byte, 1)
    errno = savedErrno
}

/// SIGWINCH goes first to ncurses' own handler (it only sets a flag, so that the next read
/// returns KEY_RESIZE), then wakes the input watcher, which would otherwise sleep through it.
private func relayWindowChange(_ signal: Int32) {
    ncursesWindowChangeHandler?(signal)
    relaySignal(signal)
}

/// Turns asynchronous signals into bytes on a pipe (the self-pipe trick) so the event loop can
/// treat SIGHUP, SIGINT, SIGTERM, SIGTSTP and SIGWINCH as ordinary input, with no work done in a
/// signal handler and no race between checking a flag and going to sleep.
///
/// Signals ignored when we start (`nohup`, background jobs of non-interactive shells) stay ignored.
final class SignalRelay {
    static let relayed: [Int32] = [SIGHUP, SIGINT, SIGTERM, SIGTSTP]

    /// Poll this; `receivedSignals()` reads it.
    let readEnd: Int32
    private let writeEnd: Int32
    private var previousActions: [Int32: sigaction] = [:]
    /// Relayed signals that were ignored on entry and so are left alone.
    private(set) var ignoredOnEntry: Set<Int32> = []

    /// Installs the handlers. Do this before ncurses starts: ncurses then leaves these signals to us
    /// (it only catches those still at their default).
    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw TerminalError.cannotStart("no pipe for signals: " + String(cString: strerror(errno)))
        }
        for end in ends {
            // Never block: a full pipe drops a byte (the loop is awake anyway), an empty one ends a read.
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        relayWriteEnd = writeEnd
        // A signal mask inherited blocked (some launchers leave one) would hold these back forever.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in Self.relayed + [SIGWINCH] { sigaddset(&wanted, signal) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for signal in Self.relayed {
            if Self.currentAction(signal).isIgnore {
                ignoredOnEntry.insert(signal)
            } else {
                install(relaySignal, for: signal)
            }
        }
    }

    /// Puts our wake-up behind ncurses' SIGWINCH handler. Call after ncurses has started.
    func chainWindowChange() {
        let current = Self.currentAction(SIGWINCH)
        if current.isHandler && current.sa_flags & SA_SIGINFO == 0 {
            ncursesWindowChangeHandler = current.__sigaction_handler.sa_handler
        }
        install(relayWindowChange, for: SIGWINCH)
    }

    /// The signals that arrived since the last call, in order.
    func receivedSignals() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { break }
            signals += buffer[..<count].map { Int32($0) }
        }
        return signals
    }

    /// Stops our process group as the default SIGTSTP would, and returns once continued (`fg`).
    /// The whole group, not just this process, so that a wrapper script we run under stops too
    /// and the shell sees the job stopped and takes the terminal back. The caller restores the
    /// terminal before and redraws after.
    func stopProcessGroup() {
        var stop = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        var ours = sigaction()
        sigaction(SIGTSTP, &stop, &ours)
        kill(0, SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    /// Whether Ctrl-Z should suspend: not when SIGTSTP was ignored on entry, as it is where no
    /// shell job control could ever continue us.
    var canSuspend: Bool { !ignoredOnEntry.contains(SIGTSTP) }

    /// Puts every disposition back as it was (SIGHUP to ignored instead, if asked) and closes the pipe.
    func restore(leavingHangupIgnored: Bool) {
        for (signal, action) in previousActions {
            var action = action
            if signal == SIGHUP && leavingHangupIgnored {
                action = sigaction()
                action.__sigaction_handler.sa_handler = SIG_IGN
            }
            sigaction(signal, &action, nil)
        }
        previousActions = [:]
        ncursesWindowChangeHandler = nil
        relayWriteEnd = -1
        close(readEnd)
        close(writeEnd)
    }

    private func install(_ handler: @convention(c) (Int32) -> Void, for signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var old = sigaction()
        sigaction(signal, &action, &old)
        if previousActions[signal] == nil { previousActions[signal] = old }
    }

    private static func currentAction(_ signal: Int32) -> sigaction {
        var action = sigaction()
        sigaction(signal, nil, &action)
        return action
    }
}

extension sigaction {
    /// SIG_DFL is a null handler and SIG_IGN the handler address 1.
    private var handlerAddress: Int { unsafeBitCast(__sigaction_handler.sa_handler, to: Int.self) }
    var isIgnore: Bool { sa_flags & SA_SIGINFO == 0 && handlerAddress == 1 }
    var isHandler: Bool { handlerAddress > 1 }
}
