import Foundation
import Testing
import StepgradEngine
@testable import StepgradData

/// The CSV files in Assets/data: unchanged (checksums as in Assets/data/README.md) and loading as
/// their published descriptions say.
@Suite struct BundledDataTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/data")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test(arguments: [("iris.csv", "9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355"),
                      ("digits.csv", "592cc047d0a1cc7fdef9fd724514209dcb45a80aa147dc3ab375e3e1a9a380f4")])
    func filesAreTheOnesNoted(_ name: String, sha256: String) throws {
        let tool = ["/usr/bin/sha256sum", "/usr/bin/shasum"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tool))
        process.arguments = (tool == "/usr/bin/shasum" ? ["-a", "256"] : []) + [Self.path(name)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.hasPrefix(sha256))
    }

    @Test func irisHas150FlowersIn3BalancedSpecies() throws {
        let iris = try Dataset(csvFile: Self.path("iris.csv"), columns: CSVColumns(label: .classes(column: "species")))
        #expect(iris.inputs.shape == Shape(rows: 150, columns: 4))
        #expect(iris.features == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(iris.classes == ["setosa", "versicolor", "virginica"] && iris.classCounts == [50, 50, 50])
        #expect(iris.inputs.row(0) == [5.1, 3.5, 1.4, 0.2] && iris.labels?.first == 0)
        // Fisher's data as R ships it (and scikit-learn): column means 5.843, 3.057, 3.758, 1.199.
        let means = Standardization(fitting: iris.inputs).means
        #expect(zip(means, [5.843, 3.057, 3.758, 1.199]).allSatisfy { abs($0 - $1) < 0.0005 })
    }

    @Test func digitsHave1797ImagesOf64Pixels() throws {
        let digits = try Dataset(csvFile: Self.path("digits.csv"), columns: CSVColumns(label: .classes(column: "digit")))
        #expect(digits.inputs.shape == Shape(rows: 1797, columns: 64))
        #expect(digits.classes == (0...9).map(String.init))
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.inputs.elements.allSatisfy { (0...16).contains($0) && $0 == $0.rounded() })
    }
}
