/// An in-memory terminal for testing programs without a real one: events go in, frames come out.
///
/// It draws the way the real backend does, by applying `Grid.diff` of each new frame to the screen
/// it keeps, so tests of a program also exercise the diffing, and `lastChangeCount` shows how
/// much a step redrew. Commands are carried out too: timers on a clock that moves only in
/// `advance(by:)`, so tests of timed behaviour take no time, and tasks for real, their messages
/// delivered by `settle()`.
@MainActor
public final class TestBackend<Program: TerminalProgram> {
    public typealias Message = Program.Message

    public let program: Program
    public let capabilities: TerminalCapabilities
    /// What the terminal shows after the last `draw()`.
    public private(set) var screen: Grid
    /// How many cells the last `draw()` changed.
    public private(set) var lastChangeCount = 0
    /// Whether the program has asked to quit, or an ending event was sent.
    public private(set) var hasEnded = false
    /// Time on the test clock, from the start.
    public private(set) var now: Duration = .zero

    private struct Timer {
        var due: Duration
        var order: Int
        var message: Message
    }

    private var timers: [String: Timer] = [:]
    private var tasks: [String: Task<[Message], Never>] = [:]
    private var nextID = 0

    /// Starts like the real runner: the program is told its size, and the first frame is drawn.
    public init(program: Program, size: Size,
                capabilities: TerminalCapabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)) {
        self.program = program
        self.capabilities = capabilities
        self.screen = Grid(size)
        send(.resize(size))
    }

    /// Delivers one event, carries out the command and redraws, as the runner would; returns the command.
    @discardableResult
    public func send(_ event: InputEvent) -> Command<Message> {
        precondition(!hasEnded, "TestBackend: event \(event) sent after the program ended")
        if case .resize(let size) = event, size != screen.size {
            screen = Grid(size)
        }
        let command = program.update(event)
        perform(command, ending: event.endsRun)
        return command
    }

    /// Delivers one of the program's messages, as the runner does when a timer or task sends it.
    @discardableResult
    public func send(_ message: Message) -> Command<Message> {
        precondition(!hasEnded, "TestBackend: a message sent after the program ended")
        let command = program.update(message)
        perform(command, ending: false)
        return command
    }

    /// Sends each key in turn (stopping early if the program quits).
    public func press(_ keys: KeyEvent...) {
        for key in keys where !hasEnded { send(.key(key)) }
    }

    /// Types `text` one character at a time.
    public func type(_ text: String) {
        for character in text where !hasEnded { send(.key(KeyEvent(character))) }
    }

    /// Moves the test clock on, delivering every timer that falls due, in order of due time.
    public func advance(by duration: Duration) {
        let end = now + duration
        while !hasEnded, let (id, timer) = timers.filter({ $0.value.due <= end })
                .min(by: { ($0.value.due, $0.value.order) < ($1.value.due, $1.value.order) }) {
            timers[id] = nil
            now = timer.due
            send(timer.message)
        }
        now = end
    }

    /// How many timers are pending.
    public var pendingTimers: Int { timers.count }

    /// Waits for every task started so far (and those their messages start) and delivers their
    /// messages, in the order each task sent them.
    public func settle() async {
        while let (id, task) = tasks.first {
            let messages = await task.value
            tasks[id] = nil
            for message in messages where !hasEnded { send(message) }
        }
    }

    /// Redraws: asks the program for a frame and applies what changed.
    public func draw() {
        let changes = screen.diff(program.frame(size: screen.size, glyphs: capabilities.glyphs))
        screen.apply(changes)
        lastChangeCount = changes.count
    }

    public var lines: [String] { screen.lines }

    private func perform(_ command: Command<Message>, ending: Bool) {
        for effect in command.effects {
            switch effect {
            case .quit:
                break
            case .after(let delay, let message, let id):
                let key = replace(id)
                timers[key] = Timer(due: now + delay, order: nextID, message: message)
            case .task(let id, let work):
                let key = replace(id)
                tasks[key] = Task.detached {
                    let inbox = Inbox<Message>()
                    await work { inbox.append($0) }
                    return inbox.messages
                }
            case .cancel(let id):
                timers[id] = nil
                tasks.removeValue(forKey: id)?.cancel()
            }
        }
        hasEnded = hasEnded || command.quits || ending
        if !hasEnded { draw() }
    }

    /// A fresh key for an effect, or `id`, cancelling what had it.
    private func replace(_ id: String?) -> String {
        nextID += 1
        guard let id else { return "#\(nextID)" }
        timers[id] = nil
        tasks.removeValue(forKey: id)?.cancel()
        return id
    }
}
