print("bench")
await SessionBenchmark.run()
