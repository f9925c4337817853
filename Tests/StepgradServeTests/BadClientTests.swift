import ClassroomProbe
import Foundation
import StepgradServe
import TerminalUI
import Testing

/// Clients that are not students: each is refused or survived, and the lecturer's session is
/// where it was, still drawn for a viewer who joins afterwards and still followed when it moves.
@MainActor @Suite(.serialized)
struct BadClientTests {
    @Test func garbageInsteadOfSSHOrAfterTheHandshakeClosesOnlyThatConnection() async throws {
        let room = try await Room(limits: ServeLimits(loginTime: .seconds(3)))
        defer { Task { await room.close() } }
        let before = room.place

        // No version line at all; then a version line followed by packets of noise.
        for prefix in [[], Array("SSH-2.0-probe\r\n".utf8)] as [[UInt8]] {
            let raw = try RawConnection(port: room.port)
            raw.send(prefix + randomBytes(64 * 1024))
            var received = 0
            #expect(raw.waitForClose(timeout: .seconds(6), received: &received), "the server closes a connection sending noise")
            raw.close()
        }

        // Logged in and drawn to, then noise under the encryption: the server drops the connection.
        let spoiler = try await room.viewer()
        try await waitForScreen(spoiler, showing: "step 0 of 13")
        try await spoiler.injectRaw(randomBytes(4096))
        try await waitUntil("the server to close the spoiled connection") { spoiler.isClosed }

        // Noise typed as keys (all but the keys that leave): the viewer roams or stays, never the lecturer.
        let typist = try await room.viewer()
        try await waitForScreen(typist, showing: "step 0 of 13")
        for _ in 0..<16 {
            try await typist.type(randomBytes(4096, excluding: [UInt8(ascii: "q"), 3, 4]))
        }
        #expect(!typist.isClosed)
        try await expectSnapBack(typist)

        // A flood of keys counts as what a person types in a second: 1,000 steps sent at once move
        // a roaming copy 60 steps (13 or 14 an iteration: iteration 5), not 1,000 (iteration 70 or so).
        let flooder = try await room.viewer()
        try await waitForScreen(flooder, showing: "step 0 of 13")
        try await flooder.type(Array(String(repeating: "\u{1B}[C", count: 1000).utf8))
        try await Task.sleep(for: .milliseconds(500))
        let screen = try await waitForScreen(flooder, showing: "back to the lecturer")
        let iteration = screen.lazy.compactMap { line -> Int? in
            guard let range = line.range(of: "iteration ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }.first
        #expect(iteration.map { $0 <= 6 } == true, "the flood reached iteration \(iteration.map(String.init) ?? "?")")
        await flooder.close()
        try await room.expectLecturerUnharmed(at: before)
        await typist.close()
    }

    /// After noise a viewer can still look around and come back. The noise is random, so what
    /// it left is not known: the tail of the flood may still be arriving (and use up its second
    /// of keys), or it may end inside an escape sequence that the next key completes. So each
    /// try waits out a second, presses → (look around) and then L, until the viewer is told it
    /// follows the lecturer again.
    private func expectSnapBack(_ viewer: ProbeViewer) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .seconds(1.1))
            try await viewer.type(Array("\u{1B}[C".utf8))
            try await Task.sleep(for: .seconds(1.1))
            let before = viewer.bytes.count
            try await viewer.type(Array("L".utf8))
            let shown = ContinuousClock.now + .seconds(2)
            while ContinuousClock.now < shown {
                var emulator = TerminalEmulator(size: Size(width: 80, height: 24))
                emulator.feed(viewer.bytes)
                if viewer.bytes.count > before,
                   emulator.screen.lines.contains(where: { $0.contains("Following the lecturer again") }) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        Issue.record("after the noise, → then L never brought the viewer back to the lecturer")
    }

    /// 65535×65535 is drawn at the largest size served (500×200), and a storm of window changes
    /// gets few frames; 0×0 is drawn at 80×24; 1×1 asks for a larger terminal. None of it costs
    /// the lecturer anything.
    @Test func oversizedAndDegenerateWindowsAreBounded() async throws {
        let room = try await Room()
        defer { Task { await room.close() } }
        let before = room.place
        let viewer = try await room.viewer()
        try await waitForScreen(viewer, showing: "step 0 of 13")

        var seen = viewer.bytes.count
        try await viewer.resize(width: 65535, height: 65535)
        try await waitUntil("a frame for the new size") { viewer.arrivals.count > seen }
        try await Task.sleep(for: .milliseconds(300))
        let largest = Size(width: 500, height: 200)
        var emulator = TerminalEmulator(size: largest)
        emulator.feed(viewer.bytes[seen...])
        #expect(emulator.screen.lines.contains { $0.contains("step 0 of 13") })
        #expect(emulator.screen.lines.contains { $0.count == 500 }, "drawn across the whole 500 columns")
        #expect(emulator.unsupported.isEmpty, "\(emulator.unsupported.prefix(3))")

        // A storm of window changes at the largest size: each would be a whole 500×200 frame, but a
        // window of 100,000 cells gets a frame at most every 33 ms × 100,000 / 12,000 = 275 ms, so
        // one second of it is 5 frames at most (each whole frame begins by clearing the screen).
        try await Task.sleep(for: .milliseconds(300))
        seen = viewer.bytes.count
        let started = ContinuousClock.now
        for i in 0..<40 {
            try await viewer.resize(width: 500 - i % 2, height: 200)
            try await Task.sleep(for: .milliseconds(25))
        }
        let storm = ContinuousClock.now - started
        try await Task.sleep(for: .milliseconds(300))
        let clears = String(decoding: viewer.bytes[seen...], as: UTF8.self).components(separatedBy: "\u{1B}[2J").count - 1
        let allowed = Int((storm + .milliseconds(300)) / .milliseconds(275)) + 1
        #expect(clears >= 1 && clears <= allowed, "\(clears) whole frames for 40 window changes in \(storm)")

        seen = viewer.bytes.count
        try await viewer.resize(width: 1, height: 1)
        try await waitUntil("a frame for 1×1") { viewer.arrivals.count > seen }
        try await Task.sleep(for: .milliseconds(300))
        // The size notice cut to one cell: the "e" of "enlarge the terminal" (see `writeSizeNotice`).
        var tiny = TerminalEmulator(size: Size(width: 1, height: 1))
        tiny.feed(viewer.bytes[seen...])
        #expect(tiny.screen.lines == ["e"])

        seen = viewer.bytes.count
        try await viewer.resize(width: 0, height: 0)
        try await waitUntil("a frame for 0×0") { viewer.arrivals.count > seen }
        try await Task.sleep(for: .milliseconds(300))
        var small = TerminalEmulator(size: Size(width: 80, height: 24))
        small.feed(viewer.bytes[seen...])
        #expect(small.screen.lines.contains { $0.contains("step 0 of 13") }, "0×0 is drawn at 80×24")

        #expect(!viewer.isClosed)
        try await room.expectLecturerUnharmed(at: before)
        await viewer.close()
    }

    /// A thousand connections at once from one address: at most `perAddress` are served (they get
    /// the server's version line), the rest are closed on arrival, and one more is turned away
    /// while they hold their places; once they go, a student gets in as usual.
    @Test func aFloodOfAThousandConnectionAttemptsIsTurnedAway() async throws {
        let limits = ServeLimits(perAddress: 32, loginTime: .seconds(120))
        let room = try await Room(limits: limits)
        defer { Task { await room.close() } }
        let before = room.place

        let flood = try (0..<1000).map { _ in try RawConnection(port: room.port) }
        var answers: [RawConnection.Answer] = []
        for raw in flood { answers.append(raw.answer(within: .seconds(5))) }
        let greeted = answers.filter { $0 == .greeted }.count, closed = answers.filter { $0 == .closed }.count
        #expect(greeted == limits.perAddress, "\(greeted) connections from one address were served")
        #expect(closed == 1000 - limits.perAddress, "\(closed) of 1,000 were closed on arrival")

        let late = try RawConnection(port: room.port)
        #expect(late.answer(within: .seconds(5)) == .closed, "one more from the same address is turned away")
        late.close()

        for raw in flood { raw.close() }
        try await room.expectLecturerUnharmed(at: before)
    }

    /// A connection that does not log in is let go when its time is up; one that did, stays.
    @Test func whoDoesNotLogInInTimeIsLetGo() async throws {
        let room = try await Room(limits: ServeLimits(loginTime: .seconds(1)))
        defer { Task { await room.close() } }
        let idle = try (0..<5).map { _ in try RawConnection(port: room.port) }
        for raw in idle { raw.send(Array("SSH-2.0-probe\r\n".utf8)) }
        let student = try await room.viewer()
        try await Task.sleep(for: .seconds(2))
        for raw in idle {
            var received = 0
            #expect(raw.waitForClose(timeout: .seconds(3), received: &received), "an idle connection is still open")
            raw.close()
        }
        #expect(!student.isClosed)
        try await waitForScreen(student, showing: "step 0 of 13")
        await student.close()
    }

    @Test func wrongClassCodesAreRefusedAndGuessingIsCutOff() async throws {
        let room = try await Room(code: "backprop", limits: ServeLimits(codeAttempts: 3))
        defer { Task { await room.close() } }
        let before = room.place

        await #expect(throws: (any Error).self) { try await room.viewer(passwords: ["forward"]) }
        await #expect(throws: (any Error).self) { try await room.viewer(passwords: ["", "BACKPROP", "back prop", "backprop"]) }
        for _ in 0..<20 {
            await #expect(throws: (any Error).self) { try await room.viewer(passwords: ["a", "b"]) }
        }
        #expect(room.classroom.following == 0)

        let student = try await room.viewer(passwords: ["forward", "backprop"])
        try await waitForScreen(student, showing: "step 0 of 13")
        #expect(room.classroom.following == 1)
        await student.close()
        try await waitUntil("the student to be gone") { room.classroom.following == 0 }
        #expect(room.place == before)
    }

    @Test func execAndPortForwardingAreRefusedAndTheViewerStays() async throws {
        let room = try await Room()
        defer { Task { await room.close() } }
        let before = room.place
        let viewer = try await room.viewer()
        try await waitForScreen(viewer, showing: "step 0 of 13")

        #expect(try await viewer.exec("cat /etc/passwd") == false)
        await #expect(throws: (any Error).self) { try await viewer.openDirectTCPIP(host: "127.0.0.1", port: room.port) }
        await #expect(throws: (any Error).self) { try await viewer.requestRemoteForward(port: 0) }
        #expect(!String(decoding: viewer.bytes, as: UTF8.self).contains("root:"))

        #expect(!viewer.isClosed)
        try await room.expectLecturerUnharmed(at: before)
        room.classroom.session.stepForward()
        try await waitForScreen(viewer, showing: "step 1 of 13")
        await viewer.close()
    }
}
