import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Numbers first: walking every step of every bundled exercise, element by element and operation
/// by operation, at four sizes, the operation's result is always on screen as numbers, and from
/// 100×30 on every operand too; no two panels overlap, no matrix's name is cut and the scale line
/// is whole.
@MainActor
struct NumbersWalkTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30),
                                    Size(width: 120, height: 40), Size(width: 200, height: 60)]
    nonisolated static let exercises = Exercises.all.map(\.name)

    @Test(arguments: exercises, [Granularity.operation, .element])
    func everyNumberOfTheStepIsShown(_ name: String, _ granularity: Granularity) throws {
        let scenario = try ScenarioLoader.load(path: try Exercises.resolve(name))
        for size in Self.sizes {
            let program = Fixtures.screen(scenario, granularity: granularity)
            let backend = TestBackend(program: program, size: size)
            var step = 0
            while program.session.iteration == 1 && step < 2_000 {
                check(program, backend, where: "\(name) \(granularity) \(size.width)×\(size.height) step \(step)")
                backend.press(KeyEvent(.right))
                step += 1
            }
            #expect(step >= 10)
        }
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
            for r in 0..<source.rows {
                for c in 0..<source.columns {
                    let y = region.y + r * region.fit.cellHeight + region.fit.cellHeight / 2
                    let x = region.x + c * region.fit.cellWidth
                    let text = String(grid.lines[y].dropFirst(x).prefix(region.fit.cellWidth)).trimmingCharacters(in: .whitespaces)
                    let stored = source.cell(r, c)
                    guard let value = session.revealedValue(q, stored) else {
                        #expect(text == "·", "\(place): \(source.label)[\(r),\(c)] shows '\(text)' before it is computed")
                        continue
                    }
                    let written = Double(text.replacingOccurrences(of: "−", with: "-"))
                    #expect(written.map { abs($0 - value) <= 0.5e-4 + 1e-12 || abs($0 - value) <= abs(value) * 5e-3 } == true,
                            "\(place): \(source.label)[\(r),\(c)] shows '\(text)' for \(value)")
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
}
