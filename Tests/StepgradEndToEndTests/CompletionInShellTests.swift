import Foundation
import Testing
import StepgradScenario

/// The generated completion scripts at work in a real bash and a real zsh, driven through tmux
/// as a person presses TAB: example names, scenario and answer files, and directories to walk into.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable && StepgradProcess.executable != nil, "needs tmux and stepgrad built"))
struct CompletionInShellTests {
    struct Shell {
        var name: String
        var command: String
        var prompt: String
        /// Loads the completion script at `script` with the binary's folder first on PATH.
        var setup: @Sendable (_ script: String, _ folder: String) -> String
        /// bash lists the candidates at the second TAB, zsh at the first.
        var listingTabs: Int
    }

    static func isInstalled(_ shell: String) -> Bool {
        ["/bin/", "/usr/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + shell) }
    }

    @Test(.enabled(if: isInstalled("zsh"), "zsh is not installed (apt-get install zsh)"))
    func zsh() throws {
        try tabOffersExamplesAndFiles(Shell(name: "zsh", command: "zsh -f", prompt: "% ", setup: { script, folder in
            "PS1='%% '; PATH='\(folder)':$PATH; fpath=('\((script as NSString).deletingLastPathComponent)' $fpath); "
                + "autoload -Uz compinit; compinit -u -D; clear"
        }, listingTabs: 1))
    }

    @Test(.enabled(if: isInstalled("bash"), "bash is not installed"))
    func bash() throws {
        try tabOffersExamplesAndFiles(Shell(name: "bash", command: "bash --norc --noprofile", prompt: "$ ", setup: { script, folder in
            "PS1='$ '; PATH='\(folder)':$PATH; source '\(script)'; clear"
        }, listingTabs: 2))
    }

    func tabOffersExamplesAndFiles(_ shell: Shell) throws {
        let binary = try #require(StepgradProcess.executable)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-shell-\(UUID().uuidString)")
        let work = directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("homework"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["quiz.yaml", "net.json", "notes.txt", "answers.yml", "homework/hw1.yaml"] {
            try Data().write(to: work.appendingPathComponent(name))
        }
        // zsh finds a completion function by its file name, _stepgrad, on fpath.
        let script = directory.appendingPathComponent(shell.name == "zsh" ? "_stepgrad" : "stepgrad.bash").path
        try StepgradProcess.run(["--generate-completion-script", shell.name]).output
            .write(toFile: script, atomically: true, encoding: .utf8)

        let tmux = try TmuxSession(width: 120, height: 30, command: "cd '\(work.path)' && exec \(shell.command)")
        defer { tmux.close() }
        try tmux.run(shell.setup(script, binary.deletingLastPathComponent().path))
        try tmux.waitForLine(String(shell.prompt.dropLast()))   // tmux trims the blank

        // One TAB completes a single candidate; the X typed after it shows where the cursor was left.
        for (typed, completed) in [("stepgrad explain xo", "stepgrad explain xor-tanh X"),
                                   ("stepgrad open q", "stepgrad open quiz.yaml X"),
                                   ("stepgrad open h", "stepgrad open homework/X"),
                                   ("stepgrad open homework/h", "stepgrad open homework/hw1.yaml X"),
                                   ("stepgrad check quiz.yaml --answers an", "stepgrad check quiz.yaml --answers answers.yml X"),
                                   ("stepgrad grade quiz.yaml a", "stepgrad grade quiz.yaml answers.yml X")] {
            try tmux.type(typed)
            try tmux.sendKeys("Tab")
            try tmux.type("X")
            try tmux.waitForLine(shell.prompt + completed)
            try tmux.sendKeys("C-u")
        }

        // TAB on an empty word lists every example name and the scenario files, not other files.
        try tmux.run("clear")
        try tmux.waitForLine(String(shell.prompt.dropLast()))   // tmux trims the blank
        try tmux.type("stepgrad explain ")
        for _ in 0..<shell.listingTabs { try tmux.sendKeys("Tab") }
        try tmux.waitForText("xor-tanh")
        let listed = Set(try tmux.screen().dropFirst().flatMap { $0.split(separator: " ").map(String.init) })
        #expect(listed.isSuperset(of: Exercises.all.map(\.name) + ["quiz.yaml", "net.json", "answers.yml"]), "\(listed)")
        #expect(listed.contains { $0.hasPrefix("homework/") }, "\(listed)")
        #expect(!listed.contains("notes.txt"), "\(listed)")
    }
}
