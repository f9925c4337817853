import Glibc
import StepgradTerminal
import StepgradUI

// terminal-demo [--theme NAME] [--record FILE] [--allow-crash]
// Runs DemoProgram full-screen. With --record, writes the process id to FILE at the start and
// "outcome=… last=… events=…" when the run ends, for tests to read after the terminal is gone.

var arguments = CommandLine.arguments.dropFirst()
var themeName: String?
var recordPath: String?
var allowsCrash = false
while let argument = arguments.popFirst() {
    switch argument {
    case "--theme": themeName = arguments.popFirst()
    case "--record": recordPath = arguments.popFirst()
    case "--allow-crash": allowsCrash = true
    default:
        printError("terminal-demo: unknown argument \(argument)")
        exit(2)
    }
}

func printError(_ message: String) {
    let line = message + "\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
}

@MainActor func record(_ text: String) {
    guard let recordPath, let file = fopen(recordPath, "w") else { return }
    fputs(text + "\n", file)
    fclose(file)
}

do {
    let runner = try TerminalRunner()
    let depth = runner.capabilities.colourDepth
    let theme = themeName.flatMap(Theme.named) ?? .automatic(depth: depth, environment: [:])
    let program = DemoProgram(theme: theme, capabilities: runner.capabilities, allowsCrash: allowsCrash)
    record("pid=\(getpid())")
    let outcome = try await runner.run(program)
    record("pid=\(getpid()) outcome=\(outcome) last=\(program.lastEvent.map(DemoProgram.describe) ?? "none") events=\(program.events)")
    print("terminal-demo: \(outcome)")
    exit(outcome.exitStatus)
} catch {
    printError("\(error)")
    exit(1)
}
