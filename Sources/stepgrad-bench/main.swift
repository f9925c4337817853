import Foundation

/// `stepgrad-bench` runs every benchmark; `stepgrad-bench SECTION…` only those named;
/// `--quick` shortens the goals benchmark.
let sections = ["goals", "engine", "training", "session", "persistence", "frame", "classroom"]
let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let chosen = arguments.filter { $0 != "--quick" }
if let unknown = chosen.first(where: { !sections.contains($0) }) {
    print("stepgrad-bench: no benchmark \"\(unknown)\"; the benchmarks are \(sections.joined(separator: ", "))")
    exit(2)
}
for (index, section) in sections.filter({ chosen.isEmpty || chosen.contains($0) }).enumerated() {
    if index > 0 { print() }
    switch section {
    case "goals": GoalsBenchmark.run(quick: quick)
    case "engine": EngineBenchmark.run()
    case "training":
        TrainingBenchmark.run()
        TrainingViewBenchmark.run()
    case "session": await SessionBenchmark.run()
    case "persistence": await SessionBenchmark.persistence()
    case "frame": FrameBenchmark.run()
    default: await ClassroomBenchmark.run()
    }
}
