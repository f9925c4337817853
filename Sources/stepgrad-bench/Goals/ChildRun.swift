import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a command (the release `stepgrad`), timed from spawn to exit: the bytes it wrote
/// to standard output (read as it writes them, as a terminal or a pipe would) and its peak
/// resident memory. A run past its time limit is killed and said to be.
///
/// The peak is the child's own high-water mark (`VmHWM` in /proc), read every 10 ms as it runs,
/// because `wait4`'s figure starts from the memory of the
/// process that spawned it (Linux carries it over the fork and exec): after the network rows have
/// grown this benchmark to a gigabyte, every child would be reported at a gigabyte.
struct ChildRun {
    var seconds: Double
    var bytes: Int
    /// Peak resident set size in bytes.
    var peakMemory: Int
    var status: Int32
    var timedOut: Bool
    /// The first line it wrote to standard error, when it failed.
    var message: String

    var succeeded: Bool { !timedOut && status == 0 }

    static func run(_ arguments: [String], limit: Double) -> ChildRun {
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-bench-\(getpid())-stderr").path
        defer { unlink(errorPath) }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return ChildRun(seconds: 0, bytes: 0, peakMemory: 0, status: -1, timedOut: false, message: "no pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let clock = ContinuousClock(), start = clock.now
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            return ChildRun(seconds: 0, bytes: 0, peakMemory: 0, status: -1, timedOut: false, message: "could not start \(arguments[0])")
        }
        var bytes = 0, timedOut = false, sampledPeak = 0, sampled = start
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let left = limit - EngineBenchmark.seconds(clock.now - start)
            if left <= 0 { timedOut = true; kill(pid, SIGKILL); break }
            if clock.now - sampled >= .milliseconds(10) || sampledPeak == 0 {
                sampledPeak = max(sampledPeak, highWaterMark(of: pid))
                sampled = clock.now
            }
            var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 0.01) * 1000) + 1) >= 0 || errno == EINTR else { break }
            guard poller.revents != 0 else { continue }
            let count = read(fds[0], buffer, 1 << 16)
            if count <= 0 { break }
            bytes += count
        }
        close(fds[0])
        var status: Int32 = 0, usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = EngineBenchmark.seconds(clock.now - start)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let message = (try? String(contentsOfFile: errorPath, encoding: .utf8))?
            .split(separator: "\n").first.map(String.init) ?? ""
        // A child too quick to be sampled keeps wait4's figure, which is at least its own.
        let peak = sampledPeak > 0 ? sampledPeak : Int(usage.ru_maxrss) * 1024
        return ChildRun(seconds: seconds, bytes: bytes, peakMemory: peak, status: exitStatus, timedOut: timedOut, message: message)
    }

    /// A running process's peak resident memory in bytes (`VmHWM`), 0 once it has none to report.
    static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}
