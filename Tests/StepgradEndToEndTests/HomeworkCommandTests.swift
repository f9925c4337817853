import Foundation
import StepgradScenario
import Testing

/// `stepgrad check`, `grade` and `new` as a student and a lecturer run them.
@Suite struct HomeworkCommandTests {
    static let assets = Exercises.assetsDirectory ?? "Assets"
    static let hw1 = "\(assets)/answers/relu-softmax-3-4-3.seed-000.yaml"
    static let hw2 = "\(assets)/answers/softmax-regression.seed-003.yaml"

    /// A scratch directory, removed afterwards.
    func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-homework-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    @Test func checkFindsTheMistakesOfTheFirstSeed() throws {
        let result = try StepgradProcess.run(["check", "relu-softmax-3-4-3", "--answers", Self.hw1])
        #expect(result.status == 1)
        #expect(result.error == "")
        for line in ["✗ z2    wrong: 1 of 3 elements",
                     "    z₂[1]: you wrote −0.445",
                     "        expected          z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495",
                     "    → The loss was computed with the target (1, 0, 0) instead of y = (1, 1, 0):",
                     "    dW₂[1,3]: you wrote −0.734",
                     "↪ dW1   carried forward: right given your dz₁"] {
            #expect(result.output.contains(line + "\n"), "missing: \(line)")
        }
    }

    @Test func checkAsJSON() throws {
        let result = try StepgradProcess.run(["check", "softmax-regression", "--answers", Self.hw2, "--format", "json"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["summary"] as? [String: Int] == ["correct": 1, "carried-forward": 4, "wrong": 2])
        let quantities = try #require(document["quantities"] as? [[String: Any]])
        let dW1 = try #require(quantities.first { $0["name"] as? String == "dW1" })
        #expect((dW1["diagnoses"] as? [[String: Any]])?.first?["kind"] as? String == "transposed")
    }

    @Test func rightAnswersInTheScenarioExitZero() throws {
        try withDirectory { directory in
            let exercise = try String(contentsOfFile: "\(Self.assets)/exercises/02-softmax-regression.yaml", encoding: .utf8)
            let file = directory.appendingPathComponent("hw.yaml")
            // By hand: z = Wᵀx + b = (−1.4, −1.3, 4.1); ŷ = (0.0041, 0.0045, 0.9915).
            try (exercise + "answers:\n  z1: [-1.4, -1.3, 4.1]\n  a1: [0.0041, 0.0045, 0.9915]\n")
                .write(to: file, atomically: true, encoding: .utf8)
            let result = try StepgradProcess.run(["check", file.path])
            #expect(result.status == 0, "\(result.output)\(result.error)")
            #expect(result.output.contains("2 given: 2 correct, 0 carried forward, 0 wrong.\n"))
        }
    }

    @Test(arguments: [
        ("z1: [1.2, -1.15, 0.15, 0.9]\nhidden1: [1, 2, 3, 4]\n", "answers.yaml:2:1: unknown quantity 'hidden1'"),
        ("z1: [1.2, -1.15, 0.15]\n", "answers.yaml:1:5: 'z1' is 1×3, but z1 is 1×4"),
        ("z1: [1.2, twelve, 0.15, 0.9]\n", "answers.yaml:1:11: expected a number for 'z1'"),
    ])
    func invalidAnswersAreOneLineAndExitTwo(_ text: String, _ message: String) throws {
        try withDirectory { directory in
            try text.write(to: directory.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
            let result = try StepgradProcess.run(["check", "relu-softmax-3-4-3", "--answers", "answers.yaml"], in: directory)
            #expect(result.status == 2)
            #expect(result.output == "")
            #expect(result.error.hasPrefix("stepgrad: " + message), "\(result.error)")
            #expect(result.error.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func noAnswersAtAllIsInvalidInput() throws {
        let result = try StepgradProcess.run(["check", "relu-softmax-3-4-3"])
        #expect(result.status == 2)
        #expect(result.error.contains("no answers to check"))
    }

    @Test func gradeMarksEachSubmissionAndSkipsBrokenOnes() throws {
        try withDirectory { directory in
            try "z1: [1.2, -1.15, 0.15, 0.9]\nz2: [0.195, -0.495, 0.465]\n"
                .write(to: directory.appendingPathComponent("ana.yaml"), atomically: true, encoding: .utf8)
            try "z1: [1.2, -1.15\n".write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
            let arguments = ["grade", "relu-softmax-3-4-3", Self.hw1, "ana.yaml", "broken.yaml", "--quantities", "z1,z2,loss,dW1"]
            let table = try StepgradProcess.run(arguments, in: directory)
            #expect(table.status == 1)
            #expect(table.output.contains("relu-softmax-3-4-3.seed-000  ✓   ✗   ✗     ↪    2/4\n"), "\(table.output)")
            #expect(table.output.contains("ana                          ✓   ✓   ·     ·    2/4\n"))
            #expect(table.output.contains("Skipped broken: broken.yaml:"))

            let csv = try StepgradProcess.run(arguments + ["--csv"], in: directory)
            #expect(csv.status == 1)
            #expect(csv.output.hasPrefix("submission,z1,z2,loss,dW1,marks,out of,error\r\n"
                                         + "relu-softmax-3-4-3.seed-000,correct,wrong,wrong,carried-forward,2,4,\r\n"
                                         + "ana,correct,correct,missing,missing,2,4,\r\nbroken,,,,,,4,"))
            #expect(csv.error.hasPrefix("stepgrad: skipped broken: broken.yaml:"))
        }
    }

    @Test func newIsDeterministicSaysWhenItRedrawsAndLoads() throws {
        try withDirectory { directory in
            let arguments = ["new", "--layers", "3-2-3", "--activations", "relu,softmax", "--loss", "cross-entropy",
                             "--decimals", "1", "--seed", "0"]
            let first = try StepgradProcess.run(arguments), second = try StepgradProcess.run(arguments)
            #expect(first.status == 0)
            #expect(first.output == second.output)
            #expect(first.error.contains("stepgrad: seed 0, draw 1 rejected: every ReLU of layer 1 is dead; drawing again\n"))
            #expect(first.error.hasSuffix("stepgrad: seed 0: using draw 4\n"))

            let written = try StepgradProcess.run(arguments + ["--output", "quiz.yaml"], in: directory)
            #expect(written.status == 0 && written.output == "")
            let scenario = try ScenarioLoader.load(path: directory.appendingPathComponent("quiz.yaml").path)
            #expect(scenario.network.layers.map(\.units) == [2, 3])
            #expect(scenario.batch.target.elements.sorted() == [0, 0, 1])
        }
    }

    @Test(arguments: [
        (["--layers", "3-x-3", "--activations", "relu,softmax"], "--layers: '3-x-3'"),
        (["--layers", "3-4-3", "--activations", "relu"], "--activations: 2 layer(s) need 2 activation(s), got 1"),
        (["--layers", "3-4-3", "--activations", "relu,swish"], "--activations: 'swish' is none of"),
    ])
    func newRefusesBadOptions(_ options: [String], _ message: String) throws {
        let result = try StepgradProcess.run(["new", "--loss", "cross-entropy", "--seed", "1"] + options)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("stepgrad: " + message), "\(result.error)")
    }

