import Foundation

/// A long-lived Tests/Reference/bench_worker.py: it times one workload per request, so that a
/// reference library can take its turn in every round without paying Python's start-up each time.
final class ReferenceWorker {
    /// How the table names it, e.g. `NumPy, tuned malloc`.
    let label: String
    /// What it runs on (library, version, BLAS), or why it is not running.
    let description: String
    private let process: Process?
    private let input: FileHandle?
    private let output: FileHandle?
    private var pending = Data()

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Reference/bench_worker.py")
    }

    /// The glibc settings that keep NumPy's temporaries in the heap instead of returning them to the
    /// system after every call (its large-network figure depends on them).
    static let tunedMalloc = ["MALLOC_MMAP_THRESHOLD_": "4194304", "MALLOC_TRIM_THRESHOLD_": "268435456"]

    init(label: String, library: String, environment extra: [String: String] = [:]) {
        self.label = label
        var environment = ProcessInfo.processInfo.environment
        // This environment's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE slow a current OpenBLAS; one thread,
        // as stepgrad runs on one (on two shared cores, OpenBLAS's threads make it slower, not faster).
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[key] = "1" }
        environment.merge(extra) { $1 }
        let process = Process(), toWorker = Pipe(), fromWorker = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, library]
        process.environment = environment
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        process.standardError = FileHandle.nullDevice
        guard FileManager.default.fileExists(atPath: Self.script.path), (try? process.run()) != nil else {
            (self.process, input, output) = (nil, nil, nil)
            description = "not run (python3 or \(Self.script.lastPathComponent) not found; run from the source checkout)"
            return
        }
        (self.process, input, output) = (process, toWorker.fileHandleForWriting, fromWorker.fileHandleForReading)
        var header = ""
        if let line = Self.readLine(fromWorker.fileHandleForReading, &pending),
           let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            if let error = object["error"] as? String {
                header = error
            } else {
                let blas = (object["blas"] as? [String: Any])?["library"].map { ", \($0)" } ?? ""
                header = "\(object["library"] ?? "?") \(object["version"] ?? "?")\(blas), one thread"
            }
        } else {
            header = "python3 with NumPy is needed"
        }
        description = header
        if !isRunning { stop() }
    }

    /// Whether the worker started and can measure.
    var isRunning: Bool { process?.isRunning == true && !description.contains("not installed") && !description.contains("needed") }

    /// The workload's rate over about `seconds` (iterations, epochs or GFLOP per second).
    func measure(_ workload: String, seconds: Double) -> Double? {
        guard isRunning, let input, let output else { return nil }
        input.write(Data("\(workload) \(seconds)\n".utf8))
        guard let line = Self.readLine(output, &pending), let value = Double(line), value.isFinite else { return nil }
        return value
    }

    func stop() {
        try? input?.close()
        process?.waitUntilExit()
    }

    private static func readLine(_ handle: FileHandle, _ pending: inout Data) -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }
}
