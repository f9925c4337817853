import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func rootHelp() throws {
        let result = try StepgradProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.output == """
            OVERVIEW: Watch a small neural network learn, one step at a time.

            Every value of an iteration (forward, loss, backward, update) is shown with its
            formula and the arithmetic a student writes on paper, so that hand-computed
            homework can be checked step by step and answer keys written without slips.

            A FILE of '-' is read from standard input (not for open, which reads keys
            there).

            Environment: STEPGRAD_STATE_DIR (where sessions are saved; default
            $XDG_STATE_HOME/stepgrad when XDG_STATE_HOME is an absolute path, else
            ~/.local/state/stepgrad), STEPGRAD_ASSETS (the directory of the bundled
            exercises), NO_COLOR (set and not empty: no colour), COLORTERM (truecolor or
            24bit: exact colours), TERM (the terminal's capabilities).

            USAGE: stepgrad <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              open (default)          Step through a network's training full-screen.
              serve                   Lecture over SSH: students follow on their terminals.
              replay                  Replay a recorded lecture at any size, in any theme.
              explain                 Write out training iterations as a worked solution.
              train                   Train a scenario with data, headless, and report loss
                                      and accuracy per epoch.
              examples                List the bundled exercises and training examples.
              check                   Judge hand-computed answers as a fair marker does.
              grade                   Mark many answer files against one exercise.
              new                     Make a new exercise with friendly numbers.

              See 'stepgrad help <subcommand>' for detailed help.

            """)
    }

    @Test func explainHelp() throws {
        let result = try StepgradProcess.run(["explain", "--help"])
        #expect(result.status == 0)
        #expect(result.output == """
            OVERVIEW: Write out training iterations as a worked solution.

            For every operation: its formula, the matrices multiplied out, each element's
            arithmetic and any remark a student needs (such as the ŷ − y shortcut not
            holding). Text is for the terminal, Markdown for answer keys on GitHub, LaTeX
            for printed ones.

            JSON gives every value at full precision under "values" (per-sample quantities
            as one row per sample, parameters in the scenario's layout, biases as flat
            lists) and the trace with each element's expansion; NaN and infinities are
            written as the strings "NaN", "Infinity" and "-Infinity".

            USAGE: stepgrad explain <scenario> [--format <format>] [--iterations <iterations>] [--from <from>] [--decimals <decimals>] [--standalone] [--check-gradients] [--ascii] [--full]

            ARGUMENTS:
              <scenario>              A scenario file, or the name of a bundled exercise
                                      (see 'stepgrad examples').

            OPTIONS:
              --format <format>       Output format. (values: text, markdown, latex, json;
                                      default: text)
              --iterations <iterations>
                                      Training iterations to work through, each from the
                                      parameters the last one left (1-100000); each is
                                      written as soon as it is worked, in the memory of a
                                      few. (default: 1)
              --from <from>           The first iteration to work through (1-1000000); the
                                      ones before it are trained without being shown.
                                      (default: 1)
              --decimals <decimals>   Force this many decimal places (0-15) on every number
                                      shown, marking with † the lines that then do not add
                                      up; by default each line has the significant figures
                                      it needs to add up. JSON values are exact.
              --standalone            With --format latex, write a complete document that
                                      compiles with pdflatex.
              --check-gradients       Check every gradient against central differences and
                                      append the largest errors.
              --ascii                 Draw matrix brackets and rules in ASCII (text format).
              --full                  Write out every matrix and element. By default a
                                      matrix of more than 100 numbers is shown by its
                                      shape, and of an operation with one only the first 8
                                      elements are worked.
              --version               Show the version.
              -h, --help              Show help information.


            """)
    }

    @Test func version() throws {
        let result = try StepgradProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "stepgrad 0.1.0\n")
    }

    @Test(arguments: [
        (["explain", "x", "--bogus"], "stepgrad: Unknown option '--bogus'\n"),
        (["explain"], "stepgrad: Missing expected argument '<scenario>'\n"),
        (["explain", "x", "--iterations", "0"], "stepgrad: --iterations must be between 1 and 100000, not 0\n"),
        (["explain", "x", "--decimals", "16"], "stepgrad: --decimals must be between 0 and 15, not 16\n"),
        (["explain", "x", "--standalone"], "stepgrad: --standalone goes with --format latex\n"),
        (["explain", "x", "--format", "pdf"], "stepgrad: The value 'pdf' is invalid for '--format <format>'. "
            + "Please provide one of 'text', 'markdown', 'latex' or 'json'.\n"),
        (["--bogus"], "stepgrad: Unknown option '--bogus'\n"),
        (["open", "x", "y"], "stepgrad: Unexpected argument 'y'\n"),
    ])
    func badFlagsAreOneLineAndExitTwo(_ arguments: [String], _ message: String) throws {
        let result = try StepgradProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.error == message)
        #expect(result.output == "")
    }
}
