import Foundation
import NIOCore
import NIOPosix
import TerminalUI

/// A room of scripted viewers watching a served lecture while the lecturer steps: how long each
/// viewer waits from the lecturer's key to the first bytes of the new frame, how many bytes each
/// step costs a viewer, and the server's processor time and memory. Shared by the load test and
/// `stepgrad-bench classroom`.
public struct ClassroomLoad: Sendable {
    public struct Report: Sendable {
        public var viewers: Int
        public var steps: Int
        /// Every viewer's wait at every step, sorted.
        public var latencies: [Duration]
        public var bytesPerViewerPerStep: Double
        public var serverCPUPerStep: Duration
        public var residentBefore: Int
        public var residentAfter: Int
        /// Steps after which some viewer had received nothing within `stepTimeout`.
        public var missed: Int
        /// What every viewer's screen shows at the end, replayed through a terminal emulator: all alike.
        public var finalScreens: Set<[String]>

        public func percentile(_ p: Double) -> Duration {
            guard !latencies.isEmpty else { return .zero }
            let rank = Int((p / 100 * Double(latencies.count)).rounded(.up)) - 1
            return latencies[min(max(rank, 0), latencies.count - 1)]
        }
    }

    public let lecture: ServedLecture
    public let group: EventLoopGroup
    public var width = 80, height = 24
    /// How long one step may take to reach every viewer before it counts as missed.
    public var stepTimeout: Duration = .seconds(5)

    public init(lecture: ServedLecture, group: EventLoopGroup) {
        self.lecture = lecture
        self.group = group
    }

    /// Connects `count` viewers, a few at a time (as a room does, not all in one instant).
    public func connect(_ count: Int) async throws -> [ProbeViewer] {
        var viewers: [ProbeViewer] = []
        while viewers.count < count {
            let batch = min(20, count - viewers.count)
            try await withThrowingTaskGroup(of: ProbeViewer.self) { tasks in
                for _ in 0..<batch {
                    tasks.addTask { try await ProbeViewer.connect(port: lecture.port, group: group, width: width, height: height) }
                }
                for try await viewer in tasks { viewers.append(viewer) }
            }
        }
        try await settle(viewers)
        return viewers
    }

    /// Steps the lecturer `steps` times, timing each viewer's first bytes after each key;
    /// `meanwhile` runs once per step (e.g. a stuck viewer asking for another window).
    public func measure(_ viewers: [ProbeViewer], steps: Int,
                        meanwhile: @Sendable (Int) async throws -> Void = { _ in }) async throws -> Report {
        let residentBefore = lecture.residentBytes, cpuBefore = lecture.cpuSeconds
        let bytesBefore = viewers.map(\.arrivals.count).reduce(0, +)
        var latencies: [Duration] = []
        var missed = 0
        for step in 1...steps {
            try await meanwhile(step)
            for viewer in viewers { viewer.mark() }
            let pressed = ContinuousClock.now
            lecture.press("n")  // next step, as → does, without depending on the terminal's arrow-key sequences
            let deadline = pressed + stepTimeout
            var arrived: [ContinuousClock.Instant] = []
            while ContinuousClock.now < deadline {
                arrived = viewers.compactMap(\.firstAfterMark)
                if arrived.count == viewers.count { break }
                try await Task.sleep(for: .milliseconds(1))
            }
            if arrived.count < viewers.count {
                missed += 1
                // A room that stopped getting frames is not measured for minutes on end.
                guard missed < 3 else {
                    throw ProbeError("\(missed) steps did not reach every viewer (\(arrived.count) of \(viewers.count) at step \(step))")
                }
            }
            latencies += arrived.map { $0 - pressed }
            try await settle(viewers)
        }
        let cpu = lecture.cpuSeconds - cpuBefore
        let bytes = viewers.map(\.arrivals.count).reduce(0, +) - bytesBefore
        let screens = finalScreens(viewers)
        return Report(viewers: viewers.count, steps: steps, latencies: latencies.sorted(),
                      bytesPerViewerPerStep: Double(bytes) / Double(viewers.count * steps),
                      serverCPUPerStep: .seconds(cpu / Double(steps)), residentBefore: residentBefore,
                      residentAfter: lecture.residentBytes, missed: missed, finalScreens: screens)
    }

    /// What each viewer's screen shows, replayed through a terminal emulator. Viewers who received
    /// the same bytes (a room that followed every frame) show the same screen: each stream is
    /// replayed once.
    func finalScreens(_ viewers: [ProbeViewer]) -> Set<[String]> {
        var replayed: [[UInt8]] = [], screens = Set<[String]>()
        for bytes in viewers.map(\.bytes) where !replayed.contains(where: { Self.same($0, bytes) }) {
            replayed.append(bytes)
            var emulator = TerminalEmulator(size: Size(width: width, height: height))
            emulator.feed(bytes)
            screens.insert(emulator.screen.lines)
        }
        return screens
    }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { a in b.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// Waits until every viewer has received something and nothing more has arrived for 30 ms
    /// (a frame is sent whole: the next one is at least one frame interval away).
    func settle(_ viewers: [ProbeViewer]) async throws {
        let deadline = ContinuousClock.now + stepTimeout
        while ContinuousClock.now < deadline {
            let now = ContinuousClock.now
            let quiet = viewers.allSatisfy { viewer in
                let arrivals = viewer.arrivals
                return arrivals.count > 0 && now - (arrivals.last ?? now) > .milliseconds(30)
            }
            if quiet { return }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
