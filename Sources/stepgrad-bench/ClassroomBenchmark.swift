import ClassroomProbe
import Foundation
import NIOPosix

/// `stepgrad serve` (the release binary beside this one) under load on loopback: 1, 50 and 200
/// scripted viewers at 80×24 follow 50 lecturer steps of the 3-4-3 exercise, the lecturer's keys
/// typed into the server's own pseudo-terminal. Side by side: the time from the key to each
/// viewer's first bytes of the new frame (p50, p99), the bytes a viewer receives per step, and
/// the server's processor time per step and memory. A fresh server for each room size.
enum ClassroomBenchmark {
    static let rooms = [1, 50, 200], steps = 50
    static let goal: Duration = .milliseconds(100)

    static func run() async {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepgrad").path
        let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL.path
        print("Classroom benchmark: stepgrad serve on loopback, 3-4-3 exercise, viewers at 80×24, \(steps) lecturer steps"
              + " (goal: p99 under 100 ms)")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("  skipped: build stepgrad in the same configuration first (swift build -c release)")
            return
        }
        print("  viewers   key→frame p50       p99   bytes/viewer/step   server CPU/step   server memory")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        for count in rooms {
            do {
                let lecture = try ServedLecture(binary: binary, scenario: exercise, options: ["--max-per-address", "256"])
                defer { lecture.stop() }
                let load = ClassroomLoad(lecture: lecture, group: group)
                let viewers = try await load.connect(count)
                let report = try await load.measure(viewers, steps: steps)
                for viewer in viewers { await viewer.close() }
                let missed = report.missed > 0 ? "   (\(report.missed) steps missed a viewer)" : ""
                print("  " + pad("\(count)", 7) + pad(milliseconds(report.percentile(50)), 17) + pad(milliseconds(report.percentile(99)), 10)
                      + pad("\(Int(report.bytesPerViewerPerStep.rounded()))", 20)
                      + pad(milliseconds(report.serverCPUPerStep), 18) + pad("\(report.residentAfter >> 20) MB", 16) + missed)
            } catch {
                print("  " + pad("\(count)", 7) + "could not be measured: \(error)")
            }
        }
        try? await group.shutdownGracefully()
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f ms", ms)
    }

    /// Right-aligned in `width` columns.
    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - text.count, 0)) + text
    }
}
