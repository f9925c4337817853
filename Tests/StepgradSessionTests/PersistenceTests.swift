import Foundation
import StepgradEngine
import StepgradScenario
import Testing
@testable import StepgradSession

@MainActor @Suite final class PersistenceTests {
    let directory = Fixtures.temporaryDirectory()
    let scenario = Fixtures.xor(optimizer: Fixtures.adam)

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func session(_ scenario: Scenario? = nil) -> TrainingSession {
        TrainingSession(scenario: scenario ?? self.scenario, stateDirectory: directory)
    }

    /// A session saved in the middle of iteration 4 with a selection, and its state file's path.
    func saved() throws -> (TrainingSession, String) {
        let s = session()
        s.granularity = .phase
        for _ in 0..<(3 * 5 + 2) { s.stepForward() }
        s.granularity = .element
        s.stepForward()
        s.select(CellReference(.dz(1), Cell(2, 3)))
        s.speed = 7
        try s.save()
        return (s, try #require(s.stateFilePath))
    }

    func resumed(_ scenario: Scenario? = nil) -> (TrainingSession, RestoreOutcome) {
        TrainingSession.resume(scenario ?? self.scenario, stateDirectory: directory)
    }

    func expectFreshStart(_ outcome: RestoreOutcome, _ session: TrainingSession, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(session.iteration == 1 && session.cursor == .start && session.lossHistory.isEmpty, sourceLocation: sourceLocation)
        #expect(identical(session.parameters, scenario.parameters), sourceLocation: sourceLocation)
        #expect(!"\(outcome)".isEmpty)
    }

    @Test func saveThenResumeCarriesOnExactlyWhereItStopped() throws {
        let (original, _) = try saved()
        let (restored, outcome) = resumed()
        #expect(outcome == .resumed(iteration: 4))
        #expect(Seen(restored) == Seen(original))
        #expect(restored.selection == original.selection && restored.speed == 7)
        for _ in 0..<20 {
            original.stepForward()
            restored.stepForward()
        }
        #expect(Seen(restored) == Seen(original))
        original.granularity = .phase
        restored.granularity = .phase
        for _ in 0..<25 {
            original.stepBackward()
            restored.stepBackward()
            #expect(Seen(restored) == Seen(original))
        }
        #expect(restored.iteration < 4, "back before the saved iteration, recomputed from the scenario")
    }

    @Test func aMissingFileIsAFreshStart() throws {
        let (s, outcome) = resumed()
        #expect(outcome == .freshStart(.missing(path: try #require(s.stateFilePath))))
        expectFreshStart(outcome, s)
    }

    @Test(arguments: [Data("hello\nworld\n".utf8), Data([0xff, 0x00, 0x13, 0x37]), Data("{\"iteration\": 3}\n".utf8)])
    func garbageIsAFreshStart(garbage: Data) throws {
        let path = try #require(session().stateFilePath)
        try garbage.write(to: URL(fileURLWithPath: path))
        let (s, outcome) = resumed()
        #expect(outcome == .freshStart(.notAStateFile(path: path)))
        expectFreshStart(outcome, s)
    }

    @Test(arguments: [0.0, 0.001, 0.5, 0.999])
    func aTruncatedFileIsAFreshStart(kept: Double) throws {
        let (_, path) = try saved()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(Int(Double(data.count) * kept)).write(to: URL(fileURLWithPath: path))
        let (s, outcome) = resumed()
        guard case .freshStart(.truncated(path, _)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        expectFreshStart(outcome, s)
    }

    @Test func anotherVersionIsAFreshStart() throws {
        let (_, path) = try saved()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "stepgrad-state \(StateFile.version) ", with: "stepgrad-state 99 ")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let (s, outcome) = resumed()
        #expect(outcome == .freshStart(.unsupportedVersion(path: path, found: "99")))
        expectFreshStart(outcome, s)
    }

    @Test func aDamagedBodyIsAFreshStart() throws {
        let (_, path) = try saved()
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let digit = try #require(data.lastIndex(of: UInt8(ascii: "1")))
        data[digit] = UInt8(ascii: "2")
        try data.write(to: URL(fileURLWithPath: path))
        let (s, outcome) = resumed()
        #expect(outcome == .freshStart(.corrupt(path: path, detail: "its checksum does not match its content")))
        expectFreshStart(outcome, s)
    }

    @Test func aChangedScenarioIsAFreshStart() throws {
        let (_, path) = try saved()
        let edited = Fixtures.xor(optimizer: .adam(.init(learningRate: 0.01)))
        let (s, outcome) = resumed(edited)
        guard case .freshStart(.scenarioChanged(path, _)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(s.iteration == 1 && identical(s.parameters, edited.parameters))
    }

    @Test func anotherScenarioAtTheSameNameIsAFreshStart() throws {
        let (_, path) = try saved()
        let elsewhere = Fixtures.xor(optimizer: Fixtures.adam, path: "/tmp/elsewhere/xor.yaml")
        let moved = try #require(session(elsewhere).stateFilePath)
        try FileManager.default.copyItem(atPath: path, toPath: moved)
        let (_, outcome) = resumed(elsewhere)
        #expect(outcome == .freshStart(.scenarioChanged(path: moved, detail: "it was saved for /tmp/stepgrad-tests/xor.yaml")))
    }

    @Test func anUnreadableFileIsAFreshStart() throws {
        let path = try #require(session().stateFilePath)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let (s, outcome) = resumed()
        guard case .freshStart(.unreadable(path, _)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        expectFreshStart(outcome, s)
        #expect(throws: StateFileError.self) { try s.save() }
    }

    /// A well-formed file whose content does not fit, as after a hand edit: refused before the engine sees it.
    @Test(arguments: ["parameters", "optimizer", "losses", "cursor", "selection", "biases"])
    func contentThatDoesNotFitIsAFreshStart(damage: String) throws {
        let (original, path) = try saved()
        var saved = try StateFile.read(path).get()
        switch damage {
        case "parameters": saved.parameters.weights[1] = Matrix(rows: 2, columns: 4)
        case "optimizer": saved.optimizerState.second["W2"] = Matrix(rows: 4, columns: 1)
        case "losses": saved.lossHistory.removeLast(0)
        case "cursor": saved.cursor = Cursor(operation: 2, revealed: 99)
        case "selection": saved.selection = .init(quantity: "dz7", row: 0, column: 0)
        default: saved.parameters.biases.removeLast()
        }
        try AtomicFile.write(try StateFile.encode(saved), to: path, existing: .replace)
        let (s, outcome) = resumed()
        guard case .freshStart(.corrupt(path, let detail)) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(!detail.isEmpty && original.iteration == 4)
        expectFreshStart(outcome, s)
    }

    @Test func savingReplacesTheFileAndLeavesNothingBehind() throws {
        let (s, path) = try saved()
        // A temporary file of a save under way (or just killed) is left alone: it may be another run's.
        try Data("half a state".utf8).write(to: URL(fileURLWithPath: path + ".Ab12Cd"))
        s.stepForward()
        try s.save()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == [(path as NSString).lastPathComponent, (path as NSString).lastPathComponent + ".Ab12Cd"].sorted())
        #expect(resumed().1 == .resumed(iteration: 4))
        #expect(Seen(resumed().0) == Seen(s))
    }

    @Test func temporaryFilesOfKilledSavesAreRemovedAtTheNextStart() throws {
        let (_, path) = try saved()
        let name = (path as NSString).lastPathComponent
        let old = Date(timeIntervalSinceNow: -3600)
        for leftover in [path + ".Ab12Cd", directory + "/other-0123456789abcdef.state.zzZZ99"] {
            try Data("half a state".utf8).write(to: URL(fileURLWithPath: leftover))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: leftover)
        }
        // Not a temporary file of a save: a user's own file, a fresh temporary file.
        try Data().write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: directory + "/notes.txt")
        try Data().write(to: URL(fileURLWithPath: path + ".Xy34Zw"))
        #expect(resumed().1 == .resumed(iteration: 4))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == [name, name + ".Xy34Zw", "notes.txt"].sorted())
    }

