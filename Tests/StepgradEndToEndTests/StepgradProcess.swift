import Foundation

/// The built `stepgrad` binary, run as a user runs it: arguments in, standard output, standard
/// error and exit status out.
struct StepgradProcess {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// `swift test` builds the executable beside the test bundle.
    static let executable: URL? = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug"),
        ]
        return candidates.compactMap { $0?.appendingPathComponent("stepgrad").standardizedFileURL }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The release build, for timings a user would see; `nil` until `swift build -c release` has run.
    static let release: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/release/stepgrad")
            .standardizedFileURL
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    static func run(_ arguments: [String], in directory: URL? = nil, using binary: URL? = nil,
                    input: Data? = nil) throws -> Result {
        guard let executable = binary ?? executable else { throw Missing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Help is wrapped to the terminal width; pin it.
        process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "80"]) { $1 }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Small inputs only: written whole before reading, so it must fit the pipe.
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Read before waiting, so that a full pipe cannot stall the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      error: String(decoding: err, as: UTF8.self))
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the stepgrad executable was not built beside the tests (run `swift build` first)" }
    }
}
