import Foundation
import StepgradEngine
import StepgradScenario
import Testing
@testable import StepgradSession

/// Every number read from a state file is held to the session's own limits before anything
/// uses it: an edited file (checksum recomputed, so it passes as whole) starts afresh with a
/// message instead of trapping the engine.
@MainActor @Suite final class RestoredBoundsTests {
    let directory = Fixtures.temporaryDirectory()
    let scenario = Fixtures.xor(optimizer: Fixtures.adam)

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A session saved at the start of iteration 3, and its state file's path.
    func saved() throws -> String {
        let s = TrainingSession(scenario: scenario, stateDirectory: directory)
        s.granularity = .phase
        for _ in 0..<(2 * 5) { s.stepForward() }
        #expect(s.iteration == 3)
        try s.save()
        return try #require(s.stateFilePath)
    }

    nonisolated static let edits: [(String, @Sendable (inout SavedSession) -> Void)] = [
        ("optimizer step 2⁶³−1", { $0.optimizerState.step = .max }),
        ("optimizer step −1", { $0.optimizerState.step = -1 }),
        ("optimizer step one ahead", { $0.optimizerState.step += 1 }),
        ("iteration 2⁶³−1", { $0.iteration = .max }),
        ("iteration 0", { $0.iteration = 0 }),
        ("iteration −2⁶³", { $0.iteration = .min }),
        ("iteration past the limit", { $0.iteration = TrainingSession.maximumIteration + 1 }),
        ("cursor 2⁶³−1", { $0.cursor = Cursor(operation: .max, revealed: .max) }),
        ("cursor −1", { $0.cursor = Cursor(operation: -1, revealed: 1) }),
        ("selection row 2⁶³−1", { $0.selection = .init(quantity: "z1", row: .max, column: 0) }),
        ("selection column −1", { $0.selection = .init(quantity: "z1", row: 0, column: -1) }),
        ("speed 10³⁰⁸", { $0.speed = .greatestFiniteMagnitude }),
        ("speed ∞", { $0.speed = .infinity }),
        ("speed NaN", { $0.speed = .nan }),
        ("speed 0", { $0.speed = 0 }),
        ("speed 10⁻³⁰⁰", { $0.speed = 1e-300 }),
    ]

    @Test(arguments: edits.indices)
    func anOutOfRangeValueIsAFreshStartWithAMessage(_ index: Int) throws {
        let (name, edit) = Self.edits[index]
        let path = try saved()
        var saved = try StateFile.read(path).get()
        edit(&saved)
        try write(saved, to: path)
        let (s, outcome) = TrainingSession.resume(scenario, stateDirectory: directory)
        guard case .freshStart(let problem) = outcome, case .corrupt(path, _) = problem else {
            Issue.record("\(name): \(outcome)")
            return
        }
        #expect("\(problem)".hasSuffix("; starting afresh."), "\(name)")
        #expect(s.iteration == 1 && s.cursor == .start && s.lossHistory.isEmpty, "\(name)")
        // The engine runs on from the fresh start without trapping.
        s.granularity = .phase
        for _ in 0..<10 { s.stepForward() }
        #expect(s.iteration == 3, "\(name)")
    }

    /// Values that no Swift type can even hold are refused while decoding.
    @Test(arguments: ["\"rows\":9223372036854775807", "\"rows\":-1", "\"step\":1e300", "\"iteration\":99999999999999999999"])
    func anUnrepresentableNumberIsAFreshStart(_ replacement: String) throws {
        let path = try saved()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let body = String(text[text.index(after: text.firstIndex(of: "\n")!)...])
        let key = String(replacement.prefix { $0 != ":" })
        let edited = body.replacingOccurrences(of: key + ":[-0-9.e]+", with: replacement, options: .regularExpression)
        #expect(edited != body)
        let data = Data(edited.utf8)
        try (Data("stepgrad-state \(StateFile.version) \(data.count) \(FNV1a(data).hex)\n".utf8) + data)
            .write(to: URL(fileURLWithPath: path))
        let (s, outcome) = TrainingSession.resume(scenario, stateDirectory: directory)
        guard case .freshStart(.corrupt(path, _)) = outcome else {
            Issue.record("\(replacement): \(outcome)")
            return
        }
        #expect(s.iteration == 1)
    }

    @Test func aFastForwardPastTheLimitIsRefused() async throws {
        let s = TrainingSession(scenario: scenario, stateDirectory: directory)
        let outcome = await s.fastForward(iterations: TrainingSession.maximumIteration).value
        guard case .refused(let why) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(why.contains("1000000000000"))
    }

    private func write(_ saved: SavedSession, to path: String) throws {
        try AtomicFile.write(try StateFile.encode(saved), to: path, existing: .replace)
    }
}
