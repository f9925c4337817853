import Foundation
import StepgradEngine
import StepgradNotation
import StepgradRender
import StepgradScenario
import Testing

/// Every expanded line, worked by hand from the numbers it prints, gives the result it prints to
/// within half a unit of that result's last place: in text, Markdown and LaTeX, for every bundled
/// exercise, 200 random scenarios and the outputs saturated at the extremes, over three iterations. With `--decimals` forcing a coarser
/// precision, the lines marked † are exactly those that do not add up.
@Suite struct FaithfulLinesTests {
    static let iterations = 3

    static var scenarios: [Scenario] {
        get throws {
            try StepgradScenario.Exercises.all.map { try ScenarioLoader.load(path: $0.path) } + RandomScenarios.make(count: 200)
                + ExtremeScenarios.all
        }
    }

    struct Tally {
        var lines = 0, steps = 0, marked = 0, off: [String] = [], unmarkedOff: [String] = [], markedFine: [String] = []
        /// Matrix equations, counted apart.
        var displays = 0, markedDisplays: [String] = []
    }

    /// Reads the element lines of one rendering and works them; the count must match the trace's elements.
    static func work(_ solution: Solution, _ format: SolutionFormat, style: NumberStyle, into tally: inout Tally) throws {
        let output = SolutionRenderer(format: format, style: style).render(solution)
        let notation: PrintedArithmetic.Notation = format == .text ? .unicode : .latex
        let lines = format == .text ? PrintedLine.text(output) : PrintedLine.latex(output)
        let expected = solution.passes.map { $0.iteration.trace.operations.map(\.elementCount).reduce(0, +) }.reduce(0, +)
        guard lines.count == expected else {
            throw PrintedArithmetic.Failure(description: "\(solution.scenario.title) \(format): \(lines.count) element lines, \(expected) elements")
        }
        for line in lines {
            let (off, borderline) = try line.errors(notation)
            tally.lines += 1
            tally.steps += line.steps.count
            if line.marked { tally.marked += 1 }
            if !off.isEmpty { tally.off.append(line.text) }
            if !off.isEmpty && !line.marked { tally.unmarkedOff.append("\(solution.scenario.title): \(off[0])") }
            if off.isEmpty && line.marked && !borderline { tally.markedFine.append("\(solution.scenario.title): \(line.text)") }
        }
        guard format != .text else { return }
        let slope = solution.scenario.network.layers.lazy.compactMap { layer -> Double? in
            if case .leakyRelu(let s) = layer.activation { s } else { nil }
        }.first ?? 0.01
        for display in PrintedDisplay.all(output, markdown: format == .markdown) {
            let (off, borderline): ([String], Bool)
            do { (off, borderline) = try display.errors(leakySlope: slope) } catch { (off, borderline) = (["\(error): \(display.text)"], false) }
            tally.displays += 1
            tally.lines += 1
            if display.marked { tally.marked += 1; tally.markedDisplays.append("\(solution.scenario.title): \(display.text)") }
            if !off.isEmpty { tally.off.append(display.text) }
            if !off.isEmpty && !display.marked { tally.unmarkedOff.append("\(solution.scenario.title): \(off[0])") }
            if off.isEmpty && display.marked && !borderline { tally.markedFine.append("\(solution.scenario.title): \(display.text)") }
        }
    }

    @Test(arguments: [SolutionFormat.text, .markdown, .latex])
    func everyLineAddsUp(_ format: SolutionFormat) throws {
        var tally = Tally()
        for scenario in try Self.scenarios {
            try Self.work(Solution(scenario, iterations: Self.iterations), format, style: NumberStyle(), into: &tally)
        }
        #expect(tally.lines > 10_000)
        if format != .text { #expect(tally.displays > 3_000) }
        #expect(tally.off.isEmpty, "\(tally.off.count) of \(tally.lines) lines off, e.g. \(tally.unmarkedOff.prefix(5)) \(tally.off.prefix(2))")
        #expect(tally.marked == 0, "\(tally.markedDisplays.prefix(3))")
    }

    /// At a forced precision some lines cannot add up, and those are the ones marked; a line whose
    /// error is within a hair of half a unit may go either way.
    @Test(arguments: [1, 2])
    func forcedDecimalsMarkExactlyTheLinesThatDoNotAddUp(_ decimals: Int) throws {
        var tally = Tally()
        for scenario in try Self.scenarios.prefix(60) {
            for format in [SolutionFormat.text, .markdown, .latex] {
                try Self.work(Solution(scenario, iterations: Self.iterations), format, style: NumberStyle(decimals: decimals),
                              into: &tally)
            }
        }
        #expect(tally.marked > 0, "a coarse precision should leave some lines unable to add up")
        #expect(tally.unmarkedOff.isEmpty, "\(tally.unmarkedOff.count) unmarked lines off, e.g. \(tally.unmarkedOff.prefix(3))")
        #expect(tally.markedFine.isEmpty, "\(tally.markedFine.count) marked lines add up, e.g. \(tally.markedFine.prefix(3))")
    }

    /// The lines of the issue that did not add up at four fixed decimals, now written to add up.
    @Test func theIssuesExamples() throws {
        let scenario = try ScenarioLoader.load(path: try StepgradScenario.Exercises.resolve("softmax-regression"))
        let text = SolutionRenderer(format: .text).render(scenario, iterations: 1)
        // 1/0.004478 = 223.31, −ln 0.004478 = 5.4085.
        #expect(text.contains("dŷ[1] = −(1/0.004478) = −223.3"))
        #expect(text.contains("L = −(0·ln(0.004052) + 1·ln(0.004478) + 0·ln(0.9915)) = 5.409"))
        let forced = SolutionRenderer(format: .text, style: NumberStyle(decimals: 4)).render(scenario, iterations: 1)
        #expect(forced.contains("dŷ[1] = −(1/0.0045) = −223.3113 †"))
        #expect(forced.contains("Lines marked † do not add up at 4 decimal places"))
    }
}
