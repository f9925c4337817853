/// An in-memory terminal for testing programs without ncurses: events go in, frames come out.
///
/// It draws the way the real backend does, by applying `Grid.diff` of each new frame to the screen
/// it keeps, so tests of a program also exercise the diffing, and `lastChangeCount` shows how
/// much a step redrew.
@MainActor
public final class TestBackend {
    public let program: any TerminalProgram
    public let capabilities: TerminalCapabilities
    /// What the terminal shows after the last `draw()`.
    public private(set) var screen: Grid
    /// How many cells the last `draw()` changed.
    public private(set) var lastChangeCount = 0
    /// Whether the program has asked to quit, or an ending event was sent.
    public private(set) var hasEnded = false

    /// Starts like the real runner: the program is told its size, and the first frame is drawn.
    public init(program: any TerminalProgram, size: Size,
                capabilities: TerminalCapabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)) {
        self.program = program
        self.capabilities = capabilities
        self.screen = Grid(size)
        send(.resize(size))
    }

    /// Delivers one event and redraws, as the runner would; returns the program's answer.
    @discardableResult
    public func send(_ event: InputEvent) -> ProgramAction {
        precondition(!hasEnded, "TestBackend: event \(event) sent after the program ended")
        if case .resize(let size) = event, size != screen.size {
            screen = Grid(size)
        }
        let action = program.update(event)
        hasEnded = action == .quit || event.endsRun
        if !hasEnded { draw() }
        return action
    }

    /// Sends each key in turn (stopping early if the program quits).
    public func press(_ keys: KeyEvent...) {
        for key in keys where !hasEnded { send(.key(key)) }
    }

    /// Types `text` one character at a time.
    public func type(_ text: String) {
        for character in text where !hasEnded { send(.key(KeyEvent(character))) }
    }

    /// Redraws: asks the program for a frame and applies what changed.
    public func draw() {
        let changes = screen.diff(program.frame(size: screen.size, glyphs: capabilities.glyphs))
        screen.apply(changes)
        lastChangeCount = changes.count
    }

    public var lines: [String] { screen.lines }
}
