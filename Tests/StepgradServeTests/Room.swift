import ClassroomProbe
import Foundation
import NIOPosix
import StepgradScenario
import StepgradServe
import StepgradSession
import TerminalUI
import Testing

/// A lecture served in this process on a free loopback port, with scripted viewers as clients:
/// the lecturer's session is at hand, so tests can check it was not touched.
@MainActor
final class Room {
    let classroom: Classroom
    let server: ClassServer
    let clients = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let folder: URL

    init(code: String? = nil, limits: ServeLimits = ServeLimits()) async throws {
        let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL.path
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-room-\(UUID().uuidString)")
        let session = TrainingSession(scenario: try ScenarioLoader.load(path: exercise), stateDirectory: folder.path)
        classroom = Classroom(session: session)
        let key = try HostKey.loadOrCreate(at: folder.appendingPathComponent("host_ed25519").path)
        server = try await ClassServer.start(host: "127.0.0.1", port: 0, hostKey: key, code: code, classroom: classroom, limits: limits)
    }

    var port: Int { server.port }

    func viewer(width: Int = 80, height: Int = 24, passwords: [String] = [""]) async throws -> ProbeViewer {
        try await ProbeViewer.connect(port: port, group: clients, width: width, height: height, passwords: passwords)
    }

    /// The lecturer's place: iteration and cursor.
    var place: String { "\(classroom.session.iteration) \(classroom.session.cursor)" }

    /// The lecturer is unharmed: still at `place`, a viewer joining now is drawn the lecture,
    /// and the lecturer's next step reaches it.
    func expectLecturerUnharmed(at place: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(self.place == place, "the lecturer's session was moved", sourceLocation: sourceLocation)
        let step = classroom.session.currentStep?.number ?? 0
        let witness = try await viewer()
        try await waitForScreen(witness, showing: "step \(step) of 13")
        classroom.session.stepForward()
        try await waitForScreen(witness, showing: "step \(step + 1) of 13")
        classroom.session.stepBackward()
        await witness.close()
    }

    func close() async {
        await server.stop()
        try? await clients.shutdownGracefully()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Waits (up to 60 s: the whole suite shares the main actor) until what `viewer` received,
/// replayed through a terminal emulator of `size`, shows `text`; returns that screen.
@MainActor @discardableResult
func waitForScreen(_ viewer: ProbeViewer, showing text: String, size: Size = Size(width: 80, height: 24),
                   sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
    var lines: [String] = []
    try await waitUntil("a screen showing \"\(text)\"", sourceLocation: sourceLocation) {
        var emulator = TerminalEmulator(size: size)
        emulator.feed(viewer.bytes)
        lines = emulator.screen.lines
        return lines.contains { $0.contains(text) }
    }
    return lines
}

/// Polls `condition` every 10 ms for up to `timeout`; records an issue and throws when it never
/// holds. Generous: the server's viewers run on the main actor, which the whole parallel suite
/// shares, and in a fresh-clone CI run a joining viewer once waited over 60 s for its first frame.
@MainActor func waitUntil(_ what: String, timeout: Duration = .seconds(180), sourceLocation: SourceLocation = #_sourceLocation,
               _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    if try condition() { return }
    Issue.record("timed out after \(timeout) waiting for \(what)", sourceLocation: sourceLocation)
    throw CancellationError()
}

/// A plain TCP connection to the server, for what no SSH client sends.
struct RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            if fd >= 0 { Glibc.close(fd) }
            throw RawFailure(description: "connect: \(String(cString: strerror(errno)))")
        }
    }

    /// Sends what it can of `bytes` (no SIGPIPE once the server has closed).
    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes (true) or `timeout` passes (false); `received` counts what came.
    func waitForClose(timeout: Duration, received: inout Int) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return true }
            received += n
        }
        return false
    }

    enum Answer { case greeted, closed, silent }

    /// The server's first answer within `timeout`: bytes (its version line), closing, or nothing.
    func answer(within timeout: Duration) -> Answer {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) > 0 else { return .silent }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK)) > 0 ? .greeted : .closed
    }

    func close() { Glibc.close(fd) }
}

struct RawFailure: Error, CustomStringConvertible {
    let description: String
}

func randomBytes(_ count: Int, excluding excluded: Set<UInt8> = []) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    while bytes.count < count {
        let byte = UInt8.random(in: 0...255, using: &generator)
        if !excluded.contains(byte) { bytes.append(byte) }
    }
    return bytes
}
