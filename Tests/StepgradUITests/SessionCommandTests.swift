import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// Saving, quitting, reloading and fast-forwarding: the commands that reach beyond the screen.
@MainActor
struct SessionCommandTests {
    /// A scenario file of the homework network in a fresh directory, and a screen on it that can reload it.
    func fileScreen(learningRate: Double = 0.1) throws -> (TestBackend<SessionScreen>, SessionScreen, directory: String, path: String) {
        let directory = Fixtures.temporaryDirectory()
        let path = directory + "/homework.yaml"
        try Self.homeworkYAML(learningRate: learningRate).write(toFile: path, atomically: true, encoding: .utf8)
        let session = TrainingSession(scenario: try ScenarioLoader.load(path: path),
                                      stateDirectory: directory + "/state", loader: ScenarioLoader.load(path:))
        let program = SessionScreen(session: session, options: ScreenOptions(theme: .dark, capabilities: Fixtures.colour))
        return (TestBackend(program: program, size: Size(width: 80, height: 24)), program, directory, path)
    }

    static func homeworkYAML(learningRate: Double) -> String {
        """
        title: homework
        input: [0.5, -1, 2]
        target: [1, 1, 0]
        layers:
          - units: 4
            activation: relu
            bias: false
            weights: [[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]
          - units: 3
            activation: softmax
            bias: false
            weights: [[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]
        loss: cross-entropy
        optimizer: {name: sgd, learning-rate: \(learningRate)}

        """
    }

    @Test(arguments: [InputEvent.key(KeyEvent("q")), .key(KeyEvent("c", .control)), .hangup, .terminate, .interrupt])
    func leavingSavesTheSession(_ event: InputEvent) throws {
        let (backend, program, _, _) = try fileScreen()
        backend.press(KeyEvent(.right), KeyEvent(.right))
        #expect(backend.send(event).quits || event.endsRun)
        program.saveForExit()
        let path = try #require(program.session.stateFilePath)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(program.closingMessage == nil)
        let (resumed, outcome) = TrainingSession.resume(program.session.scenario,
                                                        stateDirectory: program.session.stateDirectory)
        #expect(outcome == .resumed(iteration: 1))
        #expect(resumed.cursor == Cursor(operation: 1, revealed: 4))
    }

    /// s saves in a command, after `update`: nothing is written until the backend runs it.
    @Test func saveSaysWhere() async throws {
        let (backend, program, _, _) = try fileScreen()
        backend.press(KeyEvent("s"))
        #expect(!backend.lines[23].contains("Saved to"))
        await backend.settle()
        let path = try #require(program.session.stateFilePath)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(backend.lines[23].contains("Saved to"))
    }

    /// A session that cannot be saved still quits, and says why once the terminal is back.
    @Test func aFailedSaveIsReportedAfterQuitting() throws {
        let (backend, program, directory, _) = try fileScreen()
        try "not a directory".write(toFile: directory + "/state", atomically: true, encoding: .utf8)
        #expect(backend.send(.key(KeyEvent("q"))).quits)
        program.saveForExit()
        #expect(program.closingMessage?.hasPrefix("stepgrad: the session was not saved:") == true)
    }

    @Test func aScenarioBuiltInMemoryQuitsQuietly() {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        #expect(backend.send(.key(KeyEvent("q"))).quits)
        program.saveForExit()
        #expect(program.closingMessage == nil)
    }

    /// r reads the file again: an edited learning rate shows in the update, at the same place.
    @Test func reloadKeepsThePlace() async throws {
        let (backend, program, _, path) = try fileScreen()
        backend.press(KeyEvent(.end))
        #expect(backend.lines.contains { $0.contains("W₂′[0,0] = 0.1 − 0.1·(−0.3464) = 0.1346") })
        try Self.homeworkYAML(learningRate: 0.5).write(toFile: path, atomically: true, encoding: .utf8)
        backend.press(KeyEvent("r"))
        await backend.settle()
        #expect(backend.lines[23].contains("Reloaded; back at iteration 1."))
        #expect(program.session.isAtEndOfIteration)
        // 0.1 − 0.5·(−0.3464) = 0.2732, worked by hand.
        #expect(backend.lines.contains { $0.contains("W₂′[0,0] = 0.1 − 0.5·(−0.3464) = 0.2732") })
    }

    @Test func reloadWithoutAFileSaysWhy() async {
        let backend = TestBackend(program: Fixtures.screen(), size: Size(width: 80, height: 24))
        backend.press(KeyEvent("r"))
        await backend.settle()
        #expect(backend.lines[23].contains("Not reloaded: This scenario was not read from a file"))
    }

    /// f asks how far, shows the progress, lands at the start of the iteration after, and says so.
    @Test func fastForward() async throws {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.press(KeyEvent("f"))
        #expect(backend.lines.contains { $0.contains("How many iterations?") })
        #expect(backend.lines.contains { $0.contains("100  typing replaces it") })
        backend.type("25x")
        backend.press(KeyEvent(.enter))
        #expect(program.session.isBusy)
        #expect(backend.lines.contains { $0.contains("of 25 iterations") })
        backend.press(KeyEvent(.right))
        #expect(backend.lines[23].contains("A fast-forward is under way: Esc cancels it."))
        await backend.settle()
        #expect(program.session.iteration == 26 && program.session.isAtStartOfIteration)
        #expect(backend.lines[23].contains("Now at iteration 26."))
        #expect(program.session.lossHistory.count == 25)
    }

    /// The prompt suggests the last count (100 at first), selected: Enter runs it, a digit replaces it.
    @Test func fastForwardSuggestsTheLastCount() async throws {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.press(KeyEvent("f"), KeyEvent(.enter))
        await backend.settle()
        #expect(program.session.iteration == 101)
        backend.press(KeyEvent("f"))
        backend.type("7")
        #expect(backend.lines.contains { $0.contains("┃ 7 ") } && !backend.lines.joined().contains("typing replaces"),
                "\(backend.lines.joined(separator: "\n"))")
        backend.press(KeyEvent(.enter))
        await backend.settle()
        #expect(program.session.iteration == 108)
        backend.press(KeyEvent("f"))
        #expect(backend.lines.contains { $0.contains("7  typing replaces it") })
        backend.press(KeyEvent(.enter))
        await backend.settle()
        #expect(program.session.iteration == 115)
    }

    @Test func fastForwardCanBeCancelledBeforeItStarts() {
        let program = Fixtures.screen()
        let backend = TestBackend(program: program, size: Size(width: 80, height: 24))
        backend.press(KeyEvent("f"), KeyEvent(.escape))
        #expect(!program.session.isBusy)
        #expect(!backend.lines.joined().contains("How many iterations?"))
        backend.press(KeyEvent("f"), KeyEvent(.backspace), KeyEvent(.backspace), KeyEvent(.backspace), KeyEvent(.enter))
        #expect(!program.session.isBusy)
        #expect(backend.lines[23].contains("Fast-forward needs a number of iterations"))
    }
}
