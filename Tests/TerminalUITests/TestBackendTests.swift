import TerminalUI
import TerminalUITesting
import Testing

/// A counter: Up adds one, q quits, t starts and stops a tick every 50 ms, w counts in the background.
@MainActor
private final class Counter: TerminalProgram {
    enum Message: Sendable {
        case tick
        case counted(Int)
    }

    var count = 0
    var ticks = 0
    var events: [InputEvent] = []
    var ticking = false
    let minimumSize = Size(width: 12, height: 3)

    func update(_ event: InputEvent) -> Command<Message> {
        events.append(event)
        switch event {
        case .key(KeyEvent(.up)): count += 1
        case .key(KeyEvent("q")): return .quit
        case .key(KeyEvent("t")):
            ticking.toggle()
            return ticking ? .after(.milliseconds(50), .tick, id: "tick") : .cancel("tick")
        case .key(KeyEvent("w")):
            return .task { send in
                for n in 1...3 { send(.counted(n)) }
            }
        default: break
        }
        return .none
    }

    func update(_ message: Message) -> Command<Message> {
        switch message {
        case .tick:
            ticks += 1
            return .after(.milliseconds(50), .tick, id: "tick")
        case .counted(let n):
            count += n
            return .none
        }
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
        #expect(!backend.send(.key(KeyEvent("x"))).quits)
        #expect(!backend.hasEnded)
        #expect(backend.send(.key(KeyEvent("q"))).quits)
        #expect(backend.hasEnded)

        let other = TestBackend(program: Counter(), size: Size(width: 12, height: 3))
        #expect(!other.send(.hangup).quits)
        #expect(other.hasEnded)
    }

    /// A repeating timer is a timer whose message schedules the next; replacing it by id or
    /// cancelling it stops it.
    @Test func timersFireOnTheTestClock() {
        let counter = Counter()
        let backend = TestBackend(program: counter, size: Size(width: 12, height: 3))
        backend.press(KeyEvent("t"))
        backend.advance(by: .milliseconds(49))
        #expect(counter.ticks == 0)
        backend.advance(by: .milliseconds(1))
        #expect(counter.ticks == 1)
        backend.advance(by: .milliseconds(120))
        #expect(counter.ticks == 3 && backend.now == .milliseconds(170))
        #expect(backend.pendingTimers == 1, "one timer, replaced each time")
        backend.press(KeyEvent("t"))
        backend.advance(by: .seconds(1))
        #expect(counter.ticks == 3 && backend.pendingTimers == 0)
    }

    @Test func aTasksMessagesArriveInOrderAndRedraw() async {
        let counter = Counter()
        let backend = TestBackend(program: counter, size: Size(width: 12, height: 3))
        backend.press(KeyEvent("w"))
        await backend.settle()
        #expect(counter.count == 6)
        expectGrid(backend.screen, equals: ["+----------+", "|count 6   |", "+----------+"])
    }

    @Test func keyDescriptions() {
        #expect(KeyEvent("c", .control).description == "Ctrl-C")
        #expect(KeyEvent("c", .control).isControlC)
        #expect(KeyEvent(.pageUp).description == "PageUp")
        #expect(KeyEvent(.backTab).description == "BackTab")
        #expect(KeyEvent(.function(5)).description == "F5")
        #expect(KeyEvent(" ").description == "Space")
        #expect(InputEvent.terminate.endsRun && InputEvent.interrupt.endsRun && InputEvent.hangup.endsRun)
        #expect(!InputEvent.resize(Size(width: 1, height: 1)).endsRun)
    }
}
