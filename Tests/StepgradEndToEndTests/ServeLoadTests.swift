import ClassroomProbe
import Foundation
import NIOPosix
import Testing

/// A room of 200 on loopback, against the release build as a lecturer runs it: the time from the
/// lecturer's key to each viewer's first bytes of the new frame, over 50 steps; then the same with
/// one more viewer who never reads (at the largest size, asking for a new window every step, so
/// that frames pile up against it). Bounded: 201 connections, 100 steps, a few seconds at most per step.
///
/// It measures time, so it runs alone: `swift test` runs every other suite in parallel on the same
/// cores, and their load, not the server's, would decide the figures. `.ci/run` runs it after the
/// rest of the suite with `STEPGRAD_LOAD_TESTS=1 swift test --skip-build --filter ServeLoadTests`.
@Suite(.serialized, .enabled(if: StepgradProcess.release != nil, "build stepgrad in release first (swift build -c release)"),
       .enabled(if: ProcessInfo.processInfo.environment["STEPGRAD_LOAD_TESTS"] == "1",
                "runs alone: STEPGRAD_LOAD_TESTS=1 swift test --skip-build --filter ServeLoadTests (as .ci/run does)"))
struct ServeLoadTests {
    static let viewers = 200, steps = 50
    static let goal: Duration = .milliseconds(100)

    static let processors = ProcessInfo.processInfo.activeProcessorCount

    /// The machine's load average over the last minute (/proc/loadavg).
    static var loadAverage: Double {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { $0.split(separator: " ").first.flatMap { Double($0) } } ?? 0
    }

    @Test func twoHundredViewersGetEachStepWithinAHundredMillisecondsEvenBesideOneWhoNeverReads() async throws {
        let binary = try #require(StepgradProcess.release).path
        let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL.path
        let lecture = try ServedLecture(binary: binary, scenario: exercise, options: ["--max-per-address", "256"])
        defer { lecture.stop() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let load = ClassroomLoad(lecture: lecture, group: group)

        let loadBefore = Self.loadAverage
        let room = try await load.connect(Self.viewers)
        let alone = try await load.measure(room, steps: Self.steps)
        #expect(alone.latencies.count + alone.missed * Self.viewers >= Self.viewers * Self.steps)
        #expect(alone.finalScreens.count == 1, "every viewer shows the same screen")
        #expect(alone.finalScreens.first?.contains { $0.contains(" of 13") } == true)

        let stuck = try await ProbeViewer.connect(port: lecture.port, group: group, width: 500, height: 200, reading: false)
        let beside = try await load.measure(room, steps: Self.steps) { step in
            try await stuck.resize(width: step.isMultiple(of: 2) ? 500 : 499, height: 200)
        }
        // On a machine whose processors other work keeps busy (load average above three a processor,
        // as on a shared machine where others build), the figures measure that work, not the server:
        // a miss is then a known issue, with the load. CI's machine is quiet: there it fails.
        let machineLoad = max(loadBefore, Self.loadAverage)
        withKnownIssue("load average \(machineLoad) on \(Self.processors) processors", isIntermittent: true) {
            #expect(alone.missed == 0, "\(alone.missed) steps did not reach every viewer")
            #expect(alone.percentile(99) < Self.goal, "p99 \(alone.percentile(99)), p50 \(alone.percentile(50))")
            #expect(beside.missed == 0)
            #expect(beside.percentile(99) < Self.goal, "p99 beside a stuck viewer \(beside.percentile(99))")
            #expect(beside.percentile(99) < alone.percentile(99) * 2 + .milliseconds(20),
                    "p99 \(alone.percentile(99)) alone, \(beside.percentile(99)) beside a viewer who never reads")
        } when: {
            machineLoad > Double(3 * Self.processors)
        }
        let growth = beside.residentAfter - alone.residentBefore
        #expect(growth < 64 << 20, "the server grew by \(growth >> 20) MB")
        #expect(beside.finalScreens.count == 1)
        print("serve load: \(Self.viewers) viewers, \(Self.steps) steps: p50 \(alone.percentile(50)) p99 \(alone.percentile(99)); "
              + "beside a stuck viewer p50 \(beside.percentile(50)) p99 \(beside.percentile(99)); "
              + "\(Int(alone.bytesPerViewerPerStep)) bytes per viewer per step; server \(alone.residentBefore >> 20) → \(beside.residentAfter >> 20) MB; "
              + "load average \(machineLoad) on \(Self.processors) processors")
        await stuck.close()
        for viewer in room { await viewer.close() }
        try? await group.shutdownGracefully()
    }
}
