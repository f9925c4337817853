import Foundation

/// Runs Tests/Reference/bench_numpy.py, when python3 with NumPy is there, and reads its figures.
enum NumPyBenchmark {
    struct Result {
        /// By network key (`small`, `middle`, `large`): the faster of NumPy's default threading and one thread.
        var iterationsPerSecond: [String: Double] = [:]
        /// What NumPy ran on, or why there are no NumPy figures.
        var note: String?
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Reference/bench_numpy.py")
    }

    static func run(seconds: Double, rounds: Int) -> Result {
        guard FileManager.default.fileExists(atPath: script.path) else {
            return Result(note: "NumPy figures skipped: \(script.path) not found (run from the source checkout)")
        }
        // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE in this environment slow a current NumPy; drop them for the child only.
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        var singleThread = environment
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { singleThread[key] = "1" }

        var result = Result()
        var lines: [String] = []
        for (label, env) in [("default threads", environment), ("one thread", singleThread)] {
            switch launch(env, seconds: seconds, rounds: rounds) {
            case .failure(let failure):
                return Result(note: "NumPy figures skipped: \(failure.message)")
            case .success(let report):
                for (key, value) in report.iterationsPerSecond { result.iterationsPerSecond[key] = max(result.iterationsPerSecond[key] ?? 0, value) }
                let figures = ["small", "middle", "large"].compactMap { key in report.iterationsPerSecond[key].map { "\(key) \(EngineBenchmark.figure($0))" } }
                lines.append("  \(label): \(report.blas) — \(figures.joined(separator: ", "))")
                if lines.count == 1 { lines.insert("NumPy \(report.numpy) (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset), the faster run counts:", at: 0) }
            }
        }
        result.note = lines.joined(separator: "\n")
        return result
    }

    private struct Report {
        var numpy: String
        var blas: String
        var iterationsPerSecond: [String: Double]
    }

    private struct Failure: Error { var message: String }

    private static func launch(_ environment: [String: String], seconds: Double, rounds: Int) -> Swift.Result<Report, Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(seconds), String(rounds)]
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return .failure(Failure(message: "could not start python3 (\(error.localizedDescription))")) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = process.terminationStatus == 127 ? "python3 not found"
                : errorText.contains("No module named 'numpy'") ? "python3 has no numpy"
                : "python3 exited with status \(process.terminationStatus): \(errorText.split(separator: "\n").last ?? "")"
            return .failure(Failure(message: reason))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let figures = object["iterations_per_second"] as? [String: Double] else {
            return .failure(Failure(message: "unreadable output from bench_numpy.py"))
        }
        let blas = object["blas"] as? [String: Any] ?? [:]
        let described = [blas["library"].map { "\($0)" }, blas["kernel"].map { "kernel \($0)" },
                         blas["threads"].map { "\($0) threads" }].compactMap { $0 }
        return .success(Report(numpy: object["numpy"] as? String ?? "?",
                               blas: described.isEmpty ? "BLAS unknown" : described.joined(separator: ", "),
                               iterationsPerSecond: figures))
    }
}
