import Foundation

/// `stepgrad serve` started for a test or a benchmark, its console on a pseudo-terminal of our
/// own (no tmux): we press the lecturer's keys by writing to the terminal, and read the server's
/// processor time and memory from /proc.
public final class ServedLecture: @unchecked Sendable {
    public let port: Int
    public let folder: URL
    private let process: Process
    private let master: FileHandle
    private let console = ConsoleText()

    /// Starts `binary serve scenario` on a free loopback port with its own state folder, a
    /// `width`×`height` console, and `options` (e.g. `--max-per-address 300`); returns once it listens.
    public init(binary: String, scenario: String, options: [String] = [], width: Int = 120, height: Int = 40) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-lecture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // posix_openpt and friends are not imported into Swift; this is what they do on Linux.
        var unlock: Int32 = 0, number: UInt32 = 0
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard fd >= 0, ioctl(fd, Self.TIOCSPTLCK, &unlock) == 0, ioctl(fd, Self.TIOCGPTN, &number) == 0 else {
            throw ProbeError("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        master = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let slaveFD = open(name, O_RDWR | O_NOCTTY)
        guard slaveFD >= 0 else { throw ProbeError("cannot open \(name): \(String(cString: strerror(errno)))") }
        let slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        let console = console
        // Read with read(2): once the server has gone the terminal reports EIO, which
        // `availableData` turns into a crash; here it just ends the reading.
        master.readabilityHandler = { handle in
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = read(handle.fileDescriptor, &buffer, buffer.count)
            if count > 0 { console.append(Data(buffer[..<count])) } else { handle.readabilityHandler = nil }
        }

        port = Int.random(in: 20_000..<60_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", scenario, "--port", "\(port)"] + options
        process.environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                               "STEPGRAD_STATE_DIR": folder.appendingPathComponent("state").path]
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
        let deadline = Date().addingTimeInterval(20)
        while !console.contains("serving on") {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ProbeError("stepgrad serve did not start: \(console.text.suffix(500))")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// From <asm-generic/ioctls.h>: _IOW('T', 0x31, int) and _IOR('T', 0x30, unsigned int).
    private static let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430

    public var pid: Int32 { process.processIdentifier }

    /// Presses keys on the lecturer's console, as bytes a terminal sends.
    public func press(_ keys: String) {
        master.write(Data(keys.utf8))
    }

    /// The server's processor time so far (user and system), in seconds.
    public var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based, proc(5)).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The server's resident memory now, in bytes.
    public var residentBytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }

    public var isRunning: Bool { process.isRunning }

    /// Everything the console has shown, escape sequences and all (for failure messages).
    public var consoleText: String { console.text }

    /// Ends the server (q, then SIGTERM if it lingers) and removes its folder.
    public func stop() {
        if process.isRunning {
            press("q")
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        master.readabilityHandler = nil
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }
}

/// What the console has shown, gathered from the pseudo-terminal's reading thread.
private final class ConsoleText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        defer { lock.unlock() }
        data.append(more)
        if data.count > 1 << 20 { data.removeFirst(data.count - (1 << 19)) }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    func contains(_ text: String) -> Bool { self.text.contains(text) }
}
