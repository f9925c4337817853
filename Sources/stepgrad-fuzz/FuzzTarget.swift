import Foundation
import StepgradScenario
import StepgradSession

/// One input for the loaders a user's files reach. The first byte chooses the loader, the rest
/// is the file: 0 a scenario, 1 an answers file (for the bundled 3-4-3 exercise), 2 a state
/// file (restored into a session of that exercise, so every bound of the restore is reached),
/// 3 a state file's body, given the header a save writes (its length and checksum): a mutated
/// body then gets past the checksum to the decoder and the bounds, where nearly every mutation
/// of a whole file stops at the checksum. A finding is a crash, a trap, a hang or a memory
/// error (AddressSanitizer); errors are the expected outcome.
enum FuzzTarget {
    static let exercise: Scenario = {
        guard let path = Exercises.all.first?.path, let scenario = try? ScenarioLoader.load(path: path) else {
            fatalError("the bundled exercises were not found (set STEPGRAD_ASSETS)")
        }
        return scenario
    }()

    /// Where state inputs are written; the exercise is given a path here so that the seed state,
    /// saved for it, matches (a fixed place: the seed names it).
    static let directory = "/tmp/stepgrad-fuzz"

    static var stateScenario: Scenario {
        var scenario = exercise
        scenario.path = directory + "/exercise.yaml"
        return scenario
    }

    static func run(_ input: Data) {
        guard let kind = input.first else { return }
        let file = input.dropFirst()
        switch kind % 4 {
        case 0:
            _ = try? ScenarioLoader.parse(Data(file), path: "fuzz.yaml")
        case 1:
            _ = try? AnswersLoader.parse(Data(file), path: "answers.yaml", for: exercise)
        case 2:
            MainActor.assumeIsolated { restore(Data(file)) }
        default:
            MainActor.assumeIsolated { restore(StateFile.framed(Data(file))) }
        }
    }

    @MainActor static func restore(_ state: Data) {
        let scenario = stateScenario
        let session = TrainingSession(scenario: scenario, stateDirectory: directory)
        guard let path = session.stateFilePath else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: state) else { return }
        let (resumed, _) = TrainingSession.resume(scenario, stateDirectory: directory)
        // Whatever was restored must step without trapping.
        resumed.stepForward()
        resumed.stepBackward()
    }

    /// A state file saved after `iterations` iterations of the exercise and one step into the
    /// next, for the seed corpus.
    @MainActor static func savedState(after iterations: Int) throws -> Data {
        let session = TrainingSession(scenario: stateScenario, stateDirectory: directory)
        session.granularity = .phase
        while session.iteration <= iterations { session.stepForward() }
        session.granularity = .element
        session.stepForward()
        try session.save()
        return try Data(contentsOf: URL(fileURLWithPath: session.stateFilePath!))
    }

    /// Writes the state-file seeds into `folder`, each whole (loader byte 2) and as a body alone
    /// (3): after 4 iterations, and after 3,000, whose loss history has summary buckets. Made by
    /// the harness itself, so they always fit the exercise as it is now.
    @MainActor static func writeStateSeeds(into folder: String) throws {
        for iterations in [4, 3000] {
            let state = try savedState(after: iterations)
            let body = state.drop { $0 != UInt8(ascii: "\n") }.dropFirst()
            try (Data([2]) + state).write(to: URL(fileURLWithPath: folder + "/state-\(iterations)"))
            try (Data([3]) + body).write(to: URL(fileURLWithPath: folder + "/state-body-\(iterations)"))
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    FuzzTarget.run(Data(bytes: bytes, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point under this name (so that tests can link it), which
/// keeps libFuzzer's own `main` out; start libFuzzer's driver from here instead.
/// `--seed-state FOLDER` writes the state-file seeds instead (see `writeStateSeeds`).
@_cdecl("stepgrad_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    if argc == 3, let flag = argv[1], String(cString: flag) == "--seed-state", let folder = argv[2].map({ String(cString: $0) }) {
        do {
            try MainActor.assumeIsolated { try FuzzTarget.writeStateSeeds(into: folder) }
            return 0
        } catch {
            print("stepgrad-fuzz: cannot write the state seeds: \(error)")
            return 1
        }
    }
    var count = argc, arguments = argv
    return runFuzzer(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
#else
/// Without libFuzzer: `stepgrad-fuzz FILE…` runs each input once (to replay a finding), and
/// `stepgrad-fuzz --seed-state FOLDER` writes the state-file seeds.
@main struct Replay {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--seed-state", let folder = arguments.dropFirst().first {
            try MainActor.assumeIsolated { try FuzzTarget.writeStateSeeds(into: folder) }
            return
        }
        while let path = arguments.popFirst() {
            FuzzTarget.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("\(path): ok")
        }
    }
}
#endif
