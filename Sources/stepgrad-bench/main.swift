EngineBenchmark.run()
print()
await SessionBenchmark.run()
