import Foundation
import Glibc

/// Waits for the terminal on a thread of its own, so that the main actor never blocks: it sleeps
/// in poll(2) on standard input and the signal pipe, and when either is ready it reports once,
/// then sleeps again only after `resume()`, once the main actor has read what was there (input
/// stays readable until read, and reporting it again meanwhile would spin).
final class InputWatcher: @unchecked Sendable {
    /// What woke the watcher.
    struct Wake: Sendable {
        /// Standard input is gone (hang-up or error), not merely readable.
        var hungUp: Bool
    }

    private let descriptors: [Int32]
    private let report: @Sendable (Wake) -> Void
    private let resumed = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    // Written by `stop()` to wake the poll for good; both ends closed once the thread has exited.
    private let stopPipe: (read: Int32, write: Int32)

    /// Starts watching `input` and `signals` (the read end of `SignalRelay`'s pipe).
    init(input: Int32, signals: Int32, report: @escaping @Sendable (Wake) -> Void) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw TerminalError.cannotStart("no pipe for the input watcher: " + String(cString: strerror(errno)))
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        stopPipe = (ends[0], ends[1])
        descriptors = [input, signals, ends[0]]
        self.report = report
        let thread = Thread { [self] in watch() }
        thread.name = "terminal input"
        thread.start()
    }

    /// Lets the watcher sleep again; call after reading input and signals.
    func resume() { resumed.signal() }

    /// Ends the thread and waits for it.
    func stop() {
        var byte: UInt8 = 0
        _ = write(stopPipe.write, &byte, 1)
        resumed.signal()
        exited.wait()
        close(stopPipe.read)
        close(stopPipe.write)
    }

    private func watch() {
        defer { exited.signal() }
        var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        while true {
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 && errno == EINTR { continue }
            if polled[2].revents != 0 { return }
            // Any other failure of poll itself would only repeat at once: report it as a lost terminal.
            let input = polled[0].revents
            report(Wake(hungUp: ready < 0 || input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0))
            resumed.wait()
            for i in polled.indices { polled[i].revents = 0 }
        }
    }
}
