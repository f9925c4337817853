import Observation
import StepgradSession
import StepgradUI
import TerminalUI

/// One student's view of the lecture: the lecturer's session at the student's terminal size,
/// colour depth and character set, sent as escape sequences. While following, its frames come
/// from `LectureFrames`, drawn once for every follower who sees the same; the viewer's own
/// notices ("only the lecturer can do that") and quiz prompt are part of what it sees.
///
/// Read-only for the lecturer: what the student types never reaches the lecturer's session (while
/// the lecturer has put a question, the answer reaches the classroom; see `ViewerQuiz`). A key
/// a viewer may use (stepping, phases, granularity, panels, inspecting; see
/// `SessionScreen.isRoamingKey`) starts roaming: the viewer's screen switches to a copy of the
/// session at the lecturer's place, drawn for this viewer alone, and their keys move that copy;
/// `L` drops the copy and snaps back to the lecturer's step. `q`, Ctrl-C and Ctrl-D leave. At
/// most `keysPerSecond` keys count.
///
/// It redraws when what its last frame showed changes (observation) or its window does, at most
/// about 30 times a second (fewer for a window larger than 200×60): a change after a quiet spell
/// is drawn at once, later ones wait out the rest of the frame interval and go out together.
/// While the channel cannot take more output no frame is made, and once it can, one frame of the
/// newest state is sent, so a slow viewer gets fewer frames, never a backlog. A viewer whose
/// channel stays blocked for `stuckLimit` is dropped.
@MainActor
final class Viewer {
    static let frameInterval: Duration = .milliseconds(33)
    static let stuckLimit: Duration = .seconds(10)
    /// Keys taken from one viewer in a second; more (a paste, a flood) are dropped, so that no
    /// viewer can keep the main actor, and with it the lecturer, busy stepping a copy.
    static let keysPerSecond = 60
    /// How long a notice stays at least; it goes with the lecturer's next move after that.
    static let noticeTime: Duration = .seconds(3)

    private let classroom: Classroom
    private let frames: LectureFrames
    private let output: ViewerOutput
    private let post: AsyncStream<ViewerEvent>.Continuation
    private var terminal = ViewerTerminal()
    /// Set once the viewer's shell has started: how its terminal shows the lecture, and its number in `frames`.
    private var look: ViewerLook?
    private var lookNumber = 0
    /// The viewer's own copy, while roaming; `nil` while following the lecturer.
    private var roam: SessionScreen?
    /// A line for this viewer alone in the key bar of the lecturer's session, and when it was put there.
    private var notice: (ViewerNotice, since: ContinuousClock.Instant)?
    private var keys = KeyDecoder()
    private var keyWindow = (start: ContinuousClock.now, count: 0)
    /// The frame the viewer's terminal shows, as far as we know; `nil` after a resize.
    private var shown: SharedFrame?
    private var observing = false
    private var redrawScheduled = false
    private var lastFrame: ContinuousClock.Instant?
    private var owed = false
    private var blockedSince: ContinuousClock.Instant?
    /// The answer this viewer is typing to the lecturer's question, if one is open.
    private var quiz = ViewerQuiz()

    init(classroom: Classroom, frames: LectureFrames, output: ViewerOutput, post: AsyncStream<ViewerEvent>.Continuation) {
        self.classroom = classroom
        self.frames = frames
        self.output = output
        self.post = post
    }

    private var id: ObjectIdentifier { ObjectIdentifier(self) }

    func run(_ events: AsyncStream<ViewerEvent>) async {
        defer {
            if look != nil {
                frames.unfollow(id)
                classroom.leave(roaming: roam != nil)
            }
        }
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
                shown = nil
                scheduleRedraw()
            case .input(let bytes):
                if quiz.type(bytes, viewer: id, classroom: classroom) {
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
        guard look == nil else { return }
        let look = ViewerLook(terminal)
        self.look = look
        lookNumber = frames.number(of: look)
        output.send(EscapeSequenceScreen.enter)
        classroom.join()
        frames.follow(id, events: post)
        draw()
    }

    /// One key the viewer pressed; `false` once the viewer is leaving.
    private func press(_ key: KeyEvent) -> Bool {
        guard let look else { return true }
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
            frames.follow(id, events: post)
            notice = (ViewerNotice("Following the lecturer again."), now)
        } else if let roam {
            send(key, to: roam)
        } else if SessionScreen.isRoamingKey(key) {
            let roam = look.screen(classroom.session.copy(), role: .roaming, decimals: classroom.decimals)
            self.roam = roam
            frames.unfollow(id)
            classroom.roam()
            roam.notify("Looking around on your own copy; L goes back to the lecturer.")
            send(key, to: roam)
        } else {
            notice = (ViewerNotice("Only the lecturer can do that; ←→ look around on your own copy.", isError: true), now)
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
        guard let look else { return }
        guard output.isWritable else {
            owed = true
            let now = ContinuousClock.now
            if let since = blockedSince, now - since > Self.stuckLimit { return drop() }
            if blockedSince == nil { blockedSince = now }
            return
        }
        owed = false
        blockedSince = nil
        quiz.follow(classroom)
        let frame = roam.map { roamingFrame($0, look: look) } ?? followingFrame()
        output.send(frame.bytes(after: shown, on: look.encoder))
        shown = frame
        lastFrame = .now
    }

    /// The lecturer's session as this viewer sees it, drawn once for every follower who sees the same.
    private func followingFrame() -> SharedFrame {
        if let (_, since) = notice, ContinuousClock.now - since > Self.noticeTime { notice = nil }
        return frames.frame(LectureFrames.Key(look: lookNumber, size: terminal.size, notice: notice?.0, prompt: quiz.prompt))
    }

    /// The viewer's own copy, drawn for them alone, observed for changes (its own, and the
    /// classroom's question, which `draw` read).
    private func roamingFrame(_ screen: SessionScreen, look: ViewerLook) -> SharedFrame {
        screen.quizPrompt = quiz.prompt
        let render = { screen.frame(size: self.terminal.size, glyphs: look.capabilities.glyphs) }
        if observing { return SharedFrame(render()) }
        observing = true
        return SharedFrame(withObservationTracking {
            _ = classroom.question
            return render()
        } onChange: { [post] in post.yield(.changed) })
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
