import ArgumentParser
import Foundation
import StepgradScenario

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bundled exercises.",
        discussion: "Any of these names can stand where a scenario file is expected, e.g. 'stepgrad explain NAME'.")

    @Option(help: "Output format: names and titles, or JSON with each file's path.")
    var format: ExamplesFormat = .text

    enum ExamplesFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let exercises = Exercises.all
        if format == .json {
            struct Example: Encodable { var name, title, path: String }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(exercises.map { Example(name: $0.name, title: $0.title, path: $0.path) })
            print(String(decoding: json, as: UTF8.self))
            return
        }
        let width = exercises.map(\.name.count).max() ?? 0
        for exercise in exercises {
            print(exercise.name + String(repeating: " ", count: width - exercise.name.count) + "  " + exercise.title)
        }
    }
}
