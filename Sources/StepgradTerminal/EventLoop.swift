import CNcurses
import Glibc
import TerminalUI

/// The loop of one run: sleep in poll(2) until input, a signal, the next tick or the next frame is
/// due; hand events to the program; draw at most one frame per `TerminalRunner.frameInterval`.
/// With no tick wanted and nothing to draw it sleeps without a timeout, so an idle program costs
/// no CPU; a terminal that has gone away ends the loop instead of waking it forever.
@MainActor
struct EventLoop<Program: TerminalProgram> {
    let program: Program
    let backend: NcursesBackend
    let relay: SignalRelay
    let glyphs: Glyphs

    private let clock = ContinuousClock()
    private var size = Size(width: 0, height: 0)
    private var needsFrame = true
    private var lastFrame: ContinuousClock.Instant?
    private var nextTick: ContinuousClock.Instant?

    init(program: Program, backend: NcursesBackend, relay: SignalRelay, glyphs: Glyphs) {
        self.program = program
        self.backend = backend
        self.relay = relay
        self.glyphs = glyphs
    }

    mutating func run() -> TerminalOutcome {
        size = backend.size
        if let end = deliver(.resize(size)) { return end }
        while true {
            drawIfDue()
            let wake = sleep(until: deadline)
            for signal in relay.receivedSignals() {
                switch signal {
                case SIGHUP: return end(.hangup, .hangup)
                case SIGINT: return end(.interrupt, .interrupted)
                case SIGTERM: return end(.terminate, .terminated)
                case SIGTSTP: if let end = suspend() { return end }
                default: break  // SIGWINCH: ncurses reports the new size as input, read below
                }
            }
            if wake.inputHungUp { return end(.hangup, .hangup) }
            let inputs = backend.readInput()
            if inputs.isEmpty && wake.inputReady && backend.inputAtEnd() { return end(.hangup, .hangup) }
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
            if let tick = nextTick, clock.now >= tick {
                nextTick = nil
                if let end = deliver(.tick) { return end }
            }
        }
    }

    /// Hands `event` to the program; returns `.quit` if it asks to.
    private mutating func deliver(_ event: InputEvent) -> TerminalOutcome? {
        let action = program.update(event)
        needsFrame = true
        if action == .quit { return .quit }
        if let interval = program.tickInterval {
            if nextTick == nil { nextTick = clock.now + interval }
        } else {
            nextTick = nil
        }
        return nil
    }

    /// Tells the program of an event that ends the run whatever it answers, so it can note its
    /// state while there is time.
    private func end(_ event: InputEvent, _ outcome: TerminalOutcome) -> TerminalOutcome {
        _ = program.update(event)
        return outcome
    }

    private mutating func adoptSize(_ newSize: Size) -> TerminalOutcome? {
        guard newSize != size else { return nil }
        size = newSize
        return deliver(.resize(newSize))
    }

    /// Gives the terminal back to the shell until `fg`, then redraws everything.
    private mutating func suspend() -> TerminalOutcome? {
        let newSize = backend.suspend(using: relay)
        needsFrame = true
        return adoptSize(newSize)
    }

    private mutating func drawIfDue() {
        guard needsFrame, lastFrame.map({ clock.now - $0 >= TerminalRunner.frameInterval }) ?? true else { return }
        backend.draw(program.frame(size: size, glyphs: glyphs))
        lastFrame = clock.now
        needsFrame = false
    }

    /// When the loop must wake even without input: the next tick, or the next frame if one is owed.
    private var deadline: ContinuousClock.Instant? {
        let frameDue = needsFrame ? lastFrame.map { $0 + TerminalRunner.frameInterval } : nil
        return [nextTick, frameDue].compactMap { $0 }.min()
    }

    private struct Wake {
        var inputReady = false
        var inputHungUp = false
    }

    /// poll(2) on standard input and the signal pipe until one is ready or `deadline` passes.
    private func sleep(until deadline: ContinuousClock.Instant?) -> Wake {
        var timeout: Int32 = -1
        if let deadline {
            let remaining = max(clock.now.duration(to: deadline), .zero)
            let (seconds, attoseconds) = remaining.components
            timeout = Int32(min(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000, 60_000))
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: relay.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, timeout)
        // Timed out, or interrupted by a signal (the pipe has it); any other failure would only
        // repeat at once, spinning, so it counts as losing the terminal.
        if ready == 0 || (ready < 0 && errno == EINTR) { return Wake() }
        if ready < 0 { return Wake(inputHungUp: true) }
        let events = descriptors[0].revents
        return Wake(inputReady: events & Int16(POLLIN) != 0,
                    inputHungUp: events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
    }
}
