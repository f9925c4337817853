import Observation
import StepgradUI
import TerminalUI

/// The frames of the lecturer's session for the viewers following it, each drawn once for all the
/// followers who would see the same picture: the same size and look (`ViewerLook`), the same
/// notice and the same quiz prompt. Drawing a frame is the dear part of serving a viewer (about
/// half a millisecond on the main actor, which the lecturer shares); a room of 200 at one size
/// costs one drawing a step, not 200. Roaming viewers draw their own copies themselves.
///
/// When what a frame read changes (the session, the classroom's question), every frame is
/// dropped and every follower is told, and redraws when its frame interval allows.
@MainActor
final class LectureFrames {
    private let classroom: Classroom
    /// The looks seen so far, numbered (a theme is long to hash for every frame), each with one
    /// screen shared by its followers: a screen draws any size.
    private var looks: [ViewerLook: Int] = [:]
    private var screens: [(look: ViewerLook, screen: SessionScreen)] = []
    private var frames: [Key: Weak] = [:]
    private var followers: [ObjectIdentifier: AsyncStream<ViewerEvent>.Continuation] = [:]
    /// Bumped when what the frames showed changes; a change seen by an older drawing is stale.
    private var version = 0

    struct Key: Hashable {
        /// See `number(of:)`.
        var look: Int
        var size: Size
        var notice: ViewerNotice?
        var prompt: QuizPrompt?
    }

    /// A frame is kept while some follower shows it, no longer: the frames of notices and typed
    /// answers, each a viewer's own, go with the next one.
    private struct Weak {
        weak var frame: SharedFrame?
    }

    init(classroom: Classroom) {
        self.classroom = classroom
    }

    /// The number of `look` in frame keys, the same for every viewer of that look.
    func number(of look: ViewerLook) -> Int {
        if let number = looks[look] { return number }
        looks[look] = screens.count
        screens.append((look, look.screen(classroom.session, role: .following, decimals: classroom.decimals)))
        return screens.count - 1
    }

    /// `viewer` follows now: it hears of changes as `.changed` on `events`.
    func follow(_ viewer: ObjectIdentifier, events: AsyncStream<ViewerEvent>.Continuation) {
        followers[viewer] = events
    }

    func unfollow(_ viewer: ObjectIdentifier) {
        followers[viewer] = nil
    }

    /// The lecturer's session now as `key` shows it, drawn if no follower has drawn it yet.
    func frame(_ key: Key) -> SharedFrame {
        if let frame = frames[key]?.frame { return frame }
        let (look, screen) = screens[key.look]
        let drawnAt = version
        let grid = withObservationTracking {
            _ = classroom.question  // a question put or closed redraws every follower's prompt
            return screen.frame(size: key.size, glyphs: look.capabilities.glyphs, notice: key.notice, prompt: key.prompt)
        } onChange: {
            // Called as the change begins; it is complete once the main actor gets to this.
            Task { @MainActor [weak self] in self?.changed(since: drawnAt) }
        }
        let frame = SharedFrame(grid)
        if frames.count > 2 * followers.count + 16 { frames = frames.filter { $0.value.frame != nil } }
        frames[key] = Weak(frame: frame)
        return frame
    }

    private func changed(since drawnAt: Int) {
        guard drawnAt == version else { return }
        version += 1
        frames.removeAll()
        for events in followers.values { events.yield(.changed) }
    }
}
