import TerminalUI
import TerminalUITesting
import Testing

/// A counter: Up adds one, q quits, t asks for ticks.
@MainActor
private final class Counter: TerminalProgram {
    var count = 0
    var ticks = 0
    var events: [InputEvent] = []
    var ticking = false
    let minimumSize = Size(width: 12, height: 3)
    var tickInterval: Duration? { ticking ? .milliseconds(50) : nil }

    func update(_ event: InputEvent) -> ProgramAction {
        events.append(event)
        switch event {
        case .key(KeyEvent(.up)): count += 1
        case .key(KeyEvent("q")): return .quit
        case .key(KeyEvent("t")): ticking.toggle()
        case .tick: ticks += 1
        default: break
        }
        return .continue
    }

    func view(into grid: inout Grid) {
        grid.drawBox(grid.area, glyphs: .ascii)
        grid.write("count \(count)", x: 1, y: 1)
    }
}

@MainActor
@Suite struct TestBackendTests {
    @Test func startsWithTheSizeAndDrawsOnlyWhatChanges() {
        let counter = Counter()
        let backend = TestBackend(program: counter, size: Size(width: 12, height: 3))
        #expect(counter.events == [.resize(Size(width: 12, height: 3))])
        expectGrid(backend.screen, equals: ["+----------+", "|count 0   |", "+----------+"])
        // Against a blank screen: 26 border cells and the 6 non-blank characters of "count 0".
        #expect(backend.lastChangeCount == 32)

        backend.press(KeyEvent(.up), KeyEvent(.up))
        expectGrid(backend.screen, equals: ["+----------+", "|count 2   |", "+----------+"])
        #expect(backend.lastChangeCount == 1)
    }

    @Test func belowTheMinimumSizeTheNoticeIsShown() {
        let backend = TestBackend(program: Counter(), size: Size(width: 12, height: 3))
        backend.send(.resize(Size(width: 11, height: 4)))
        // Too narrow for one line: three, each cut to the 11 columns there are.
        expectGrid(backend.screen, equals: ["enlarge the", "to at least", "(now 11×4)", ""])
    }

    @Test func theNoticeIsCentredAndUsesASCIIOutsideUTF8() {
        let program = Counter()
        let backend = TestBackend(program: program, size: Size(width: 40, height: 5),
                                  capabilities: TerminalCapabilities(colourDepth: .mono, unicode: false))
        backend.send(.resize(Size(width: 40, height: 2)))
        expectGrid(backend.screen, equals: [
            " enlarge the terminal to at least 12x3",
            "               (now 40x2)",
        ])
    }

    @Test func quittingAndEndingEventsEndTheRun() {
        let backend = TestBackend(program: Counter(), size: Size(width: 12, height: 3))
        #expect(backend.send(.key(KeyEvent("x"))) == .continue)
        #expect(!backend.hasEnded)
        #expect(backend.send(.key(KeyEvent("q"))) == .quit)
        #expect(backend.hasEnded)

        let other = TestBackend(program: Counter(), size: Size(width: 12, height: 3))
        #expect(other.send(.hangup) == .continue)
        #expect(other.hasEnded)
    }

    @Test func keyDescriptions() {
        #expect(KeyEvent("c", .control).description == "Ctrl-C")
        #expect(KeyEvent("c", .control).isControlC)
        #expect(KeyEvent(.pageUp).description == "PageUp")
        #expect(KeyEvent(.backTab).description == "BackTab")
        #expect(KeyEvent(.function(5)).description == "F5")
        #expect(KeyEvent(" ").description == "Space")
        #expect(InputEvent.terminate.endsRun && InputEvent.interrupt.endsRun && InputEvent.hangup.endsRun)
        #expect(!InputEvent.tick.endsRun)
    }
}
