import ArgumentParser
import StepgradScenario

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bundled exercises.",
        discussion: "Any of these names can stand where a scenario file is expected, e.g. 'stepgrad explain NAME'.")

    func run() throws {
        let exercises = Exercises.all
        let width = exercises.map(\.name.count).max() ?? 0
        for exercise in exercises {
            print(exercise.name + String(repeating: " ", count: width - exercise.name.count) + "  " + exercise.title)
        }
    }
}
