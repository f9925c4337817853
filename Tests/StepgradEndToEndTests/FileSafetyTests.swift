import Foundation
import Testing

/// Nothing a user made is overwritten, file problems are said in words, and a gradient check
/// never vouches for numbers that are not finite.
@Suite(.enabled(if: StepgradProcess.executable != nil, "build stepgrad first"))
struct FileSafetyTests {
    static let new = ["new", "--layers", "2-2-2", "--activations", "tanh,sigmoid", "--loss", "mse", "--seed", "3"]

    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    func contents(_ directory: URL, _ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func newNeverOverwritesWithoutForce() throws {
        try withDirectory { directory in
            for name in ["quiz.yaml", "key.md"] {
                try "mine\n".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let refused = try StepgradProcess.run(Self.new + ["--output", "quiz.yaml"], in: directory)
            #expect(refused.status == 2)
            #expect(refused.error == "stepgrad: quiz.yaml already exists; give --force to replace it\n")
            #expect(contents(directory, "quiz.yaml") == "mine\n")

            // Neither file is written when one of them is refused.
            let key = try StepgradProcess.run(Self.new + ["--output", "fresh.yaml", "--answer-key", "key.md"], in: directory)
            #expect(key.status == 2 && key.error.contains("key.md already exists"))
            #expect(contents(directory, "fresh.yaml") == nil && contents(directory, "key.md") == "mine\n")

            let forced = try StepgradProcess.run(Self.new + ["--output", "quiz.yaml", "--force"], in: directory)
            #expect(forced.status == 0, "\(forced.error)")
            #expect(contents(directory, "quiz.yaml")?.contains("layers:") == true)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(files == ["key.md", "quiz.yaml"], "no temporary file is left")
        }
    }

    @Test(arguments: [("quiz.yaml", "quiz.yaml"), ("quiz.yaml", "./sub/../quiz.yaml"), ("quiz.yaml", "link.yaml")])
    func newRefusesOneFileForExerciseAndAnswerKey(_ output: String, _ key: String) throws {
        try withDirectory { directory in
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.yaml").path,
                                                       withDestinationPath: "quiz.yaml")
            let result = try StepgradProcess.run(Self.new + ["--output", output, "--answer-key", key, "--force"], in: directory)
            #expect(result.status == 2)
            #expect(result.error.contains("--output and --answer-key name the same file"), "\(result.error)")
            #expect(contents(directory, "quiz.yaml") == nil)
        }
    }

    @Test func aSymbolicLinkGivenAsOutputStaysALink() throws {
        try withDirectory { directory in
            try "old\n".write(to: directory.appendingPathComponent("target.yaml"), atomically: true, encoding: .utf8)
            let link = directory.appendingPathComponent("link.yaml").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.yaml")
            let refused = try StepgradProcess.run(Self.new + ["--output", "link.yaml"], in: directory)
            #expect(refused.status == 2 && contents(directory, "target.yaml") == "old\n")
            let forced = try StepgradProcess.run(Self.new + ["--output", "link.yaml", "--force"], in: directory)
            #expect(forced.status == 0, "\(forced.error)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.yaml")
            #expect(contents(directory, "target.yaml")?.contains("layers:") == true)
        }
    }

    @Test func writingWhereItCannotIsSaidInWords() throws {
        try withDirectory { directory in
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
            for force in [["--force"], []] {
                // Without --force too: --force could not help, so it is not suggested.
                let folder = try StepgradProcess.run(Self.new + ["--output", "folder"] + force, in: directory)
                #expect(folder.status == 2)
                #expect(folder.error == "stepgrad: folder: cannot write: is a directory\n")
            }
            let missing = try StepgradProcess.run(Self.new + ["--output", "nowhere/quiz.yaml"], in: directory)
            #expect(missing.status == 2)
            #expect(missing.error.hasPrefix("stepgrad: nowhere/quiz.yaml: cannot write: cannot create a temporary file in nowhere: no such file or directory"),
                    "\(missing.error)")
            #expect(!missing.error.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFileThatIsNotUTF8NamesTheFirstBadByte() throws {
        try withDirectory { directory in
            var bytes = Data("title: x\nconvention: Wx\ninput: [1, 2]  # caf".utf8)
            bytes.append(contentsOf: [0xE9, 0x0A])
            try bytes.write(to: directory.appendingPathComponent("latin1.yaml"))
            let result = try StepgradProcess.run(["explain", "latin1.yaml"], in: directory)
            #expect(result.status == 2)
            #expect(result.error == "stepgrad: latin1.yaml:3:21: the file is not UTF-8 text: the byte at offset 44 (0xE9) is not valid UTF-8\n",
                    "\(result.error)")
        }
    }

    @Test func theGradientCheckCallsInfinityAndNaNDisagreement() throws {
        try withDirectory { directory in
            try """
                convention: Wx
                input: [1e200, 1e200]
                target: [0, 0]
                layers:
                  - units: 2
                    activation: identity
                    weights: [[1e200, 1], [1, 1e200]]
                loss: sse
                """.write(to: directory.appendingPathComponent("huge.yaml"), atomically: true, encoding: .utf8)
            let result = try StepgradProcess.run(["explain", "huge.yaml", "--check-gradients"], in: directory)
            #expect(result.status == 0, "\(result.error)")
            let check = try #require(result.output.components(separatedBy: "GRADIENT CHECK").last)
            #expect(check.contains("DISAGREES") && !check.contains("agrees"), "\(check)")
        }
    }
}
