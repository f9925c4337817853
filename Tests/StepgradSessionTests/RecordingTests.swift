import Foundation
import StepgradEngine
import StepgradScenario
import Testing
@testable import StepgradSession

/// `--record`: the places a session goes through, written atomically into a new file; read back
/// with every line checked, so that a damaged recording is reported with its line, never replayed.
@MainActor
struct RecordingTests {
    /// The bundled 3-4-3 exercise copied into a folder of its own, and its text.
    static func exercise() throws -> (folder: String, path: String, text: String) {
        let folder = Fixtures.temporaryDirectory()
        let bundled = try Exercises.resolve("relu-softmax-3-4-3")
        let path = folder + "/exercise.yaml"
        try FileManager.default.copyItem(atPath: bundled, toPath: path)
        return (folder, path, try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func theRecorderWritesEachNewPlaceAndReadsBackTheSame() throws {
        let (folder, path, text) = try Self.exercise()
        let session = TrainingSession(scenario: try ScenarioLoader.load(path: path), stateDirectory: folder)
        let file = folder + "/lecture.rec"
        let recorder = try SessionRecorder(session: session, scenarioText: text, to: file)
        session.stepForward()
        recorder.note()
        recorder.note()   // nothing moved: nothing added
        session.granularity = .element
        session.stepForward()
        recorder.note()
        session.goToEndOfIteration()
        session.stepForward()   // into iteration 2
        recorder.note()
        try recorder.finish()

        let (recording, scenarios) = try Recording.load(path: file)
        #expect(recording.scenarioText == text)
        #expect(recording.name == "exercise.yaml")
        #expect(scenarios.count == 1 && scenarios[0].network == session.scenario.network)
        #expect(recording.places.map(\.place) == [
            Recording.Place(iteration: 1, cursor: .start, granularity: .operation),
            Recording.Place(iteration: 1, cursor: Cursor(operation: 0, revealed: 4), granularity: .operation),
            Recording.Place(iteration: 1, cursor: Cursor(operation: 1, revealed: 1), granularity: .element),
            Recording.Place(iteration: 2, cursor: .start, granularity: .element),
        ])
        #expect(recording.places.map(\.time) == recording.places.map(\.time).sorted())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file)).count
        #expect(bytes < text.utf8.count + 300, "four places are a few bytes each: \(bytes)")
    }

    @Test func aRecordingNeverReplacesAFile() throws {
        let (folder, path, text) = try Self.exercise()
        let session = TrainingSession(scenario: try ScenarioLoader.load(path: path), stateDirectory: folder)
        let file = folder + "/mine.txt"
        try "the user's notes".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: FileWriteError.exists(path: file)) { try SessionRecorder(session: session, scenarioText: text, to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "the user's notes")
    }

    @Test func seekingReachesThePlaceWithTheEnginesNumbers() async throws {
        let scenario = Fixtures.xor()
        let session = TrainingSession(scenario: scenario, stateDirectory: Fixtures.temporaryDirectory())
        let states = Fixtures.engineStates(scenario, count: 40)
        let cursor = Cursor(operation: 2, revealed: 1)
        let training = try #require(session.seek(iteration: 30, cursor: cursor, granularity: .element))
        #expect(await training.value == .finished(iterations: 29))
        #expect(session.iteration == 30 && session.cursor == cursor && session.granularity == .element)
        #expect(identical(session.parameters, states[29].parameters))
        #expect(session.seek(iteration: 31, cursor: .start, granularity: .phase) == nil, "the next iteration: at once")
        #expect(identical(session.parameters, states[30].parameters))
        let back = try #require(session.seek(iteration: 12, cursor: cursor, granularity: .operation))
        _ = await back.value
        #expect(session.iteration == 12 && identical(session.parameters, states[11].parameters))
        #expect(session.seek(iteration: 1, cursor: .start, granularity: .operation) == nil)
        #expect(session.iteration == 1 && identical(session.parameters, states[0].parameters))
        #expect(session.seek(iteration: 0, cursor: .start, granularity: .operation) == nil)
        #expect(session.seek(iteration: 1, cursor: Cursor(operation: 99, revealed: 1), granularity: .operation) == nil)
        #expect(session.iteration == 1)
    }

    /// A recording's header: the scenario is the homework's text.
    static func header() throws -> String {
        let text = try String(contentsOfFile: try Exercises.resolve("relu-softmax-3-4-3"), encoding: .utf8)
        let data = try JSONSerialization.data(withJSONObject: ["stepgrad-recording": 1, "name": "hw", "scenario": text])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        ("", ":1: not a stepgrad recording (the first line is not its header)"),
        ("title: a scenario, not a recording\n", ":1: not a stepgrad recording"),
        ("{\"stepgrad-recording\": 7, \"scenario\": \"\"}\n", ":1: recording version 7 is not known"),
        ("{\"stepgrad-recording\": 1}\n", ":1: the header has no scenario"),
        ("{\"stepgrad-recording\": 1, \"scenario\": \"layers: 3\"}\n", ":1: the recorded scenario: "),
        ("HEADER\n[0.5,1,0,0,\"operation\"]\n[0.7,1,0,4\n", ":3: not a place or a scenario (not JSON)"),
        ("HEADER\n[0.5,0,0,0,\"operation\"]\n", ":2: iteration 0 is outside 1…1000000000000"),
        ("HEADER\n[0.5,1,0,0,\"operation\"]\n[0.6,1,99,1,\"operation\"]\n", ":3: operation 99, element 1 is not a place"),
        ("HEADER\n[0.5,1,0,5,\"operation\"]\n", ":2: operation 0, element 5 is not a place"),
        ("HEADER\n[0.5,1,0,4,\"sideways\"]\n", ":2: a place is [seconds, iteration, operation, revealed, granularity]"),
        ("HEADER\n[0.5,1,0,4]\n", ":2: a place is"),
        ("HEADER\n[0.5,1.5,0,4,\"phase\"]\n", ":2: a place is"),
        ("HEADER\n[0.5,1e300,0,4,\"phase\"]\n", ":2: a place is"),
        ("HEADER\n[2.5,1,0,4,\"phase\"]\n[1.5,1,0,4,\"phase\"]\n", ":3: time 1.5 goes back"),
        ("HEADER\n\"just a string\"\n", ":2: not a place or a scenario"),
        ("HEADER\n{\"t\": 1, \"scenario\": \"layers: [\"}\n", ":2: the recorded scenario: "),
    ])
    func aDamagedRecordingIsReportedWithItsLine(_ content: String, _ expected: String) throws {
        let file = Fixtures.temporaryDirectory() + "/damaged.rec"
        try content.replacingOccurrences(of: "HEADER", with: try Self.header()).write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try Recording.load(path: file)
            Issue.record("accepted: \(content)")
        } catch {
            #expect(error.description.hasPrefix(file + expected), "\(error)")
        }
    }

    @Test func notARecordingAtAll() throws {
        let folder = Fixtures.temporaryDirectory()
        #expect(throws: RecordingError(path: folder + "/none.rec", message: "no such file")) { try Recording.load(path: folder + "/none.rec") }
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: folder + "/binary.rec"))
        #expect(throws: RecordingError(path: folder + "/binary.rec", message: "is not UTF-8 text; not a stepgrad recording")) {
            try Recording.load(path: folder + "/binary.rec")
        }
    }
}
