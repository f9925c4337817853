import ArgumentParser
import StepgradEngine
import StepgradNotation
import StepgradRender
import StepgradScenario

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write out training iterations as a worked solution.",
        discussion: """
            For every operation: its formula, the matrices multiplied out, each element's arithmetic \
            and any remark a student needs (such as the ŷ − y shortcut not holding). Text is for the \
            terminal, Markdown for answer keys on GitHub, LaTeX for printed ones.

            JSON gives every value at full precision under "values" (per-sample quantities as one row \
            per sample, parameters in the scenario's layout, biases as flat lists) and the trace with \
            each element's expansion; NaN and infinities are written as the strings "NaN", "Infinity" \
            and "-Infinity".
            """)

    @Argument(help: "A scenario file, or the name of a bundled exercise (see 'stepgrad examples').",
              completion: Completion.scenario)
    var scenario: String

    @Option(help: "Output format.")
    var format: SolutionFormat = .text

    @Option(help: ArgumentHelp("Training iterations to work through, each from the parameters the last one left "
        + "(1-100000); each is written as soon as it is worked, in the memory of a few."))
    var iterations = 1

    @Option(help: "The first iteration to work through (1-1000000); the ones before it are trained without being shown.")
    var from = 1

    @Option(help: ArgumentHelp("Force this many decimal places (0-15) on every number shown, marking with † the lines that "
        + "then do not add up; by default each line has the significant figures it needs to add up. JSON values are exact."))
    var decimals: Int?

    @Flag(help: "With --format latex, write a complete document that compiles with pdflatex.")
    var standalone = false

    @Flag(help: "Check every gradient against central differences and append the largest errors.")
    var checkGradients = false

    @Flag(help: "Draw matrix brackets and rules in ASCII (text format).")
    var ascii = false

    @Flag(help: ArgumentHelp("Write out every matrix and element. By default a matrix of more than 100 numbers is shown "
        + "by its shape, and of an operation with one only the first 8 elements are worked."))
    var full = false

    func validate() throws {
        guard (1...100_000).contains(iterations) else {
            throw ValidationError("--iterations must be between 1 and 100000, not \(iterations)")
        }
        guard (1...1_000_000).contains(from) else { throw ValidationError("--from must be between 1 and 1000000, not \(from)") }
        if let decimals, !(0...15).contains(decimals) {
            throw ValidationError("--decimals must be between 0 and 15, not \(decimals)")
        }
        if standalone && format != .latex { throw ValidationError("--standalone goes with --format latex") }
    }

    func run() throws {
        let renderer = SolutionRenderer(format: format, style: decimals.map(NumberStyle.init(decimals:)) ?? NumberStyle(), standalone: standalone,
                                        checkGradients: checkGradients, ascii: ascii, extent: Extent(full: full))
        let loaded = try ScenarioLoader.load(path: try Exercises.resolve(scenario))
        // Summarised, an operation writes out a few lines whatever its size, and iterations are
        // written one at a time: only --full writes out terms in proportion to the network.
        try WorkBudget.check(loaded, command: "explain", iterations: full ? iterations : 0, trainedFirst: from - 1,
                             gradientCheck: checkGradients)
        renderer.write(loaded, iterations: iterations, from: from) { print($0, terminator: "") }
    }
}
