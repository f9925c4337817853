import Observation
import StepgradSession
import StepgradUI
import TerminalUI

/// One student's view of the lecture: the lecturer's session drawn by a screen of its own at the
/// student's terminal size, colour depth and character set, sent as escape sequences.
///
/// Read-only for the lecturer: what the student types never reaches the lecturer's session (while
/// the lecturer has put a question, the answer reaches the classroom; see `ViewerQuiz`). A key
/// a viewer may use (stepping, phases, granularity, panels, inspecting; see
/// `SessionScreen.isRoamingKey`) starts roaming: the viewer's screen switches to a copy of the
/// session at the lecturer's place, and their keys move that copy; `L` drops the copy and snaps
/// back to the lecturer's step. `q`, Ctrl-C and Ctrl-D leave. At most `keysPerSecond` keys count.
///
/// It redraws when what its last frame showed changes (observation) or its window does, at most
/// about 30 times a second (fewer for a window larger than 200×60): a change after a quiet spell
/// is drawn at once, later ones wait out the rest of the frame interval and go out together.
/// While the channel cannot take more output no frame is made, and once it can, one frame of the
/// newest state is sent, so a slow viewer gets fewer frames, never a backlog. A viewer whose channel stays blocked for `stuckLimit` is dropped.
@MainActor
final class Viewer {
    static let frameInterval: Duration = .milliseconds(33)
    static let stuckLimit: Duration = .seconds(10)
    /// Keys taken from one viewer in a second; more (a paste, a flood) are dropped, so that no
    /// viewer can keep the main actor, and with it the lecturer, busy stepping a copy.
    static let keysPerSecond = 60

    private let classroom: Classroom
    private let output: ViewerOutput
    private let post: AsyncStream<ViewerEvent>.Continuation
    private var terminal = ViewerTerminal()
    /// The lecturer's session, drawn for this viewer.
    private var lecture: SessionScreen?
    /// The viewer's own copy, while roaming.
    private var roam: SessionScreen?
    private var keys = KeyDecoder()
    private var keyWindow = (start: ContinuousClock.now, count: 0)
    private var renderer: EscapeSequenceScreen?
    private var observing = false
    private var redrawScheduled = false
    private var lastFrame: ContinuousClock.Instant?
    private var owed = false
    private var blockedSince: ContinuousClock.Instant?
    /// The answer this viewer is typing to the lecturer's question, if one is open.
    private var quiz = ViewerQuiz()

    init(classroom: Classroom, output: ViewerOutput, post: AsyncStream<ViewerEvent>.Continuation) {
        self.classroom = classroom
        self.output = output
        self.post = post
    }

    func run(_ events: AsyncStream<ViewerEvent>) async {
        defer { if lecture != nil { classroom.leave(roaming: roam != nil) } }
        for await event in events {
            switch event {
            case .terminal(let term, let size):
                terminal.term = term
                terminal.size = size
            case .environment(let name, let value):
                if ["LANG", "LC_ALL", "LC_CTYPE", "COLORTERM", "NO_COLOR"].contains(name) {
                    terminal.environment[name] = value
                }
            case .shell:
                start()
            case .resize(let size):
                terminal.size = size
                renderer?.invalidate()
                scheduleRedraw()
            case .input(let bytes):
                if quiz.type(bytes, viewer: ObjectIdentifier(self), classroom: classroom) {
                    draw()
                } else {
                    for key in keys.decode(bytes) {
                        guard press(key) else { break }
                    }
                }
            case .writable(let writable):
                if writable && owed { draw() }
            case .changed:
                observing = false
                scheduleRedraw()
            case .redraw:
                redrawScheduled = false
                draw()
            case .closed:
                return
            }
        }
    }

    private func start() {
        guard lecture == nil else { return }
        lecture = makeScreen(classroom.session, role: .following)
        let capabilities = terminal.capabilities
        renderer = EscapeSequenceScreen(depth: capabilities.colourDepth, unicode: capabilities.unicode)
        output.send(EscapeSequenceScreen.enter)
        classroom.join()
        draw()
    }

