import Foundation
import StepgradEngine
import StepgradNotation
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// What the screen cannot show at once is one key away, and the key bar says which: the numbers of
/// a matrix the operation draws in colour (`z`), and why a student's answer is wrong (`i`).
@MainActor
struct OneKeyAwayTests {
    /// At 80×24, walking every bundled exercise operation by operation: wherever the operation draws
    /// a matrix without all its numbers, the key bar offers `z` for it, and `z` shows every one of
    /// them as `explain` writes it; two Escapes go back to stepping. Where all are shown, no offer.
    @Test func numbersDrawnInColourAreOneKeyAway() throws {
        var hidden = 0
        for name in NumbersWalkTests.exercises {
            let scenario = try ScenarioLoader.load(path: try Exercises.resolve(name))
            let program = Fixtures.screen(scenario)
            let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
            var step = 0
            while program.session.iteration == 1 && step < 200 {
                let place = "\(name) step \(step)"
                let keyBar = backend.lines[backend.lines.count - 1]
                let regions = program.hits.regions.filter { $0.panel == .operation && !$0.source.isStudents }
                if let region = regions.first(where: { !($0.fit.showsNumbers && $0.fit.showsAll($0.source)) }) {
                    hidden += 1
                    let q = region.source.quantity, label = region.source.label
                    #expect(keyBar.contains("z numbers of \(label)"), "\(place): no key offered for \(label): \(keyBar)")
                    backend.press(KeyEvent("z"))
                    let zoomed = program.hits.regions.filter { $0.panel == .operation && $0.source.quantity == q }
                    #expect(zoomed.count == 1, "\(place): \(label) is not alone in the panel once zoomed")
                    if let region = zoomed.first {
                        #expect(region.fit.showsNumbers && region.fit.showsAll(region.source), "\(place): \(label) zoomed is not whole")
                        if region.fit.showsNumbers && region.fit.showsAll(region.source) {
                            let shown = NumbersWalkTests.numbers(in: region, on: backend.screen)
                            for r in 0..<region.source.rows {
                                for c in 0..<region.source.columns {
                                    let value = program.session.revealedValue(q, region.source.cell(r, c))
                                    let expected = value.map { NumberStyle().format($0) } ?? "·"
                                    // The selected cell is marked `[…]`.
                                    let text = shown[r][c].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                                    #expect(text == expected, "\(place): \(label)[\(r),\(c)] shows '\(text)', not \(expected)")
                                }
                            }
                        }
                    }
                    backend.press(KeyEvent(.escape), KeyEvent(.escape))
                    #expect(program.focus == nil && !program.zoomed, "\(place): two Escapes do not go back to stepping")
                } else {
                    #expect(!keyBar.contains("numbers of"), "\(place): numbers offered where all are shown: \(keyBar)")
                }
                backend.press(KeyEvent(.right))
                step += 1
            }
        }
        // At 80×24 some operand of the bundled exercises does give way (dW₂ of the 3-4-3 homework).
        #expect(hidden > 0)
    }

    /// Once a student's wrong answer is known the key bar offers `i`, which opens the inspector on
    /// it with the checker's diagnosis; before, there is nothing to offer and `i` gives nothing away.
    @Test func theDiagnosisIsOneKeyAway() {
        let program = Fixtures.screen(AnswerTests.answered)
        let backend = TestBackend(program: program, size: Size(width: 100, height: 30))
        #expect(!backend.lines[29].contains("why wrong"))
        backend.press(KeyEvent("i"))
        #expect(program.overlay == nil)
        // z₁ is right: still nothing to explain.
        backend.press(KeyEvent(.right))
        #expect(!backend.lines[29].contains("why wrong"))
        // dz₂ by the shortcut: every element wrong, the first one explained.
        for _ in 0..<6 { backend.press(KeyEvent(.right)) }
        #expect(program.session.currentStep?.quantity == .dz(2))
        #expect(backend.lines[29].contains("i why wrong"))
        backend.press(KeyEvent("i"))
        let text = backend.lines.joined(separator: "\n")
        #expect(text.contains("dz₂[0] · Esc closes"))
        #expect(text.contains("yours       −0.644: wrong, the value is −0.2886"))
        #expect(text.contains("why         The shortcut dz₂ = ŷ − y was used"))
        // With the inspector open the offer goes; Escape closes it.
        #expect(!backend.lines[29].contains("why wrong"))
        backend.press(KeyEvent(.escape))
        #expect(program.overlay == nil)
    }
}
