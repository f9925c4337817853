import Foundation
import StepgradScenario
@testable import StepgradServe
import StepgradSession
import StepgradUI
import TerminalUI
import Testing

/// Followers who would see the same picture share one drawing of it, and one diff from the frame
/// they showed before; anything of their own (size, look, notice, quiz prompt) gets its own frame.
@MainActor
struct LectureFramesTests {
    let classroom: Classroom
    let frames: LectureFrames
    let look = ViewerLook(ViewerTerminal(term: "xterm-256color", environment: ["LANG": "C.UTF-8"]))

    init() throws {
        let scenario = try ScenarioLoader.load(path: Exercises.resolve("relu-softmax-3-4-3"))
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-frames-\(UUID().uuidString)").path
        classroom = Classroom(session: TrainingSession(scenario: scenario, stateDirectory: state))
        frames = LectureFrames(classroom: classroom)
    }

    func key(_ width: Int = 80, _ height: Int = 24, notice: ViewerNotice? = nil) -> LectureFrames.Key {
        LectureFrames.Key(look: frames.number(of: look), size: Size(width: width, height: height), notice: notice, prompt: nil)
    }

    @Test func followersOfOneLookAndSizeShareAFrameOthersGetTheirOwn() {
        let first = frames.frame(key())
        #expect(frames.frame(key()) === first, "a second follower of the same look and size is not drawn for again")
        let wide = frames.frame(key(120, 40))
        #expect(wide !== first && wide.grid.size == Size(width: 120, height: 40))
        let dumb = frames.number(of: ViewerLook(ViewerTerminal(term: "dumb")))
        #expect(dumb != frames.number(of: look) && frames.number(of: look) == frames.number(of: look))
        let mono = frames.frame(LectureFrames.Key(look: dumb, size: Size(width: 80, height: 24)))
        #expect(mono !== first)
        #expect(coloured(mono.grid) == 0 && coloured(first.grid) > 0, "drawn in the look of each terminal")
        let told = frames.frame(key(notice: ViewerNotice("Only the lecturer can do that.", isError: true)))
        #expect(told !== first)
        #expect(told.grid.lines.last?.contains("Only the lecturer can do that.") == true)
        #expect(first.grid.lines.last?.contains("Only the lecturer") == false, "a notice is the viewer's alone")
        #expect(first.grid.lines.contains { $0.contains("step 0 of 13") })
    }

    private func coloured(_ grid: Grid) -> Int {
        (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y].style } }
            .filter { $0.foreground != nil || $0.background != nil }.count
    }

    @Test(.timeLimit(.minutes(10))) func aStepTellsEveryFollowerAndTheNextFrameShowsIt() async throws {
        let (events, post) = AsyncStream<ViewerEvent>.makeStream()
        frames.follow(ObjectIdentifier(self.classroom), events: post)
        let before = frames.frame(key())
        classroom.session.stepForward()
        var heard = events.makeAsyncIterator()
        guard case .changed = await heard.next() else { Issue.record("the follower was not told"); return }
        let after = frames.frame(key())
        #expect(after !== before)
        #expect(after.grid.lines.contains { $0.contains("step 1 of 13") })

        // The diff from the frame before, worked out once, brings a terminal that showed it to this one.
        let encoder = look.encoder
        var terminal = TerminalEmulator(size: Size(width: 80, height: 24))
        terminal.feed(before.bytes(after: nil, on: encoder))
        #expect(terminal.screen.lines == before.grid.lines)
        let diff = after.bytes(after: before, on: encoder)
        #expect(diff.count < before.bytes(after: nil, on: encoder).count, "only what changed is sent")
        #expect(after.bytes(after: before, on: encoder) == diff)
        terminal.feed(diff)
        #expect(terminal.screen.lines == after.grid.lines)
    }
}

/// The lecturer edits the scenario and reloads: followers' frames show the new numbers at the same
/// place, not what the screen they share had worked out from the old ones.
@MainActor @Test(.timeLimit(.minutes(10))) func aReloadByTheLecturerReachesTheFollowersFrames() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("exercise.yaml").path
    try FileManager.default.copyItem(atPath: Exercises.resolve("relu-softmax-3-4-3"), toPath: file)
    let session = TrainingSession(scenario: try ScenarioLoader.load(path: file), stateDirectory: folder.path,
                                  loader: { try ScenarioLoader.load(path: $0) })
    session.granularity = .element
    session.stepForward()
    let frames = LectureFrames(classroom: Classroom(session: session))
    let (events, post) = AsyncStream<ViewerEvent>.makeStream()
    frames.follow(ObjectIdentifier(session), events: post)
    let key = LectureFrames.Key(look: frames.number(of: ViewerLook(ViewerTerminal())), size: Size(width: 120, height: 40))
    // z₁[0] = W₁[0,0]·x[0] + … = 0.2·0.5 + …; with W₁[0,0] edited to 0.7, 0.7·0.5 + ….
    #expect(frames.frame(key).grid.lines.contains { $0.contains("0.2·0.5") })
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "[ 0.2, -0.3,  0.4]", with: "[ 0.7, -0.3,  0.4]").write(toFile: file, atomically: true, encoding: .utf8)
    #expect(session.reload() == .kept(iteration: 1))
    var heard = events.makeAsyncIterator()
    guard case .changed = await heard.next() else { Issue.record("the follower was not told"); return }
    let lines = frames.frame(key).grid.lines
    #expect(lines.contains { $0.contains("0.7·0.5") }, "\(lines.joined(separator: "\n"))")
    #expect(!lines.contains { $0.contains("0.2·0.5") })
}