    // MARK: Answer keys compile

    static let pdflatex = ProcessInfo.processInfo.environment["PATH", default: "/usr/bin"]
        .split(separator: ":").map { "\($0)/pdflatex" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Compiles `latex` and returns pdflatex's error lines (`!`), empty when it built a PDF.
    func pdflatexErrors(_ latex: String, in directory: URL) throws -> [String] {
        try latex.write(to: directory.appendingPathComponent("key.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.pdflatex))
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "key.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent("key.log"), encoding: .utf8)) ?? "no log"
        let errors = log.components(separatedBy: "\n").filter { $0.hasPrefix("!") }
        let pdf = FileManager.default.fileExists(atPath: directory.appendingPathComponent("key.pdf").path)
        return process.terminationStatus == 0 && pdf ? errors : errors + ["pdflatex exit \(process.terminationStatus)"]
    }

    @Test(.enabled(if: pdflatex != nil, "pdflatex not found: install texlive-latex-base and texlive-latex-recommended"),
          arguments: Exercises.all.map(\.name))
    func theAnswerKeyOfEachBundledExerciseCompiles(_ name: String) throws {
        let key = try StepgradProcess.run(["explain", name, "--format", "latex", "--standalone"])
        #expect(key.status == 0)
        try withDirectory { directory in
            let errors = try pdflatexErrors(key.output, in: directory)
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test(.enabled(if: pdflatex != nil, "pdflatex not found: install texlive-latex-base and texlive-latex-recommended"))
    func aNewExerciseComesWithAnAnswerKeyThatCompiles() throws {
        try withDirectory { directory in
            let result = try StepgradProcess.run(["new", "--layers", "2-3-2", "--activations", "tanh,sigmoid", "--loss", "mse",
                                                  "--decimals", "2", "--seed", "9", "--bias", "--convention", "WTx",
                                                  "--output", "quiz.yaml", "--answer-key", "quiz.tex"], in: directory)
            #expect(result.status == 0, "\(result.error)")
            let key = try String(contentsOf: directory.appendingPathComponent("quiz.tex"), encoding: .utf8)
            #expect(key.hasPrefix("\\documentclass"))
            let errors = try pdflatexErrors(key, in: directory)
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test(.enabled(if: pdflatex != nil, "pdflatex not found: install texlive-latex-base and texlive-latex-recommended"))
    func aLaTeXErrorIsCaught() throws {
        try withDirectory { directory in
            let errors = try pdflatexErrors("\\documentclass{article}\\begin{document}$\\undefinedmacro$\\end{document}\n", in: directory)
            #expect(errors.contains { $0.contains("Undefined control sequence") })
        }
    }

    @Test func bundledExercisesAreThere() {
        // Guards the parameterized test above against running over nothing.
        #expect(Exercises.all.count >= 2)
    }
}
