import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Every key does what the help says, to the session or to the view.
@MainActor
struct KeyTests {
    func screen(_ scenario: Scenario = Fixtures.homework(), granularity: Granularity = .operation,
                directory: String = Fixtures.temporaryDirectory()) -> (TestBackend<SessionScreen>, SessionScreen) {
        let program = Fixtures.screen(scenario, stateDirectory: directory, granularity: granularity)
        return (TestBackend(program: program, size: Size(width: 80, height: 24)), program)
    }

    @Test(arguments: [KeyEvent(.right), KeyEvent("l"), KeyEvent("n"), KeyEvent(.pageDown), KeyEvent(.enter)])
    func stepsForward(_ key: KeyEvent) {
        let (backend, program) = screen()
        backend.press(key, key)
        #expect(program.session.cursor == Cursor(operation: 1, revealed: 4))
    }

    @Test(arguments: [KeyEvent(.left), KeyEvent("h"), KeyEvent("p"), KeyEvent(.pageUp), KeyEvent(.backspace)])
    func stepsBack(_ key: KeyEvent) {
        let (backend, program) = screen()
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right), key)
        #expect(program.session.cursor == Cursor(operation: 1, revealed: 4))
    }

    @Test func stepsBackFromTheVeryStartSayWhy() {
        let (backend, program) = screen()
        backend.press(KeyEvent(.left))
        #expect(program.session.cursor == .start)
        #expect(backend.lines[23].contains("This is the start of iteration 1."))
    }

    @Test func phasesAndEnds() {
        let (backend, program) = screen()
        backend.press(KeyEvent("]"))
        #expect(program.session.phase == .forward && program.session.cursor.operation == 3)
        backend.press(KeyEvent("]"))
        #expect(program.session.phase == .loss)
        backend.press(KeyEvent("["))
        #expect(program.session.phase == .forward && program.session.cursor.operation == 3)
        backend.press(KeyEvent(.end))
        #expect(program.session.isAtEndOfIteration)
        backend.press(KeyEvent(.home))
        #expect(program.session.isAtStartOfIteration && program.session.iteration == 1)
    }

    @Test func granularityCycles() {
        let (backend, program) = screen()
        var seen: [Granularity] = []
        for _ in 0..<3 {
            backend.press(KeyEvent("g"))
            seen.append(program.session.granularity)
            #expect(backend.lines[1].contains(program.session.granularity.rawValue))
        }
        #expect(seen == [.element, .phase, .operation])
    }

    /// Space plays one step per tick of a timer at the chosen speed; + and − move through the
    /// speeds, retiming the timer; pausing stops it.
    @Test func playAndSpeed() {
        let (backend, program) = screen()
        #expect(backend.pendingTimers == 0)
        backend.press(KeyEvent("+"))
        #expect(program.session.speed == 4)
        backend.press(KeyEvent("-"), KeyEvent("-"))
        #expect(program.session.speed == 1)
        backend.press(KeyEvent(" "))
        #expect(program.session.playState.isPlaying)
        #expect(backend.lines[1].contains("playing 1 steps/s"))
        backend.advance(by: .milliseconds(999))
        #expect(program.session.cursor == .start, "no step before a second")
        backend.advance(by: .milliseconds(1001))
        #expect(program.session.cursor == Cursor(operation: 1, revealed: 4))
        backend.press(KeyEvent("+"))
        backend.advance(by: .milliseconds(500))
        #expect(program.session.cursor == Cursor(operation: 2, revealed: 3), "at 2 steps/s from the change")
        backend.press(KeyEvent(" "))
        #expect(!program.session.playState.isPlaying && backend.pendingTimers == 0)
        backend.advance(by: .seconds(10))
        #expect(program.session.cursor == Cursor(operation: 2, revealed: 3))
    }

    @Test func themesCycle() {
        let (backend, program) = screen()
        var names: [String] = []
        for _ in 0..<4 {
            backend.press(KeyEvent("t"))
            names.append(program.theme.name)
        }
        #expect(names == ["light", "high-contrast", "mono", "dark"])
        #expect(backend.lines[23].contains("Theme: dark."))
    }

    @Test func numbersAndColourOnly() {
        let (backend, _) = screen()
        backend.press(KeyEvent(.right))
        #expect(backend.lines.contains { $0.contains("0.2  −0.3   0.4") })
        backend.press(KeyEvent("v"))
        #expect(!backend.lines.contains { $0.contains("0.2  −0.3") })
        backend.press(KeyEvent("v"))
        #expect(backend.lines.contains { $0.contains("0.2  −0.3   0.4") })
    }

    /// c shares one scale among values and one among gradients; each quantity has its own by default.
    @Test func scaleModes() {
        let backend = TestBackend(program: Fixtures.screen(), size: Size(width: 100, height: 30))
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        #expect(backend.lines.contains { $0.contains("│ scale:  W₂ ±0.3  a₁ ±1.2  z₂ ±0.495") })
        backend.press(KeyEvent("c"))
        // The largest value known anywhere is x = 2; no gradient is known yet.
        #expect(backend.lines.contains { $0.contains("│ shared scale:  values ±2 ") })
        backend.press(KeyEvent("c"))
        #expect(backend.lines.contains { $0.contains("│ scale:  W₂ ±0.3") })
    }

    /// Tab focuses the network and selects the element just computed; arrows walk it, Enter
    /// inspects, Esc closes the inspector and then the focus.
    @Test func focusSelectionAndInspector() {
        let (backend, program) = screen(granularity: .element)
        for _ in 0..<10 { backend.press(KeyEvent(.right)) }
        backend.press(KeyEvent(.tab))
        #expect(program.session.selection == CellReference(.z(2), Cell(0, 1)))
        backend.press(KeyEvent(.left))
        #expect(program.session.selection == CellReference(.a(1), Cell(0, 1)))
        backend.press(KeyEvent(.up))
        #expect(program.session.selection == CellReference(.a(1), Cell(0, 0)))
        let cursor = program.session.cursor
        backend.press(KeyEvent(.enter))
        #expect(program.session.cursor == cursor)
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("a₁[0] · Esc closes"))
        #expect(screen.contains("value       1.2"))
        #expect(screen.contains("formula     a₁ = relu(z₁)"))
        #expect(screen.contains("arithmetic  a₁[0] = max(0, 1.2) = 1.2"))
        backend.press(KeyEvent(.escape))
        #expect(!backend.lines.joined().contains("Esc closes"))
        #expect(program.focus == .network)
        backend.press(KeyEvent(.escape))
        #expect(program.focus == nil)
        backend.press(KeyEvent(.right))
        #expect(program.session.cursor != cursor)
    }

    /// The inspector says when a value is still to come, and shows it once the cursor gets there.
    @Test func inspectorWaitsForTheCursor() {
        let (backend, program) = screen(granularity: .element)
        for _ in 0..<9 { backend.press(KeyEvent(.right)) }
        program.session.select(CellReference(.z(2), Cell(0, 1)))
        backend.press(KeyEvent("i"))
        #expect(backend.lines.joined().contains("not computed yet at the cursor"))
        program.focus = nil
        backend.press(KeyEvent(.right))
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("value       −0.495"))
        #expect(screen.contains("arithmetic  z₂[1] = (−0.2)·1.2 + 0.3·0 + 0.1·0.15 + (−0.3)·0.9 = −0.495"))
    }

    /// Tab goes network, operation, none; in the operation panel, arrows cross from one matrix to the next.
    @Test func tabCyclesPanels() {
        let (backend, program) = screen()
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))
        backend.press(KeyEvent(.tab))
        #expect(program.focus == .network)
        backend.press(KeyEvent(.tab))
        #expect(program.focus == .operation)
        #expect(program.session.selection?.quantity == .z(2))
        backend.press(KeyEvent(.left))
        #expect(program.session.selection?.quantity == .a(1))
        backend.press(KeyEvent(.left))
        #expect(program.session.selection == CellReference(.W(2), Cell(program.session.selection?.cell.row ?? -1, 3)))
        backend.press(KeyEvent(.tab))
        #expect(program.focus == nil)
        backend.press(KeyEvent(.backTab))
        #expect(program.focus == .operation)
    }

    @Test func zoomShowsAWindowOfTheSelectedMatrix() {
        let (backend, program) = screen(Fixtures.wide(64, [32], 10))
        backend.press(KeyEvent(.right), KeyEvent(.tab), KeyEvent(.tab))
        backend.press(KeyEvent(.left), KeyEvent(.left), KeyEvent(.left), KeyEvent(.left))
        #expect(program.session.selection?.quantity == .W(1))
        backend.press(KeyEvent("z"))
        let caption = backend.lines.first { $0.contains("z: whole equation") } ?? ""
        #expect(caption.contains("W₁  rows") && caption.contains("of 32 · columns") && caption.contains("of 64"))
        backend.press(KeyEvent("z"))
        #expect(!backend.lines.joined().contains("z: whole equation"))
    }

    @Test func samplesOfABatch() throws {
        let network = Network(inputs: 2, layers: [Layer(units: 2, activation: .tanh), Layer(units: 1, activation: .sigmoid)],
                              loss: .binaryCrossEntropy)
        let xor = Scenario(title: "XOR", network: network, parameters: Initializer(seed: 7).parameters(for: network),
                           batch: Batch(input: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), target: Matrix([[0], [1], [1], [0]])))
        let (backend, _) = screen(xor)
        #expect(backend.lines[2].contains("Network · sample s = 0 of 0–3 (b)"))
        backend.press(KeyEvent("b"))
        #expect(backend.lines[2].contains("Network · sample s = 1 of 0–3 (b)"))
        // The network shows sample s = 1: x = (0, 1); its hidden units are unknown until the first step.
        let x = try #require(backend.screen.find(" x ", rows: 3..<5))
        let column = (x.y + 1..<backend.screen.height).map { String(backend.lines[$0].dropFirst(x.x).prefix(3)) }
        #expect(column.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("─") }.map { $0.trimmingCharacters(in: .whitespaces) }.prefix(2) == ["0", "1"])
    }
}
