import ArgumentParser
import Foundation
import StepgradScenario
import StepgradSession
import StepgradTerminal
import StepgradUI
import TerminalUI

/// `stepgrad open`: the full-screen view of a scenario, stepping through its training.
struct Open: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Step through a network's training full-screen.",
        discussion: """
            Opens a scenario file, or a bundled exercise by name (default: the first one), and shows \
            every value of each iteration as it is computed: forward, loss, backward, update, each with \
            its formula and arithmetic. Answers given (an answers: section, or --answers) are shown \
            beside the first iteration's values, wrong ones marked, with the checker's diagnosis in the \
            inspector. Press ? for the keys. The session is saved when you quit (or the terminal goes \
            away) and picked up again with --resume. With --quiz you are asked for each value \
            before it is revealed; --record FILE keeps the session for 'stepgrad replay'.

            Environment: STEPGRAD_STATE_DIR, XDG_STATE_HOME (where sessions are saved), NO_COLOR, \
            COLORTERM, TERM (see 'stepgrad --help').
            """)

    @Argument(help: ArgumentHelp("A scenario file or the name of a bundled exercise (see 'stepgrad examples').",
                                 valueName: "file|example"), completion: Completion.scenario)
    var scenario: String?

    @Option(help: "Colours: dark, light, high-contrast or mono (default: from the terminal; high-contrast with --present).")
    var theme: ThemeName?

    @Flag(help: "Presentation mode: fewer, larger panels and the formula prominent, for a projector.")
    var present = false

    @Option(help: "How far one step goes: phase, operation or element.")
    var granularity: Granularity?

    @Option(help: ArgumentHelp("Play speed, in steps per second (0.25 to 1000).", valueName: "steps-per-second"))
    var speed: Double?

    @Option(help: "Decimal places forced on every number shown (0 to 15; default: significant figures, as explain prints them).")
    var decimals: Int?

    @Flag(help: "Carry on where the last session on this scenario stopped.")
    var resume = false

    @Option(help: ArgumentHelp("A student's answers to mark beside the true values, as for 'stepgrad check' "
                               + "(default: the scenario's answers: section).", valueName: "file"),
            completion: Completion.answers)
    var answers: String?

    @Flag(help: "Quiz: before each step reveals a value, type what you expect it to be; answers are marked as 'stepgrad check' marks them and a score is kept.")
    var quiz = false

    @Option(help: ArgumentHelp("Record the session into this new file, for 'stepgrad replay'.", valueName: "file"))
    var record: String?

    enum ThemeName: String, CaseIterable, ExpressibleByArgument {
        case dark, light, highContrast = "high-contrast", mono
    }

    func validate() throws {
        if let speed, !(0.25...1000).contains(speed) {
            throw ValidationError("--speed must be between 0.25 and 1000 steps per second, not \(speed).")
        }
        if let decimals, !(0...15).contains(decimals) {
            throw ValidationError("--decimals must be between 0 and 15, not \(decimals).")
        }
    }

    func run() async throws {
        guard scenario != "-" else {
            throw ValidationError("open reads keys from standard input, so it cannot read the scenario there; give a file")
        }
        let path = try scenario.map(Exercises.resolve) ?? firstExercise()
        let loaded = try load(path)
        let outcome = try await show(loaded)
        guard outcome == .quit else { throw ExitCode(outcome.exitStatus) }
    }

    /// The scenario, with the answers file in place of its own answers when one was given (also on reload).
    private func load(_ path: String) throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: path)
        try WorkBudget.check(scenario, command: "open")
        if let answers { scenario.answers = try AnswersLoader.load(path: answers, for: scenario) }
        return scenario
    }

    private func firstExercise() throws -> String {
        guard let first = Exercises.all.first else {
            throw ScenarioError(message: "no bundled exercises were found (set STEPGRAD_ASSETS to stepgrad's Assets directory)")
        }
        return first.path
    }

    /// Runs the screen until the user quits or the terminal goes, then saves the session.
    @MainActor private func show(_ scenario: Scenario) async throws -> TerminalOutcome {
        let runner = try TerminalRunner.forCommand()
        let options = runner.options(theme: theme, presenting: present, decimals: decimals)
        // A scenario with data opens on its training; its passes open from there.
        if let training = TrainingScreen(scenario: scenario, options: options) {
            return try await runner.run(training)
        }
        let session: TrainingSession, restored: RestoreOutcome?
        if resume {
            (session, restored) = TrainingSession.resume(scenario, loader: load)
        } else {
            (session, restored) = (TrainingSession(scenario: scenario, loader: load), nil)
        }
        if let granularity { session.granularity = granularity }
        if let speed { session.speed = speed }
        let screen = SessionScreen(session: session, options: options)
        switch restored {
        case .resumed(let iteration): screen.notify("Resumed at iteration \(iteration).")
        case .freshStart(.missing): screen.notify("No saved session for this scenario: starting at iteration 1.")
        case .freshStart(let problem): screen.notify("Starting afresh: \(problem)", isError: true)
        case nil: break
        }
        if quiz {
            screen.startQuiz()
            screen.notify("Quiz: step on, and type each value before it is revealed.")
        }
        let recorder = try record.map { try SessionRecorder.start(session, path: $0) }
        let outcome: TerminalOutcome
        if let recorder {
            outcome = try await runner.run(Recorded(screen, recorder: recorder))
        } else {
            outcome = try await runner.run(screen)
        }
        recorder?.close()
        screen.saveForExit()
        if let score = screen.quizScore {
            print("Quiz: \(score.right) of \(score.asked) right.")
        }
        if let message = screen.closingMessage {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            // Quitting promised a save; a signal's own exit status stands.
            if outcome == .quit { throw ExitCode.failure }
        }
        return outcome
    }
}

extension Granularity: ExpressibleByArgument {}
