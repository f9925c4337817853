import Foundation
import StepgradEngine
import StepgradNotation
import StepgradRender
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Numbers first: walking every step of every bundled exercise, element by element and operation
/// by operation, at four sizes, the operation's result is always on screen as numbers, and from
/// 100×30 on every operand too, each written as `explain` writes it; element by element the
/// formula panel holds the very line `explain` prints for the element; no two panels overlap, no
/// matrix's name is cut and the scale line is whole.
@MainActor
struct NumbersWalkTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30),
                                    Size(width: 120, height: 40), Size(width: 200, height: 60)]
    nonisolated static let exercises = Exercises.all.map(\.name)

    @Test(arguments: exercises, [Granularity.operation, .element])
    func everyNumberOfTheStepIsShown(_ name: String, _ granularity: Granularity) throws {
        let scenario = try ScenarioLoader.load(path: try Exercises.resolve(name))
        let explained = Self.explainedLines(scenario)
        for size in Self.sizes {
            let program = Fixtures.screen(scenario, granularity: granularity)
            let backend = TestBackend(program: program, size: size)
            var step = 0, linesCompared = 0
            while program.session.iteration == 1 && step < 2_000 {
                let place = "\(name) \(granularity) \(size.width)×\(size.height) step \(step)"
                check(program, backend, where: place)
                if granularity == .element { linesCompared += checkFormula(program, backend, explained, where: place) }
                backend.press(KeyEvent(.right))
                step += 1
            }
            #expect(step >= 10)
            // Element by element, every element's line is whole on the large screens.
            if granularity == .element && size.height >= 40 { #expect(linesCompared >= step - 2, "\(name) \(size)") }
        }
    }

    /// The element lines of `stepgrad explain`'s first iteration, as printed (without their indent).
    static func explainedLines(_ scenario: Scenario) -> Set<String> {
        let text = SolutionRenderer(format: .text).render(scenario, iterations: 1)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private func check(_ program: SessionScreen, _ backend: TestBackend<SessionScreen>, where place: String) {
        let grid = backend.screen, session = program.session
        #expect(LayoutTests.boxes(in: grid) != nil, "\(place): panels overlap or a frame is broken")
        #expect(!grid.lines.contains { $0.contains("scale:") && $0.contains("…") }, "\(place): the scale line is cut")
        guard let step = session.currentStep else { return }
        let op = session.trace.operations[step.operation]
        let everything = grid.width >= 100 && grid.height >= 30
        var expected: [Quantity] = [op.quantity]
        if everything {
            for case .matrix(let q, _) in Equation(op).pieces where q != op.quantity { expected.append(q) }
        }
        let regions = program.hits.regions.filter { $0.panel == .operation && !$0.source.isStudents }
        for q in expected {
            guard let region = regions.first(where: { $0.source.quantity == q }) else {
                Issue.record("\(place): \(q) is not drawn in the operation panel")
                continue
            }
            let source = region.source
            #expect(region.fit.showsNumbers && region.fit.showsAll(source),
                    "\(place): \(source.label) is not shown whole with its numbers")
            guard region.fit.showsNumbers && region.fit.showsAll(source) else { continue }
            let shown = Self.numbers(in: region, on: grid)
            for r in 0..<source.rows {
                for c in 0..<source.columns {
                    let text = shown[r][c]
                    let stored = source.cell(r, c)
                    guard let value = session.revealedValue(q, stored) else {
                        #expect(text == "·", "\(place): \(source.label)[\(r),\(c)] shows '\(text)' before it is computed")
                        continue
                    }
                    #expect(text == NumberStyle().format(value),
                            "\(place): \(source.label)[\(r),\(c)] shows '\(text)', explain prints \(NumberStyle().format(value))")
                    #expect(Self.holds(text, value), "\(place): \(source.label)[\(r),\(c)] shows '\(text)' for \(value)")
                }
            }
            let label = source.label
            let labelled = (max(region.y - 3, 0)..<region.y).contains { y in
                let line = grid.lines[y]
                return line.ranges(of: label).contains { range in
                    let start = line.distance(from: line.startIndex, to: range.lowerBound)
                    return start + label.count > region.x - 2 && start < region.x + region.fit.size.width + 2
                }
            }
            #expect(labelled, "\(place): the name \(label) is not whole above its matrix")
        }
    }

    /// What each cell of a matrix drawn whole with its numbers reads on `grid`, display row by row.
    static func numbers(in region: HitMap.Region, on grid: Grid) -> [[String]] {
        (0..<region.source.rows).map { r in
            (0..<region.source.columns).map { c in
                let y = region.y + r * region.fit.cellHeight + region.fit.cellHeight / 2
                let x = region.x + c * region.fit.cellWidth
                return String(grid.lines[y].dropFirst(x).prefix(region.fit.cellWidth)).trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// The formula panel's line for the element just computed, its wrapped rows joined again, is a
    /// line `explain` prints; returns 1 when it was compared, 0 when it is not whole on screen.
    private func checkFormula(_ program: SessionScreen, _ backend: TestBackend<SessionScreen>, _ explained: Set<String>,
                              where place: String) -> Int {
        guard let step = program.session.currentStep, let cell = step.changed.last?.cell else { return 0 }
        let op = program.session.trace.operations[step.operation]
        let scenario = program.session.scenario
        let label = op.element(at: cell).label(outputLayer: scenario.network.depth, batch: scenario.batch.size) + " = "
        let lines = backend.lines
        guard let top = lines.firstIndex(where: { $0.contains("┌─ Formula") }) else { return 0 }
        let left = lines[top].distance(from: lines[top].startIndex, to: lines[top].range(of: "┌─ Formula")!.lowerBound)
        var rows: [String] = []
        for line in lines[(top + 1)...] {
            let row = line.dropFirst(left)
            guard row.first == "│" else { break }
            rows.append(String(row.dropFirst().prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces))
        }
        guard let first = rows.lastIndex(where: { $0.hasPrefix(label) }) else {
            Issue.record("\(place): the formula panel does not show \(label)")
            return 0
        }
        let body = rows[first...].prefix { !$0.isEmpty && !$0.hasPrefix("Note:") }
        let line = body.joined(separator: " ")
        guard !line.contains("…") else { return 0 }
        #expect(explained.contains(line), "\(place): the formula panel's line is not explain's: \(line)")
        return 1
    }

    /// Whether `text`, a number as the screen writes it (`−0.2458`, `3.712·10⁻⁵`), is `value` to
    /// within half a unit of its last digit.
    static func holds(_ text: String, _ value: Double) -> Bool {
        let superscripts: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5",
                                                    "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"]
        let plain = text.replacingOccurrences(of: "−", with: "-")
        let parts = plain.components(separatedBy: "·10")
        let mantissa = parts[0]
        let power = parts.count > 1 ? Int(String(parts[1].map { superscripts[$0] ?? $0 })) : 0
        guard let m = Double(mantissa), let power else { return false }
        let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        let unit = pow(10, Double(power - decimals))
        let written = m * pow(10, Double(power))
        return abs(written - value) <= 0.5 * unit * (1 + 1e-9)
    }
}
