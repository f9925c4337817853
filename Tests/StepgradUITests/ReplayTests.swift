import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// `stepgrad replay`: a recording drawn again at another size and theme, the same steps in order;
/// and its asciicast, whose events replayed through a terminal emulator give the same frames.
@MainActor
struct ReplayTests {
    /// A lecture on the homework: forward by operations, the loss, then element by element, then a
    /// fast-forward to iteration 3.
    static func lecture() throws -> (Recording, [Scenario]) {
        let text = try String(contentsOfFile: try Exercises.resolve("relu-softmax-3-4-3"), encoding: .utf8)
        var recording = Recording(name: "hw.yaml", scenarioText: text)
        let places: [(Double, Int, Cursor, Granularity)] = [
            (0, 1, .start, .operation), (1, 1, Cursor(operation: 0, revealed: 4), .operation),
            (2, 1, Cursor(operation: 1, revealed: 4), .operation), (3, 1, Cursor(operation: 2, revealed: 3), .operation),
            (4, 1, Cursor(operation: 3, revealed: 3), .operation), (5, 1, Cursor(operation: 4, revealed: 1), .operation),
            (9, 1, Cursor(operation: 5, revealed: 1), .element), (10, 1, Cursor(operation: 5, revealed: 2), .element),
            (15, 3, .start, .element),
        ]
        for (t, iteration, cursor, granularity) in places {
            recording.entries.append(.init(time: t, event: .place(.init(iteration: iteration, cursor: cursor, granularity: granularity))))
        }
        return (recording, [try ScenarioLoader.parse(text)])
    }

    func replay(size: Size = Size(width: 80, height: 24), theme: Theme = .light) throws -> (TestBackend<ReplayScreen>, ReplayScreen) {
        let (recording, scenarios) = try Self.lecture()
        let program = ReplayScreen(recording: recording, scenarios: scenarios,
                                   options: ScreenOptions(theme: theme, capabilities: Fixtures.colour),
                                   stateDirectory: Fixtures.temporaryDirectory())
        program.go(to: 0)
        return (TestBackend(program: program, size: size), program)
    }

    func header(_ backend: TestBackend<ReplayScreen>) -> String { backend.lines[1] }

    @Test func theSameStepsInOrderAtAnotherSizeAndTheme() async throws {
        let (backend, program) = try replay()
        backend.draw()
        #expect(header(backend).contains("step 0 of 13"))
        #expect(header(backend).contains("replay 1/9"))
        #expect(program.screen.theme.name == "light")
        var steps: [String] = []
        for _ in 0..<5 {
            backend.press(KeyEvent(.right))
            steps.append(try #require(header(backend).firstMatch(of: /step \d+ of \d+/)).output.description)
        }
        #expect(steps == ["step 1 of 13", "step 2 of 13", "step 3 of 13", "step 4 of 13", "step 5 of 13"])
        backend.press(KeyEvent(.right))
        #expect(header(backend).contains("element") && header(backend).contains("replay 7/9"))
        backend.press(KeyEvent(.left), KeyEvent(.left))
        #expect(header(backend).contains("step 4 of 13"))

        backend.press(KeyEvent(.end))   // iteration 3: trained on in the background
        await backend.settle()
        #expect(header(backend).contains("iteration 3") && header(backend).contains("replay 9/9"))
        backend.press(KeyEvent(.right))
        #expect(backend.lines[23].contains("This is the end of the recording."))
        backend.press(KeyEvent(.home))
        #expect(header(backend).contains("iteration 1") && header(backend).contains("step 0 of 13"))
    }

    @Test func phasesArePlacesWhereThePhaseChanges() throws {
        let (backend, program) = try replay()
        backend.press(KeyEvent(.right), KeyEvent("]"))   // from forward (z₁) to the loss
        #expect(program.position == 5)
        backend.press(KeyEvent("]"))   // to the backward phase (element by element)
        #expect(program.position == 6)
        backend.press(KeyEvent("["))   // the first place of the loss phase
        #expect(program.position == 5)
        backend.press(KeyEvent("["))   // the first place of the forward phase
        #expect(program.position == 1)
    }

    @Test func playFollowsTheRecordedPaceAndThemeChanges() throws {
        let (backend, program) = try replay(size: Size(width: 120, height: 40), theme: .dark)
        backend.press(KeyEvent(" "))
        backend.advance(by: .milliseconds(999))
        #expect(program.position == 0)
        backend.advance(by: .milliseconds(1))
        #expect(program.position == 1)
        backend.advance(by: .seconds(4))
        #expect(program.position == 5)
        backend.advance(by: .seconds(2))   // 4 s recorded, played as at most 2 s
        #expect(program.position == 6)
        backend.press(KeyEvent(" "))
        backend.advance(by: .seconds(10))
        #expect(program.position == 6, "paused")
        backend.press(KeyEvent("t"))
        #expect(program.screen.theme.name != "dark")
        #expect(program.screen.session.cursor == Cursor(operation: 5, revealed: 1), "t changes only the look")
    }

    @Test func theAsciicastReplaysToTheSameFrames() async throws {
        let (recording, scenarios) = try Self.lecture()
        let program = ReplayScreen(recording: recording, scenarios: scenarios,
                                   options: ScreenOptions(theme: .dark, capabilities: TerminalCapabilities(colourDepth: .palette256, unicode: true)),
                                   stateDirectory: Fixtures.temporaryDirectory())
        let size = Size(width: 100, height: 30)
        let cast = await Asciicast.export(program, size: size, title: "hw", depth: .palette256)
        let lines = String(decoding: cast.data, as: UTF8.self).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(lines.count == 1 + 9 && cast.frames.count == 9)
        var terminal = TerminalEmulator(size: size)
        var times: [Double] = []
        for (line, frame) in zip(lines.dropFirst(), cast.frames) {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && event[1] as? String == "o")
            times.append(try #require(event[0] as? Double))
            terminal.feed(Array(try #require(event[2] as? String).utf8))
            #expect(terminal.screen.lines == frame.lines)
        }
        #expect(times == [0, 1, 2, 3, 4, 5, 9, 10, 15])
        #expect(cast.frames[8].lines[1].contains("iteration 3"))
        #expect(terminal.unsupported.isEmpty)
    }
}