    @Test func aSymbolicLinkToTheStateFileStaysALink() throws {
        let (s, path) = try saved()
        let elsewhere = directory + "/kept-elsewhere.state"
        try FileManager.default.moveItem(atPath: path, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere)
        s.stepForward()
        try s.save()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == elsewhere)
        #expect(resumed().1 == .resumed(iteration: 4))
    }

    @Test func restoringDuringAFastForwardDiscardsIt() async throws {
        let (s, _) = try saved()
        let task = s.fastForward(iterations: 100_000_000)
        #expect(s.restore() == .resumed(iteration: 4))
        #expect(!s.isBusy && s.fastForward == nil)
        #expect(await task.value == .cancelled(completed: 0))
        #expect(s.iteration == 4 && s.lossHistory.count == 3)
    }

    @Test func aScenarioBuiltInMemoryCannotBeSaved() {
        let s = session(Fixtures.xor(path: nil))
        #expect(s.stateFilePath == nil)
        #expect(throws: StateFileError.noScenarioFile) { try s.save() }
        #expect(s.restore() == .freshStart(.noScenarioFile))
    }

    @Test func notANumberSurvivesTheRoundTrip() throws {
        // The loss is exact from the logits (1e300-sized logits give a finite loss), so it takes a
        // step that overflows the weights themselves to make it infinite or NaN.
        let diverging = Fixtures.xor(optimizer: .sgd(.init(learningRate: .greatestFiniteMagnitude)), path: "/tmp/stepgrad-tests/diverging.yaml")
        let s = session(diverging)
        s.granularity = .phase
        for _ in 0..<15 { s.stepForward() }
        #expect(s.lossHistory.exact.contains { !$0.isFinite })
        try s.save()
        let (r, outcome) = TrainingSession.resume(diverging, stateDirectory: directory)
        #expect(outcome == .resumed(iteration: 4))
        #expect(Seen(r) == Seen(s))
    }

    @Test func theDirectoryFollowsXDG() {
        #expect(StateFile.directory(environment: ["STEPGRAD_STATE_DIR": "/x", "XDG_STATE_HOME": "/y", "HOME": "/h"]) == "/x")
        #expect(StateFile.directory(environment: ["XDG_STATE_HOME": "/y", "HOME": "/h"]) == "/y/stepgrad")
        #expect(StateFile.directory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/stepgrad")
        #expect(StateFile.directory(environment: ["HOME": "/h"]) == "/h/.local/state/stepgrad")
    }

    @Test func oneFileNamedAfterEachScenario() {
        let a = StateFile.path(forScenarioAt: "/course/week 3/homework.yaml", in: "/s")
        let b = StateFile.path(forScenarioAt: "/course/week 4/homework.yaml", in: "/s")
        #expect(a.hasPrefix("/s/homework-") && a.hasSuffix(".state") && a != b)
        #expect(a.count == "/s/homework-".count + 16 + ".state".count)
        #expect(StateFile.path(forScenarioAt: "/course/week 3/../week 3/homework.yaml", in: "/s") == a)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(StateFile.path(forScenarioAt: "ex.yaml", in: "/s") == StateFile.path(forScenarioAt: cwd + "/ex.yaml", in: "/s"))
        #expect(StateFile.path(forScenarioAt: "/c/Übung 1.yaml", in: "/s").hasPrefix("/s/_bung_1-"))
    }
}
