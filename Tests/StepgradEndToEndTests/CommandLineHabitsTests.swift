import Foundation
import Testing
import StepgradScenario

/// The habits of a good command-line tool: `-` for standard input, JSON where a program reads
/// the output, completions that know stepgrad's files and examples, the environment in --help.
@Suite(.enabled(if: StepgradProcess.executable != nil, "build stepgrad first"))
struct CommandLineHabitsTests {
    static let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/exercises/01-relu-softmax-3-4-3.yaml").standardizedFileURL
    static let answers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/answers/relu-softmax-3-4-3.seed-000.yaml").standardizedFileURL

    @Test func aDashReadsTheScenarioFromStandardInput() throws {
        let fromFile = try StepgradProcess.run(["explain", Self.exercise.path])
        let fromInput = try StepgradProcess.run(["explain", "-"], input: try Data(contentsOf: Self.exercise))
        #expect(fromInput.status == 0 && fromInput.error.isEmpty, "\(fromInput.error)")
        // The same worked solution; only the title, taken from the file name, may differ.
        let body = { (text: String) in text.split(separator: "\n").dropFirst(2).joined(separator: "\n") }
        #expect(body(fromInput.output) == body(fromFile.output) && !fromInput.output.isEmpty)

        let broken = try StepgradProcess.run(["explain", "-"], input: Data("layers: [\n".utf8))
        #expect(broken.status == 2 && broken.error.hasPrefix("stepgrad: -:"), "\(broken.error)")
    }

    @Test func aDashReadsTheAnswersFromStandardInput() throws {
        let fromFile = try StepgradProcess.run(["check", "relu-softmax-3-4-3", "--answers", Self.answers.path, "--format", "json"])
        let fromInput = try StepgradProcess.run(["check", "relu-softmax-3-4-3", "--answers", "-", "--format", "json"],
                                                input: try Data(contentsOf: Self.answers))
        // The same judgement; only the answers file's name differs.
        let judged = { (json: String) in json.split(separator: "\n").filter { !$0.contains("\"answers\" :") } }
        #expect(fromInput.status == fromFile.status && judged(fromInput.output) == judged(fromFile.output))
        #expect(fromInput.output.contains("\"answers\" : \"-\"") && fromFile.output.count > 100)
    }

    @Test func openRefusesADashForItReadsKeysThere() throws {
        let result = try StepgradProcess.run(["open", "-"])
        #expect(result.status == 2 && result.error.contains("cannot read the scenario there"), "\(result.error)")
    }

    @Test func examplesInJSON() throws {
        let result = try StepgradProcess.run(["examples", "--format", "json"])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: String]])
        let all = Exercises.all + Exercises.trainingExamples
        #expect(list.map { $0["name"] } == all.map(\.name))
        #expect(list.map { $0["title"] } == all.map(\.title))
        #expect(list.map { $0["kind"] } == all.map { Exercises.trainingExamples.contains($0) ? "training" : "exercise" })
        #expect(list.allSatisfy { FileManager.default.fileExists(atPath: $0["path"] ?? "") })
    }

    @Test func gradeInJSON() throws {
        let result = try StepgradProcess.run(["grade", "relu-softmax-3-4-3", Self.answers.path, "--quantities", "z1,a1,loss",
                                              "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(report["quantities"] as? [String] == ["z1", "a1", "loss"] && report["out-of"] as? Int == 3)
        let submissions = try #require(report["submissions"] as? [[String: Any]])
        #expect(submissions.count == 1 && submissions[0]["name"] as? String == "relu-softmax-3-4-3.seed-000")
        // The same verdicts as the CSV gives.
        let csv = try StepgradProcess.run(["grade", "relu-softmax-3-4-3", Self.answers.path, "--quantities", "z1,a1,loss", "--csv"])
        let row = csv.output.components(separatedBy: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let verdicts = try #require(submissions[0]["verdicts"] as? [String: String])
        #expect([verdicts["z1"], verdicts["a1"], verdicts["loss"]] == [row[1], row[2], row[3]])
        #expect(submissions[0]["marks"] as? Int == Int(row[4]))
    }

    @Test func theEnvironmentIsListedInHelp() throws {
        let help = try StepgradProcess.run(["--help"]).output
        for variable in ["STEPGRAD_STATE_DIR", "XDG_STATE_HOME", "STEPGRAD_ASSETS", "NO_COLOR", "COLORTERM", "TERM"] {
            #expect(help.contains(variable), "\(variable)")
        }
    }

    // MARK: Completions

    /// Runs the generated bash completion for `words` (the last one being completed) in `directory`,
    /// as bash does at TAB: COMP_WORDS and friends set, the command, current and previous word as arguments.
    func bashCompletions(_ words: [String], in directory: URL) throws -> [String] {
        let binary = try #require(StepgradProcess.executable).path
        let script = try StepgradProcess.run(["--generate-completion-script", "bash"])
        try script.output.write(to: directory.appendingPathComponent("completion.bash"), atomically: true, encoding: .utf8)
        let quoted = ([binary] + words).map { "'\($0)'" }.joined(separator: " ")
        let program = """
            cd '\(directory.path)' || exit 1
            source ./completion.bash
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _stepgrad "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Subprocess.run("/bin/bash", ["-c", program], environment: ["PATH": "/usr/bin:/bin"],
                                        scratch: directory)
        return result.output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func withFiles(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("homework"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["quiz.yaml", "net.json", "notes.txt", "answers.yml"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        try body(directory)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
    func bashOffersScenarioFilesAndExampleNames() throws {
        try withFiles { directory in
            let scenario = try bashCompletions(["explain", ""], in: directory)
            #expect(Set(scenario).isSuperset(of: Exercises.all.map(\.name)))
            // A directory's slash bash adds itself, as it completes file names (`complete -o filenames`).
            #expect(Set(scenario).isSuperset(of: ["quiz.yaml", "net.json", "answers.yml", "homework"]))
            #expect(!scenario.contains("notes.txt") && !scenario.contains("completion.bash"))

            let prefixed = try bashCompletions(["open", "q"], in: directory)
            #expect(prefixed == ["quiz.yaml"])
            let example = try bashCompletions(["explain", "xor"], in: directory)
            #expect(example == Exercises.all.map(\.name).filter { $0.hasPrefix("xor") } && !example.isEmpty)

            let answers = try bashCompletions(["check", "quiz.yaml", "--answers", ""], in: directory)
            #expect(Set(answers) == ["quiz.yaml", "net.json", "answers.yml", "homework"])
            let submissions = try bashCompletions(["grade", "quiz.yaml", "a"], in: directory)
            #expect(submissions == ["answers.yml"])
        }
    }

    @Test func zshCompletionAsksStepgradForFilesAndExamples() throws {
        // The script hands these arguments to stepgrad's own completion (CompletionInShellTests runs it in zsh).
        let script = try StepgradProcess.run(["--generate-completion-script", "zsh"]).output
        #expect(script.hasPrefix("#compdef stepgrad"))
        for command in ["explain", "check", "grade", "open"] {
            #expect(script.contains("---completion \(command) -- "), "\(command)")
        }
        // And that completion (word 2 of `stepgrad explain ''`, cursor at 0) answers with files and names.
        try withFiles { directory in
            let result = try StepgradProcess.run(["---completion", "explain", "--", "positional@0", "2", "0", "stepgrad", "explain", ""],
                                                 in: directory)
            let offered = Set(result.output.split(separator: "\n").map(String.init))
            #expect(offered.isSuperset(of: Exercises.all.map(\.name) + ["quiz.yaml", "homework/"]), "\(offered)")
        }
    }
}
