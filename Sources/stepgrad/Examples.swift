import ArgumentParser
import Foundation
import StepgradScenario

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bundled exercises and training examples.",
        discussion: "Any of these names can stand where a scenario file is expected, e.g. 'stepgrad explain NAME'.")

    @Option(help: "Output format: names and titles, or JSON with each file's path and kind (exercise or training).")
    var format: ExamplesFormat = .text

    enum ExamplesFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let exercises = Exercises.all, training = Exercises.trainingExamples
        if format == .json {
            struct Example: Encodable { var name, title, path, kind: String }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let list = exercises.map { Example(name: $0.name, title: $0.title, path: $0.path, kind: "exercise") }
                + training.map { Example(name: $0.name, title: $0.title, path: $0.path, kind: "training") }
            print(String(decoding: try encoder.encode(list), as: UTF8.self))
            return
        }
        let width = (exercises + training).map(\.name.count).max() ?? 0
        func show(_ list: [Exercise]) {
            for exercise in list {
                print(exercise.name + String(repeating: " ", count: width - exercise.name.count) + "  " + exercise.title)
            }
        }
        show(exercises)
        guard !training.isEmpty else { return }
        print("\nTraining examples (stepgrad train NAME):")
        show(training)
    }
}
