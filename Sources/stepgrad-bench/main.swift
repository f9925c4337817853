// `stepgrad-bench` runs every benchmark; `stepgrad-bench classroom` only the served lecture's.
if CommandLine.arguments.dropFirst().first == "classroom" {
    await ClassroomBenchmark.run()
} else {
    EngineBenchmark.run()
    print()
    await SessionBenchmark.run()
    print()
    FrameBenchmark.run()
    print()
    await ClassroomBenchmark.run()
}
