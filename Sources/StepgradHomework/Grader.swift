import StepgradEngine
import StepgradScenario

/// Marks many answer files against one exercise.
///
/// Marks: one per quantity marked. A quantity earns its mark when it is correct or carried
/// forward (right given the student's own earlier answers, as a marker gives follow-through
/// credit); it earns nothing when wrong — even if only one element slipped — or missing.
/// By default every quantity of a worked solution is marked (`Checker.workedQuantities`);
/// a lecturer may name the ones the exercise asks for.
public struct Grader: Sendable {
    public let checker: Checker
    public let quantities: [Quantity]

    /// `quantities` must belong to the exercise; `nil` marks a whole worked solution.
    public init(scenario: Scenario, quantities: [Quantity]? = nil) throws(AnswerError) {
        checker = Checker(scenario: scenario)
        let known = Set(checker.quantities)
        for q in quantities ?? [] where !known.contains(q) {
            let hint = Suggestion.closest(to: q.name, among: checker.quantities.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            throw AnswerError(path: nil, line: nil, key: q.name, message: "not a quantity of this exercise" + hint)
        }
        self.quantities = quantities ?? checker.workedQuantities
    }

    /// A submission: its name in the table and how to read it. A submission that cannot be read or
    /// judged is reported and skipped; the others are still marked.
    public struct Submission {
        public var name: String
        public var load: () throws -> Answers
        public init(name: String, load: @escaping () throws -> Answers) {
            self.name = name
            self.load = load
        }
    }

    public func grade(_ submissions: [Submission]) -> GradeReport {
        var rows: [GradeReport.Row] = [], skipped: [GradeReport.Skipped] = []
        for submission in submissions {
            do {
                let report = try checker.check(try submission.load())
                let verdicts = quantities.map { report.result(for: $0)?.verdict ?? .missing }
                rows.append(GradeReport.Row(name: submission.name, verdicts: verdicts,
                                            marks: verdicts.filter(\.earnsMark).count))
            } catch {
                skipped.append(GradeReport.Skipped(name: submission.name, reason: "\(error)"))
            }
        }
        return GradeReport(title: checker.scenario.title, quantities: quantities, rows: rows, skipped: skipped)
    }
}

/// Submissions by quantity, with marks.
public struct GradeReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var name: String
        /// One per marked quantity, in the report's order.
        public var verdicts: [Verdict]
        public var marks: Int
    }

    public struct Skipped: Hashable, Sendable {
        public var name: String
        /// One line naming the file, line and key at fault.
        public var reason: String
    }

    public var title: String
    public var quantities: [Quantity]
    public var rows: [Row]
    public var skipped: [Skipped]

    /// Marks available per submission.
    public var outOf: Int { quantities.count }
}
