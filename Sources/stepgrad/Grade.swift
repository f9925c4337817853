import ArgumentParser
import Foundation
import StepgradEngine
import StepgradHomework
import StepgradScenario

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark many answer files against one exercise.",
        discussion: """
            Each submission is checked as 'stepgrad check' does, and every quantity marked correct, \
            carried forward, wrong or missing. Marks: one per quantity; correct and carried forward \
            earn it (follow-through credit), wrong — even one slipped element — and missing do not. \
            By default every quantity of a worked solution is marked; --quantities names the ones \
            the exercise asks for.

            A submission that cannot be read is reported (under the table, or on standard error with \
            --csv) and skipped; the others are still marked. Exit status: 0 when every submission was marked, 1 when some were \
            skipped, 2 when the exercise or the options are invalid.
            """)

    @Argument(help: "A scenario file, or the name of a bundled exercise.", completion: Completion.scenario)
    var exercise: String

    @Argument(help: "Answer files, one per student.", completion: Completion.answers)
    var submissions: [String]

    @Option(help: "Quantities to mark, comma-separated (e.g. z1,a1,loss,dW1); default: a whole worked solution.")
    var quantities: String?

    @Flag(help: "Write CSV for a spreadsheet instead of a table (the same as --format csv).")
    var csv = false

    @Option(help: "Output format: a table, CSV for a spreadsheet, or JSON for a program.")
    var format: GradeFormat = .text

    enum GradeFormat: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json
    }

    func validate() throws {
        guard !submissions.isEmpty else { throw ValidationError("give at least one answer file to grade") }
        if csv && format != .text && format != .csv { throw ValidationError("--csv and --format \(format.rawValue) disagree") }
    }

    func run() throws {
        let scenario = try readingUserFiles { try ScenarioLoader.load(path: try Exercises.resolve(exercise)) }
        try WorkBudget.check(scenario, command: "grade")
        let marked = try quantities.map(parse)
        let grader = try readingUserFiles { try Grader(scenario: scenario, quantities: marked) }
        let names = Self.names(submissions)
        let report = grader.grade(zip(submissions, names).map { path, name in
            Grader.Submission(name: name) { try AnswersLoader.load(path: path, for: scenario) }
        })
        let format = csv ? .csv : format
        print(format == .csv ? report.csv() : format == .json ? report.json() : report.text(), terminator: "")
        // The table lists skipped files under it; a spreadsheet row is easy to miss, so say it here too.
        for skip in report.skipped where format == .csv {
            FileHandle.standardError.write(Data("stepgrad: skipped \(skip.name): \(skip.reason)\n".utf8))
        }
        if !report.skipped.isEmpty { throw ExitCode(1) }
    }

    private func parse(_ list: String) throws -> [Quantity] {
        try list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.map { name in
            guard let quantity = Quantity(name: name) else {
                throw ScenarioError(message: "--quantities: '\(name)' is not a quantity name (like z1, a1, loss, dz2, dW1, W1_new)")
            }
            return quantity
        }
    }

    /// A row name per submission: the file name without extension, or the path as given when
    /// two submissions share a file name.
    static func names(_ paths: [String]) -> [String] {
        let stems = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        return zip(paths, stems).map { path, stem in stems.filter { $0 == stem }.count > 1 ? path : stem }
    }
}
