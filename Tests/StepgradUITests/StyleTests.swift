import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// What colour and emphasis must convey: the lit phase, the element being computed and what it
/// read, the heatmap kept under a whole operation's result, and NaN and ±∞ shown as such.
@MainActor
struct StyleTests {
    let theme = Theme.dark
    var highlight: Style { theme[.text].patched(with: theme[.highlight]) }
    var read: Style { theme[.text].patched(with: theme[.readOperand]) }

    func backend(granularity: Granularity = .operation, steps: Int = 0, _ scenario: Scenario = Fixtures.homework(),
                 size: Size = Size(width: 80, height: 24)) -> TestBackend<SessionScreen> {
        let backend = TestBackend(program: Fixtures.screen(scenario, theme: theme, granularity: granularity), size: size)
        for _ in 0..<steps { backend.press(KeyEvent(.right)) }
        return backend
    }

    @Test func thePhaseOfTheStepIsLit() {
        let screen = backend()
        #expect(screen.screen.text(inRow: 0, styled: theme[.highlight]).isEmpty)
        screen.press(KeyEvent(.right))
        #expect(screen.screen.text(inRow: 0, styled: theme[.highlight]).trimmingCharacters(in: .whitespaces) == "FORWARD")
        screen.press(KeyEvent("]"), KeyEvent("]"))
        #expect(screen.screen.text(inRow: 0, styled: theme[.highlight]).trimmingCharacters(in: .whitespaces) == "LOSS")
        screen.press(KeyEvent("]"))
        #expect(screen.screen.text(inRow: 0, styled: theme[.highlight]).trimmingCharacters(in: .whitespaces) == "BACKWARD")
        screen.press(KeyEvent("]"))
        #expect(screen.screen.text(inRow: 0, styled: theme[.highlight]).trimmingCharacters(in: .whitespaces) == "UPDATE")
    }

    /// z₂[1] = W₂[1,·]·a₁: the element is lit in the network and in the equation, and exactly the
    /// row of W₂ and the whole of a₁ it read are marked, with their names, in both places a₁ appears.
    @Test func anElementIsLitWithWhatItRead() {
        let grid = backend(granularity: .element, steps: 10).screen
        let lit = (3..<grid.height - 1).map { grid.text(inRow: $0, styled: highlight) }.filter { !$0.isEmpty }
        #expect(lit.map { $0.trimmingCharacters(in: .whitespaces) } == ["−0.495", "−0.495"])
        let network = (3..<9).flatMap { grid.text(inRow: $0, styled: read).split(separator: " ").map(String.init) }
        #expect(network == ["a₁", "1.2", "0", "0.15", "0.9"])
        let operation = (10..<17).flatMap { grid.text(inRow: $0, styled: read).split(separator: " ").map(String.init) }
        // …and the word "read" of the colour key, drawn as the names are.
        #expect(operation.sorted() == ["W₂", "a₁", "1.2", "−0.2", "0.3", "0.1", "−0.3", "0", "0.15", "0.9", "read"].sorted())
    }

    /// A whole operation keeps its colours: the result is bold on its heatmap colour, and only the
    /// names of what it computed and read are marked.
    @Test func anOperationKeepsItsHeatmap() {
        let grid = backend(steps: 3).screen
        guard let (x, y) = grid.find("−0.495", rows: 10..<17) else {
            Issue.record("z₂[1] is not in the operation panel")
            return
        }
        let cell = grid[x, y]
        #expect(cell.style.background != nil)
        #expect(cell.style.attributes.contains(.bold))
        #expect(grid.words(styled: theme[.title].patched(with: theme[.changed])).contains("z₂"))
        #expect(grid.words(styled: theme[.title].patched(with: theme[.readOperand])).sorted() == ["W₂", "a₁", "a₁"])
    }

    /// Colour follows the value on a scale centred on zero: z₁ = (1.2, −1.15, 0.15, 0.9) on its
    /// own scale of ±1.2, so 1.2 is full blue, −1.15 nearly full orange.
    @Test func colourFollowsTheValue() {
        let grid = backend(steps: 1).screen
        guard let positive = grid.find("1.2", rows: 4..<5), let negative = grid.find("−1.15", rows: 5..<6) else {
            Issue.record("z₁ is not in the network panel")
            return
        }
        let scale = HeatmapScale(limit: 1.2)
        let colour = { (value: Double) in theme.heatmap.style(for: scale.level(value), depth: .trueColour).background }
        #expect(grid[positive.x, positive.y].style.background == colour(1.2))
        #expect(grid[negative.x, negative.y].style.background == colour(-1.15))
        #expect(colour(1.2) != colour(-1.15))
    }

    /// NaN and ±∞ are written as such and coloured as no ordinary value is.
    @Test func notANumberAndInfinityShowAsSuch() {
        let network = Network(inputs: 3, layers: [Layer(units: 1)], loss: .mse)
        let scenario = Scenario(title: "odd numbers", network: network,
                                parameters: Parameters(weights: [Matrix([[1, 1, 1]])], biases: [Matrix([[0]])]),
                                batch: Batch(input: Matrix([[.nan, .infinity, -.infinity]]), target: Matrix([[0]])))
        let grid = backend(scenario).screen
        let x = (3..<8).map { grid.lines[$0] }.joined(separator: "\n")
        #expect(x.contains("NaN") && x.contains("∞") && x.contains("−∞"))
        guard let nan = grid.find("NaN", rows: 3..<8) else { return }
        #expect(grid[nan.x, nan.y].style.background == theme.heatmap.hues?.nan)
    }

    /// Mono draws no colour at all; the numbers and the marks carry everything.
    @Test func monoUsesNoColour() {
        let screen = TestBackend(program: Fixtures.screen(theme: .mono, capabilities: TerminalCapabilities(colourDepth: .mono, unicode: true),
                                                          granularity: .element), size: Size(width: 80, height: 24))
        for _ in 0..<10 { screen.press(KeyEvent(.right)) }
        let grid = screen.screen
        #expect((0..<grid.height).allSatisfy { y in (0..<grid.width).allSatisfy { grid[$0, y].style.foreground == nil && grid[$0, y].style.background == nil } })
        let lit = (2..<grid.height - 1).map { grid.text(inRow: $0, styled: Theme.mono[.text].patched(with: Theme.mono[.highlight])) }
        #expect(lit.flatMap { $0.split(separator: " ") } == ["−0.495", "−0.495"])
    }
}