    private func makeScreen(_ session: TrainingSession, role: ViewerRole) -> SessionScreen {
        let capabilities = terminal.capabilities
        let theme = ScreenOptions.defaultTheme(presenting: false, depth: capabilities.colourDepth,
                                               environment: terminal.environment)
        let screen = SessionScreen(session: session,
                                   options: ScreenOptions(theme: theme, capabilities: capabilities, decimals: classroom.decimals))
        screen.viewerRole = role
        return screen
    }

    /// One key the viewer pressed; `false` once the viewer is leaving.
    private func press(_ key: KeyEvent) -> Bool {
        guard let lecture else { return true }
        if key == KeyEvent("q") || key.isControlC || key == KeyEvent("d", .control) {
            leave()
            return false
        }
        let now = ContinuousClock.now
        if now - keyWindow.start >= .seconds(1) { keyWindow = (now, 0) }
        guard keyWindow.count < Self.keysPerSecond else { return true }
        keyWindow.count += 1
        if key == KeyEvent("L") {
            guard roam != nil else { return true }
            roam = nil
            classroom.snapBack()
            lecture.notify("Following the lecturer again.")
        } else if let roam {
            send(key, to: roam)
        } else if SessionScreen.isRoamingKey(key) {
            let roam = makeScreen(classroom.session.copy(), role: .roaming)
            self.roam = roam
            classroom.roam()
            roam.notify("Looking around on your own copy; L goes back to the lecturer.")
            send(key, to: roam)
        } else {
            lecture.notify("Only the lecturer can do that; ←→ look around on your own copy.", isError: true)
        }
        // What is drawn now is another screen, or the same screen moved: a new frame, observed anew.
        observing = false
        scheduleRedraw()
        return true
    }

    /// A viewer's screen refuses play, fast-forward, reload and save, the keys that ask for work
    /// (`SessionScreen.lecturerOnly`), so what it answers a key is never work to do.
    private func send(_ key: KeyEvent, to screen: SessionScreen) {
        let command = screen.update(.key(key))
        assert(command.effects.isEmpty, "a viewer's key asked for work: \(key)")
    }

    private func draw() {
        guard let screen = roam ?? lecture, var renderer else { return }
        guard output.isWritable else {
            owed = true
            let now = ContinuousClock.now
            if let since = blockedSince, now - since > Self.stuckLimit { return drop() }
            if blockedSince == nil { blockedSince = now }
            return
        }
        owed = false
        blockedSince = nil
        let glyphs = terminal.capabilities.glyphs
        let frame: Grid
        let render = { [classroom] in
            self.quiz.follow(classroom)
            screen.quizPrompt = self.quiz.prompt
            return screen.frame(size: self.terminal.size, glyphs: glyphs)
        }
        if observing {
            frame = render()
        } else {
            observing = true
            // The classroom's question is observed too: a question put or closed redraws.
            frame = withObservationTracking(render) { [post] in post.yield(.changed) }
        }
        output.send(renderer.update(to: frame))
        self.renderer = renderer
        lastFrame = .now
    }

    /// The time between two frames: `frameInterval`, longer in proportion for a window of more
    /// than 12,000 cells (200×60), so that a huge window (500×200 at most) or a storm of window
    /// changes costs the main actor, shared with the lecturer and every viewer, no more than a
    /// usual one.
    private var frameInterval: Duration {
        Self.frameInterval * max(1, Double(terminal.size.width * terminal.size.height) / 12_000)
    }

    /// A change was observed: the next frame goes out as soon as a frame interval has passed since
    /// the last, with every change made meanwhile. (The change is complete by then: observation
    /// calls before a property changes, but this runs after the update that changed it.)
    private func scheduleRedraw() {
        guard !redrawScheduled else { return }
        redrawScheduled = true
        let wait = lastFrame.map { $0 + frameInterval - .now } ?? .zero
        guard wait > .zero else { post.yield(.redraw); return }
        Task { [post] in
            try? await Task.sleep(for: wait)
            post.yield(.redraw)
        }
    }

    private func leave() {
        output.finish(status: 0, farewell: EscapeSequenceScreen.leave + Array("Left the lecture.\r\n".utf8))
    }

    private func drop() {
        output.finish(status: 1)
    }
}
