import Foundation

extension GradeReport {
    /// The report for a program: `{"title", "quantities", "out-of", "submissions": [{"name",
    /// "verdicts": {quantity: verdict}, "marks"}], "skipped": [{"name", "reason"}]}`, verdicts
    /// as in the CSV (`correct`, `carried-forward`, `wrong`, `missing`).
    public func json() -> String {
        struct Submission: Encodable {
            var name: String
            var verdicts: [String: Verdict]
            var marks: Int
        }
        struct Skip: Encodable {
            var name: String
            var reason: String
        }
        struct Report: Encodable {
            var title: String
            var quantities: [String]
            var outOf: Int
            var submissions: [Submission]
            var skipped: [Skip]
            enum CodingKeys: String, CodingKey { case title, quantities, outOf = "out-of", submissions, skipped }
        }
        let report = Report(title: title, quantities: quantities.map(\.name), outOf: outOf,
                            submissions: rows.map { row in
                                Submission(name: row.name, verdicts: Dictionary(uniqueKeysWithValues: zip(quantities.map(\.name), row.verdicts)),
                                           marks: row.marks)
                            },
                            skipped: skipped.map { Skip(name: $0.name, reason: $0.reason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Everything here is strings and integers, which always encode.
        return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
    }
}

