import ArgumentParser
import StepgradEngine
import StepgradNotation
import StepgradHomework
import StepgradScenario

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge hand-computed answers as a fair marker does.",
        discussion: """
            Each value you give is judged correct; carried forward, when it is wrong only because an \
            earlier answer of yours was (follow-through credit: it is recomputed from your own earlier \
            answers); or wrong. For a wrong value the common mistake behind it is named first where one \
            fits, then each wrong element it does not explain is shown beside the expected \
            arithmetic. The mistakes named: a transposed matrix, \
            a sign error, a missing activation derivative, the ŷ − y shortcut with a target that does \
            not sum to 1, updated weights used in backpropagation, a dropped bias, a loss computed \
            with another target, weight decay left out, a momentum buffer of μ·g + g at the first step, \
            Adam's bias correction forgotten, a slip in one element.

            Answers are keyed by quantity name (z1, a1, loss, dz2, dW1, W1_new, …), in the scenario's \
            answers: section or at the top level of a file given with --answers.

            A number written with d decimals is accepted within half a unit of its last place, another \
            half unit when the step rounds partial results (e^z, a product in a sum, η·g), and the \
            rounding your own earlier answers carry into it.

            Exit status: 0 when every value given is correct or carried forward, 1 when something is \
            wrong, 2 for invalid input.
            """)

    @Argument(help: "A scenario file, or the name of a bundled exercise (see 'stepgrad examples').",
              completion: Completion.scenario)
    var exercise: String

    @Option(help: "An answers file: quantity names at the top level, as in a scenario's answers: section.",
            completion: Completion.answers)
    var answers: String?

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    @Option(help: "Force this many decimal places (0-15) on the expected values shown, instead of explain's significant figures.")
    var decimals: Int?

    func validate() throws {
        if let decimals, !(0...15).contains(decimals) {
            throw ValidationError("--decimals must be between 0 and 15, not \(decimals)")
        }
    }

    func run() throws {
        let scenario = try readingUserFiles { try ScenarioLoader.load(path: try Exercises.resolve(exercise)) }
        try WorkBudget.check(scenario, command: "check")
        let given = try readingUserFiles { () throws -> Answers in
            if let answers { return try AnswersLoader.load(path: answers, for: scenario) }
            guard let section = scenario.answers else {
                throw ScenarioError(path: scenario.path ?? exercise, message: "no answers to check: "
                                    + "add an answers: section, or give an answers file with --answers")
            }
            return section
        }
        guard !given.values.isEmpty else {
            throw ScenarioError(path: given.path ?? exercise,
                                message: "no answers given; write one line per quantity, like 'z1: [1.2, 0, 0.15]'")
        }
        let report = try readingUserFiles { try Checker(scenario: scenario).check(given) }
        let style = decimals.map(NumberStyle.init(decimals:)) ?? NumberStyle()
        print(format == .json ? report.json(style: style) : report.text(style: style), terminator: "")
        if report.hasMistakes { throw ExitCode(1) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Runs `body`, reporting an answers file that cannot be judged like any other problem with a
/// file the user gave: one located line, exit status 2.
func readingUserFiles<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AnswerError {
        throw ScenarioError(path: error.path, line: error.line, message: (error.key.map { "\($0): " } ?? "") + error.message)
    }
}
