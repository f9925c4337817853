// `stepgrad-bench` runs every benchmark; `stepgrad-bench frame` (or `engine`, `session`) one of them.
let chosen = Set(CommandLine.arguments.dropFirst())
func runs(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }

if runs("engine") { EngineBenchmark.run(); print() }
if runs("session") { await SessionBenchmark.run(); print() }
if runs("frame") { FrameBenchmark.run() }
