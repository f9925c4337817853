import Foundation
import Testing
@testable import StepgradScenario

@Suite struct ExercisesTests {
    @Test func resolvesNamesAndFileNames() throws {
        let path = try Exercises.resolve("relu-softmax-3-4-3")
        #expect(path.hasSuffix("/Assets/exercises/01-relu-softmax-3-4-3.yaml"))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try Exercises.resolve("01-relu-softmax-3-4-3.yaml") == path)
        #expect(try Exercises.resolve("01-relu-softmax-3-4-3") == path)
        #expect(try Exercises.resolve("xor-tanh").hasSuffix("/04-xor-tanh.yaml"))
    }

    @Test func anExistingFileWinsAsIs() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("xor-tanh", contents: "title: mine\n")
        #expect(try Exercises.resolve(file) == file)
    }

    @Test func unknownNameSuggestsAndLists() {
        let error = #expect(throws: ScenarioError.self) { try Exercises.resolve("relu-softmax") }
        #expect(error?.message == "no file or bundled exercise named 'relu-softmax'; did you mean 'relu-softmax-3-4-3'? "
                + "(bundled exercises: relu-softmax-3-4-3, softmax-regression, sigmoid-2-2-2, xor-tanh, xor, circles, spiral, iris)")
        #expect(error?.line == nil)
        let typo = #expect(throws: ScenarioError.self) { try Exercises.resolve("sigmoid-2-2") }
        #expect(typo?.message.contains("did you mean 'sigmoid-2-2-2'?") == true)
        let far = #expect(throws: ScenarioError.self) { try Exercises.resolve("convolution") }
        #expect(far?.message == "no file or bundled exercise named 'convolution' "
                + "(bundled exercises: relu-softmax-3-4-3, softmax-regression, sigmoid-2-2-2, xor-tanh, xor, circles, spiral, iris)")
    }

    @Test func missingPathIsNoSuchFile() throws {
        let error = #expect(throws: ScenarioError.self) { try Exercises.resolve("nowhere/net.yaml") }
        #expect(error?.description == "no such file 'nowhere/net.yaml'")
        let directory = try TemporaryDirectory()
        let notAFile = #expect(throws: ScenarioError.self) { try Exercises.resolve(directory.path) }
        #expect(notAFile?.description == "\(directory.path): is a directory, not a scenario file")
    }

    @Test func loadingAMissingFileSaysSo() {
        let error = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/net.yaml") }
        #expect(error?.description == "/nonexistent/net.yaml: no such file")
    }

    @Test(arguments: [("01-relu-softmax-3-4-3.yaml", "relu-softmax-3-4-3"), ("10_deep.json", "deep"),
                      ("plain.yml", "plain"), ("2024.yaml", "2024"), ("7-.yaml", "7-")])
    func exerciseNameDropsOrderPrefixAndExtension(_ file: String, _ name: String) {
        #expect(Exercises.exerciseName(fileName: file) == name)
    }

    // MARK: - Where the assets are found

    @Test func environmentOverrideComesFirst() throws {
        let root = try TemporaryDirectory()
        let custom = try root.makeAssets("custom")
        let beside = try root.makeAssets("checkout/Assets")
        let found = Exercises.assetsDirectory(environment: ["STEPGRAD_ASSETS": custom],
                                              executable: root.path + "/checkout/.build/release/stepgrad",
                                              sourceFile: "/nonexistent/Sources/StepgradScenario/X.swift")
        #expect(found == custom)
        let ignored = Exercises.assetsDirectory(environment: ["STEPGRAD_ASSETS": root.path + "/missing"],
                                                executable: root.path + "/checkout/.build/release/stepgrad",
                                                sourceFile: "/nonexistent/Sources/StepgradScenario/X.swift")
        #expect(ignored == beside)
    }

    @Test func walksUpFromTheExecutable() throws {
        let root = try TemporaryDirectory()
        let assets = try root.makeAssets("checkout/Assets")
        let found = Exercises.assetsDirectory(environment: [:],
                                              executable: root.path + "/checkout/.build/x86_64-unknown-linux-gnu/release/stepgrad",
                                              sourceFile: "/nonexistent/Sources/StepgradScenario/X.swift")
        #expect(found == assets)
    }

    @Test func findsAnInstalledShareDirectory() throws {
        let root = try TemporaryDirectory()
        let assets = try root.makeAssets("prefix/share/stepgrad/Assets")
        let found = Exercises.assetsDirectory(environment: [:], executable: root.path + "/prefix/bin/stepgrad",
                                              sourceFile: "/nonexistent/Sources/StepgradScenario/X.swift")
        #expect(found == assets)
    }

    @Test func fallsBackToTheSourceCheckout() throws {
        let root = try TemporaryDirectory()
        let assets = try root.makeAssets("source/Assets")
        let found = Exercises.assetsDirectory(environment: [:], executable: root.path + "/elsewhere/bin/stepgrad",
                                              sourceFile: root.path + "/source/Sources/StepgradScenario/Exercises+Assets.swift")
        #expect(found == assets)
        #expect(Exercises.assetsDirectory(environment: [:], executable: nil, sourceFile: "/nonexistent/a/b/c.swift") == nil)
    }
}

/// A fresh directory under the system's temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, contents: String) throws -> String {
        let file = path + "/" + name
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// `<relative>/exercises`, returning `<path>/<relative>`.
    func makeAssets(_ relative: String) throws -> String {
        let assets = path + "/" + relative
        try FileManager.default.createDirectory(atPath: assets + "/exercises", withIntermediateDirectories: true)
        return assets
    }
}
