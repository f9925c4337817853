import Observation
import StepgradUI
import TerminalUI

/// One student's view of the lecture: the lecturer's session drawn by a screen of its own at the
/// student's terminal size, colour depth and character set, sent as escape sequences.
///
/// Read-only: what the student types never reaches the session (only `q`, Ctrl-C and Ctrl-D,
/// which leave, and, while the lecturer has put a question, the answer, which reaches the
/// classroom). It redraws when what its last frame showed changes (observation), at most about
/// 30 times a second; while the channel cannot take more output no frame is made, and
/// once it can, one frame of the newest state is sent, so a slow viewer gets fewer frames, never
/// a backlog. A viewer whose channel stays blocked for `stuckLimit` is dropped.
@MainActor
final class Viewer {
    static let frameInterval: Duration = .milliseconds(33)
    static let stuckLimit: Duration = .seconds(10)

    private let classroom: Classroom
    private let output: ViewerOutput
    private let post: AsyncStream<ViewerEvent>.Continuation
    private var terminal = ViewerTerminal()
    private var screen: SessionScreen?
    private var renderer: EscapeSequenceScreen?
    private var observing = false
    private var redrawScheduled = false
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
        defer { if screen != nil { classroom.leave() } }
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
                draw()
            case .input(let bytes):
                if quiz.type(bytes, viewer: ObjectIdentifier(self), classroom: classroom) {
                    draw()
                } else if bytes.contains(where: { $0 == UInt8(ascii: "q") || $0 == 3 || $0 == 4 }) {
                    leave()
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
        guard screen == nil else { return }
        let capabilities = terminal.capabilities
        let theme = ScreenOptions.defaultTheme(presenting: false, depth: capabilities.colourDepth,
                                               environment: terminal.environment)
        screen = SessionScreen(session: classroom.session,
                               options: ScreenOptions(theme: theme, capabilities: capabilities, decimals: classroom.decimals))
        renderer = EscapeSequenceScreen(depth: capabilities.colourDepth, unicode: capabilities.unicode)
        output.send(EscapeSequenceScreen.enter)
        classroom.join()
        draw()
    }

    private func draw() {
        guard let screen, var renderer else { return }
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
    }

    /// A change was observed: the next frame goes out one frame interval later, with every change
    /// made meanwhile.
    private func scheduleRedraw() {
        guard !redrawScheduled else { return }
        redrawScheduled = true
        Task { [post] in
            try? await Task.sleep(for: Self.frameInterval)
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
