import Foundation
import StepgradEngine
import StepgradNotation

extension CheckReport {
    /// The report for programs: every element with its verdict, numbers and arithmetic, and each
    /// diagnosis with a stable `kind`.
    public func json(style: NumberStyle = NumberStyle()) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // As the other JSON stepgrad writes: a diverging exercise has NaN and infinities, which JSON cannot hold.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // Every field is a string, number, Boolean or array of them, so encoding cannot fail.
        let data = (try? encoder.encode(Document(self, style: style))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct Document: Encodable {
    var title: String
    var exercise: String?
    var answers: String?
    var correct: Bool
    var summary: [String: Int]
    var notGiven: [String]
    var quantities: [QuantityDocument]

    enum CodingKeys: String, CodingKey {
        case title, exercise, answers, correct, summary, quantities
        case notGiven = "not-given"
    }

    init(_ report: CheckReport, style: NumberStyle) {
        title = report.title
        exercise = report.exercisePath
        answers = report.answersPath
        correct = !report.hasMistakes
        summary = Dictionary(uniqueKeysWithValues: [Verdict.correct, .carriedForward, .wrong].map { v in
            (v.rawValue, report.results.filter { $0.verdict == v }.count)
        })
        notGiven = report.notGiven.map(\.name)
        quantities = report.results.map { QuantityDocument($0, report.context, style) }
    }
}

private struct QuantityDocument: Encodable {
    var name: String
    var verdict: String
    var line: Int?
    var writtenTransposed: Bool
    var carriedFrom: [String]
    var elements: [ElementDocument]
    var diagnoses: [DiagnosisDocument]

    enum CodingKeys: String, CodingKey {
        case name, verdict, line, elements, diagnoses
        case writtenTransposed = "written-transposed", carriedFrom = "carried-from"
    }

    init(_ result: QuantityResult, _ context: StepgradEngine.Operation.Context, _ style: NumberStyle) {
        name = result.quantity.name
        verdict = result.verdict.rawValue
        line = result.line
        writtenTransposed = result.writtenTransposed
        carriedFrom = result.carriedFrom.map(\.name)
        elements = result.elements.map { ElementDocument($0, context, style) }
        diagnoses = result.findings.map { DiagnosisDocument($0, result.quantity, context, style) }
    }
}

private struct ElementDocument: Encodable {
    var index: [Int]
    var written: Double
    var decimals: Int
    var verdict: String
    var expected: Double
    var allowance: Double
    var equation: String
    var carriedForward: Recomputed?

    struct Recomputed: Encodable {
        var value: Double
        var equation: String
    }

    enum CodingKeys: String, CodingKey {
        case index, written, decimals, verdict, expected, allowance, equation
        case carriedForward = "from-your-answers"
    }

    init(_ e: ElementResult, _ context: StepgradEngine.Operation.Context, _ style: NumberStyle) {
        func equation(_ element: Element) -> String {
            element.equation(style: style, outputLayer: context.outputLayer, batch: context.batch)
        }
        index = [e.cell.row, e.cell.column]
        written = e.written
        decimals = e.decimals
        verdict = e.verdict.rawValue
        expected = e.expected
        allowance = e.allowance
        self.equation = equation(e.expectedElement)
        carriedForward = e.carriedForward.map { Recomputed(value: $0.value, equation: equation($0)) }
    }
}

private struct DiagnosisDocument: Encodable {
    var kind: String
    var step: String
    var withYourValues: Bool
    var message: String
    var cells: [[Int]]?
    var target: [[Double]]?
    var misreads: [MisreadDocument]?

    struct MisreadDocument: Encodable {
        var quantity: String
        var index: [Int]
        var actual: Double
        var read: Double
    }

    enum CodingKeys: String, CodingKey {
        case kind, step, message, cells, target, misreads
        case withYourValues = "with-your-values"
    }

    init(_ f: Finding, _ q: Quantity, _ context: StepgradEngine.Operation.Context, _ style: NumberStyle) {
        kind = f.diagnosis.kind
        step = f.step.name
        withYourValues = f.withStudentValues
        message = f.explanation(of: q, context: context, style: style)
        switch f.diagnosis {
        case .signError(let cells): self.cells = cells.map { [$0.row, $0.column] }
        case .differentTarget(let used, _): target = used.rowList
        case .slip(let cell, let misreads):
            cells = [[cell.row, cell.column]]
            self.misreads = misreads.map {
                MisreadDocument(quantity: $0.reference.quantity.name, index: [$0.reference.cell.row, $0.reference.cell.column],
                                actual: $0.actual, read: $0.read)
            }
        default: break
        }
    }
}
