import CNcurses
import Glibc
import TerminalUI

/// The loop of one run. Everything that can happen arrives as one message in one `AsyncStream`:
/// the terminal has input or a signal (from `InputWatcher`), a command's timer or task reports,
/// a frame falls due, or `@Observable` state the last frame showed has changed. The loop awaits
/// the next message, so the main actor is free between them and an idle program costs no CPU;
/// it draws at most one frame per `TerminalRunner.frameInterval`.
@MainActor
final class EventLoop<Program: TerminalProgram> {
    private enum Wake: Sendable {
        case terminal(InputWatcher.Wake)
        case message(Program.Message)
        case frameDue
        case changed
    }

    let program: Program
    let backend: NcursesBackend
    let relay: SignalRelay
    let glyphs: Glyphs

    private let clock = ContinuousClock()
    private let wakes: AsyncStream<Wake>
    private let post: AsyncStream<Wake>.Continuation
    private lazy var commands = CommandRunner<Program.Message> { [post] in post.yield(.message($0)) }
    private var size = Size(width: 0, height: 0)
    private var needsFrame = true
    private var frameScheduled = false
    /// Whether the last frame's observation is still armed; a frame drawn meanwhile is not
    /// tracked again, so registrations cannot pile up while nothing observed changes.
    private var observing = false
    private var lastFrame: ContinuousClock.Instant?

    init(program: Program, backend: NcursesBackend, relay: SignalRelay, glyphs: Glyphs) {
        self.program = program
        self.backend = backend
        self.relay = relay
        self.glyphs = glyphs
        (wakes, post) = AsyncStream<Wake>.makeStream()
    }

    func run() async throws -> TerminalOutcome {
        let watcher = try InputWatcher(input: STDIN_FILENO, signals: relay.readEnd) { [post] in post.yield(.terminal($0)) }
        defer {
            commands.cancelAll()
            watcher.stop()
            post.finish()
        }
        size = backend.size
        if let end = deliver(.resize(size)) { return end }
        drawOrSchedule()
        for await wake in wakes {
            switch wake {
            case .terminal(let terminal):
                let end = readTerminal(terminal)
                watcher.resume()
                if let end { return end }
            case .message(let message):
                if commands.perform(program.update(message)) { return .quit }
                needsFrame = true
            case .frameDue:
                frameScheduled = false
            case .changed:
                observing = false
                needsFrame = true
            }
            drawOrSchedule()
        }
        return .hangup
    }

    /// Signals first, then whatever input ncurses has.
    private func readTerminal(_ wake: InputWatcher.Wake) -> TerminalOutcome? {
        for signal in relay.receivedSignals() {
            switch signal {
            case SIGHUP: return end(.hangup, .hangup)
            case SIGINT: return end(.interrupt, .interrupted)
            case SIGTERM: return end(.terminate, .terminated)
            case SIGTSTP: if let end = suspend() { return end }
            default: break  // SIGWINCH: ncurses reports the new size as input, read below
            }
        }
        if wake.hungUp { return end(.hangup, .hangup) }
        let inputs = backend.readInput()
        if inputs.isEmpty && backend.inputAtEnd() { return end(.hangup, .hangup) }
        for input in inputs {
            switch input {
            case .event(let event):
                if let end = deliver(event) { return end }
            case .resized:
                backend.invalidate()
                needsFrame = true
                if let end = adoptSize(backend.size) { return end }
            case .suspend:
                let end = relay.canSuspend ? suspend() : deliver(.key(KeyEvent("z", .control)))
                if let end { return end }
            }
        }
        return nil
    }

    /// Hands `event` to the program and carries out its command; returns `.quit` if it asks to.
    private func deliver(_ event: InputEvent) -> TerminalOutcome? {
        needsFrame = true
        return commands.perform(program.update(event)) ? .quit : nil
    }

    /// Tells the program of an event that ends the run whatever it answers, so it can note its
    /// state while there is time; its command is not carried out.
    private func end(_ event: InputEvent, _ outcome: TerminalOutcome) -> TerminalOutcome {
        _ = program.update(event)
        return outcome
    }

    private func adoptSize(_ newSize: Size) -> TerminalOutcome? {
        guard newSize != size else { return nil }
        size = newSize
        return deliver(.resize(newSize))
    }

    /// Gives the terminal back to the shell until `fg`, then redraws everything.
    private func suspend() -> TerminalOutcome? {
        let newSize = backend.suspend(using: relay)
        needsFrame = true
        return adoptSize(newSize)
    }

    /// Draws now if a frame is owed and the last is old enough, else asks to be woken when it is.
    private func drawOrSchedule() {
        guard needsFrame, !frameScheduled else { return }
        let due = lastFrame.map { $0 + TerminalRunner.frameInterval } ?? clock.now
        guard clock.now >= due else {
            frameScheduled = true
            Task { [post, clock] in
                try? await clock.sleep(until: due)
                post.yield(.frameDue)
            }
            return
        }
        if observing {
            backend.draw(program.frame(size: size, glyphs: glyphs))
        } else {
            observing = true
            backend.draw(program.frame(size: size, glyphs: glyphs) { [post] in post.yield(.changed) })
        }
        lastFrame = clock.now
        needsFrame = false
    }
}
