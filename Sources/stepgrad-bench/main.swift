import Foundation

/// `stepgrad-bench` runs every benchmark; `stepgrad-bench SECTION…` only those named;
/// `--quick` shortens the goals benchmark. A training case's key (`spiral32`, `spiral-full`,
/// `iris32`) runs the training benchmark on that case alone, and a network case's key (`small`,
/// `middle`, `large`) runs its untraced training iterations alone for a few seconds: as when
/// profiling them.
let sections = ["goals", "engine", "training", "session", "persistence", "frame", "classroom"]
let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let trainingCases = TrainingBenchmark.cases.map(\.key).filter(arguments.contains)
let engineCases = EngineBenchmark.cases.filter { arguments.contains($0.key) }
var chosen = arguments.filter { $0 != "--quick" && !trainingCases.contains($0) && !engineCases.map(\.key).contains($0) }
if !trainingCases.isEmpty && !chosen.contains("training") { chosen.append("training") }
if let unknown = chosen.first(where: { !sections.contains($0) }) {
    print("stepgrad-bench: no benchmark \"\(unknown)\"; the benchmarks are \(sections.joined(separator: ", "))"
          + " (the training cases \(TrainingBenchmark.cases.map(\.key).joined(separator: ", ")); "
          + "the network cases \(EngineBenchmark.cases.map(\.key).joined(separator: ", ")))")
    exit(2)
}
for c in engineCases { EngineBenchmark.runAlone(c) }
if chosen.isEmpty && !engineCases.isEmpty { exit(0) }
for (index, section) in sections.filter({ chosen.isEmpty || chosen.contains($0) }).enumerated() {
    if index > 0 { print() }
    switch section {
    case "goals": GoalsBenchmark.run(quick: quick)
    case "engine": EngineBenchmark.run()
    case "training":
        TrainingBenchmark.run(only: trainingCases)
        if trainingCases.isEmpty { TrainingViewBenchmark.run() }
    case "session": await SessionBenchmark.run()
    case "persistence": await SessionBenchmark.persistence()
    case "frame": FrameBenchmark.run()
    default: await ClassroomBenchmark.run()
    }
}
