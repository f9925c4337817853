import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import StepgradUI
import TerminalUI

/// Every row of issue 15's table (and issue 14's training rows) with its goal and what this
/// machine measures now. Speeds are taken in interleaved rounds — stepgrad, then each reference
/// (NumPy with glibc's default allocator settings, NumPy with MALLOC_MMAP_THRESHOLD_ and
/// MALLOC_TRIM_THRESHOLD_ set, PyTorch where installed), round after round — so that both sides
/// see the same load; each figure is the median of its rounds with the lowest and highest beside
/// it, and a ratio is stepgrad's median over the reference's best median. `explain` is the
/// release binary's, run as a user runs it (output read through a pipe); its peak memory is
/// the child's own, sampled as it runs (see `ChildRun`).
@MainActor enum GoalsBenchmark {
    struct Row {
        var what: String
        var measured: String
        var reference: String
        var goal: String
        var met: Bool?
    }

    static var quick = false
    static var rounds: Int { quick ? 3 : 7 }
    static var roundSeconds: Double { quick ? 0.2 : 0.4 }
    static var rows: [Row] = []

    static func run(quick: Bool) {
        self.quick = quick
        print("Goals benchmark (issue 15, and issue 14's training rows): \(rounds) interleaved rounds of \(roundSeconds) s"
              + (quick ? " (--quick: fewer rounds, shorter runs)" : ""))
        print("load average at the start: \(loadAverage)")
        let numpy = ReferenceWorker(label: "NumPy", library: "numpy")
        let tuned = ReferenceWorker(label: "NumPy, tuned malloc", library: "numpy", environment: ReferenceWorker.tunedMalloc)
        let torch = ReferenceWorker(label: "PyTorch", library: "torch")
        defer { [numpy, tuned, torch].forEach { $0.stop() } }
        print("NumPy: \(numpy.description); tuned malloc: \(ReferenceWorker.tunedMalloc.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        print("PyTorch: \(torch.description)")
        print("matrix kernel: \(Matrix.kernelPath)")
        let references = [numpy, tuned, torch].filter(\.isRunning)

        networkRows(references)
        kernelRow(references)
        trainingRows(references)
        stepRow()
        explainRows()
        frameRow()
        bytesRows()

        print()
        let widths = [0, 1, 2, 3].map { i in ([header] + rows).map { [$0.what, $0.measured, $0.reference, $0.goal][i].count }.max() ?? 0 }
        for row in [header] + rows {
            let cells = [row.what, row.measured, row.reference, row.goal]
            let verdict = row.met.map { $0 ? "met" : "NOT met" } ?? (row.what == header.what ? "verdict" : "–")
            print(cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ")
                  + " | " + verdict)
        }
        print("\nload average at the end: \(loadAverage)")
    }

    static let header = Row(what: "what", measured: "stepgrad (median [lowest–highest])", reference: "reference", goal: "goal")

    static func add(_ row: Row) {
        rows.append(row)
        print("  \(row.what): \(row.measured)  —  \(row.reference)  —  goal \(row.goal)" + (row.met.map { $0 ? " (met)" : " (NOT met)" } ?? ""))
        fflush(nil)  // so that a long run shows its progress when its output goes to a file
    }

    // MARK: Networks

    /// Untraced iterations per second, as a training loop runs them (in place), against every
    /// reference; beside them the pure `iterate` (new parameters every iteration) and traced
    /// iterations whose every element is read with its expansion (what `open` and `explain` show).
    static func networkRows(_ references: [ReferenceWorker]) {
        print("\nTraining iterations (forward, loss, backward, SGD update), iterations per second")
        for (c, goal) in zip(EngineBenchmark.cases, [30.0, 1.5, 1.0]) {
            let (parameters, batch) = EngineBenchmark.data(for: c)
            var ours = Rounds(), pure = Rounds(), read = Rounds()
            var theirs = [String: Rounds]()
            let readAll = c.key != "large" || !quick
            for _ in 0..<rounds {
                ours.append(rate(seconds: roundSeconds) { iterate(c.network, parameters, batch, count: $0, readEverything: false) })
                pure.append(rate(seconds: roundSeconds) { n in
                    var p = parameters, state = OptimizerState()
                    for _ in 0..<n {
                        let next = c.network.iterate(p, state, on: batch, record: false)
                        (p, state) = (next.parameters, next.optimizerState)
                    }
                })
                for reference in references { theirs[reference.label, default: Rounds()].append(reference.measure(c.key, seconds: roundSeconds)) }
                if readAll {
                    read.append(rate(seconds: roundSeconds) { iterate(c.network, parameters, batch, count: $0, readEverything: true) })
                }
            }
            comparisonRow("\(c.title), batch \(c.batchSize), it/s", ours, theirs, goal: goal, extra:
                "stepgrad as a pure function (iterate, new parameters each time) \(pure.spread(EngineBenchmark.figure)) it/s; "
                + "traced with every element expanded: " + (readAll ? read.spread(EngineBenchmark.figure) + " it/s" : "skipped (--quick)"))
        }
    }

    /// stepgrad's median over the best reference median, with every reference's figures beside it.
    static func comparisonRow(_ what: String, _ ours: Rounds, _ theirs: [String: Rounds], goal: Double, extra: String? = nil,
                              format: (Double) -> String = EngineBenchmark.figure) {
        let numpyBest = Rounds.best(theirs["NumPy"] ?? Rounds(), theirs["NumPy, tuned malloc"] ?? Rounds())
        var reference = theirs.keys.sorted().map { "\($0) \(theirs[$0]!.spread(format))" }
        var measured = ours.spread(format)
        var met: Bool?
        if !numpyBest.isEmpty {
            let ratio = ours.median / max(theirs["NumPy"]?.median ?? 0, theirs["NumPy, tuned malloc"]?.median ?? 0)
            measured += " = \(EngineBenchmark.times(ratio)) NumPy (rounds \(ours.ratios(to: numpyBest).spread(EngineBenchmark.times)))"
            met = ratio >= goal
        } else {
            reference.append("NumPy not measured")
        }
        if let torch = theirs["PyTorch"], !torch.isEmpty {
            measured += ", \(EngineBenchmark.times(ours.median / torch.median)) PyTorch"
        }
        if let extra { reference.append(extra) }
        add(Row(what: what, measured: measured, reference: reference.joined(separator: "; "), goal: "≥ \(EngineBenchmark.times(goal)) NumPy",
                met: met))
    }

    /// `count` iterations: untraced, as a training loop runs them (in place, `Network.train`), or
    /// traced with every element of every operation expanded.
    static func iterate(_ network: Network, _ parameters: Parameters, _ batch: Batch, count: Int, readEverything: Bool) {
        var p = parameters, state = OptimizerState()
        guard readEverything else {
            var scratch = IterationScratch()
            for _ in 0..<count { _ = network.train(&p, &state, on: batch, scratch: &scratch) }
            return
        }
        for _ in 0..<count {
            let iteration = network.iterate(p, state, on: batch, record: readEverything)
            if readEverything {
                for operation in iteration.trace.operations {
                    for element in operation.elements { precondition(!element.steps.isEmpty) }
                }
            }
            p = iteration.parameters
            state = iteration.optimizerState
        }
    }

    /// `work(n)` repeated in doubling chunks for about `seconds`: n per second.
    static func rate(seconds: Double, _ work: (Int) -> Void) -> Double {
        work(1)
        let clock = ContinuousClock(), start = clock.now
        var count = 0, chunk = 1
        while true {
            work(chunk)
            count += chunk
            let elapsed = EngineBenchmark.seconds(clock.now - start)
            if elapsed >= seconds { return Double(count) / elapsed }
            chunk = min(chunk * 2, 1 << 16)
        }
    }

    // MARK: The kernel

    static func kernelRow(_ references: [ReferenceWorker]) {
        print("\nThe matrix kernel: 64×784 · 784×128, GFLOP/s")
        var random = SplitMix64(seed: 784)
        let a = Matrix(rows: 64, columns: 784, elements: (0..<64 * 784).map { _ in random.nextUnit() * 2 - 1 })
        let b = Matrix(rows: 784, columns: 128, elements: (0..<784 * 128).map { _ in random.nextUnit() * 2 - 1 })
        var c = Matrix(rows: 64, columns: 128)
        let flops = 2.0 * 64 * 784 * 128 / 1e9
        var ours = Rounds(), theirs = [String: Rounds]()
        for _ in 0..<rounds {
            ours.append(rate(seconds: roundSeconds) { n in for _ in 0..<n { a.multiply(b, into: &c) } } * flops)
            for reference in references { theirs[reference.label, default: Rounds()].append(reference.measure("matmul", seconds: roundSeconds)) }
        }
        let reference = theirs.keys.sorted().map { "\($0) \(theirs[$0]!.spread(gflops))" }.joined(separator: "; ")
        add(Row(what: "matrix kernel 64×784×128, GFLOP/s (\(Matrix.kernelPath))", measured: ours.spread(gflops), reference: reference,
                goal: "≥ 40 GFLOP/s, same summation order", met: ours.median >= 40))
    }

    static func gflops(_ value: Double) -> String { String(format: "%.1f", value) }

    // MARK: Training (issue 14)

    static func trainingRows(_ references: [ReferenceWorker]) {
        print("\nTraining (issue 14), epochs per second of stepgrad's Trainer")
        for c in TrainingBenchmark.cases {
            guard let scenario = try? ScenarioLoader.parse(c.yaml), var trainer = Trainer(scenario) else {
                add(Row(what: c.title, measured: "could not load (run from the source checkout)", reference: "", goal: "", met: nil))
                continue
            }
            var ours = Rounds(), theirs = [String: Rounds]()
            for _ in 0..<rounds {
                ours.append(rate(seconds: roundSeconds) { n in for _ in 0..<n { trainer.finishEpoch() } })
                for reference in references where reference.label != "PyTorch" {
                    theirs[reference.label, default: Rounds()].append(reference.measure(c.key, seconds: roundSeconds))
                }
            }
            comparisonRow("\(c.title), epochs/s", ours, theirs, goal: c.goal)
        }
    }

    // MARK: Stepping

    /// 64 inputs, 32 relu units, 10 softmax outputs, with biases and momentum; seeded data.
    static func wide(batch: Int) -> Scenario {
        var scenario = SessionBenchmark.wide
        var random = SplitMix64(seed: 64)
        let input = Matrix(rows: batch, columns: 64, elements: (0..<(batch * 64)).map { _ in random.nextUnit() })
        var target = Matrix(rows: batch, columns: 10)
        for s in 0..<batch { target[s, Int(random.next() % 10)] = 1 }
        scenario.batch = Batch(input: input, target: target)
        scenario.title = "64-32-10, batch \(batch)"
        return scenario
    }

    /// Every phase step of a few iterations, and steps back across an update (the trace kept).
    static func stepRow() {
        print("\nStepping the session (64-32-10, batch 32, phase granularity)")
        let session = TrainingSession(scenario: wide(batch: 32))
        session.granularity = .phase
        var steps = Rounds(), back = Rounds()
        let clock = ContinuousClock()
        for _ in 0..<(quick ? 2 : 4) {
            repeat {
                steps.append(EngineBenchmark.seconds(clock.measure { session.stepForward() }) * 1000)
            } while !session.isAtEndOfIteration
            steps.append(EngineBenchmark.seconds(clock.measure { session.stepForward() }) * 1000)
            back.append(EngineBenchmark.seconds(clock.measure { session.stepBackward() }) * 1000)
            session.stepForward()
        }
        add(Row(what: "phase step, 64-32-10 batch 32, ms", measured: "\(steps.spread(milliseconds)) over \(steps.values.count) steps",
                reference: "step back across an update \(back.spread(milliseconds)) ms", goal: "< 1 ms",
                met: steps.median < 1))
    }

    static func milliseconds(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }

    // MARK: explain

    static var binary: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stepgrad") }

    static func explainRows() {
        print("\nexplain, the release binary (\(binary.path)), output read through a pipe")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            add(Row(what: "explain", measured: "not measured: build stepgrad in the same configuration first (swift build -c release)",
                    reference: "", goal: "", met: nil))
            return
        }
        func explain(_ scenario: String, _ arguments: [String], limit: Double) -> ChildRun {
            ChildRun.run([binary.path, "explain", scenario] + arguments, limit: limit)
        }
        func describe(_ run: ChildRun) -> String {
            if run.timedOut { return "stopped after \(String(format: "%.0f", run.seconds)) s" }
            if run.status != 0 { return "failed (exit \(run.status)): \(run.message)" }
            return String(format: "%.2f s, %@, peak %@", run.seconds, size(run.bytes), size(run.peakMemory))
        }
        let startup = Rounds(values: (0..<rounds).map { _ in explain("relu-softmax-3-4-3", [], limit: 30).seconds * 1000 })
        for format in ["text", "json"] {
            var times = Rounds(), last: ChildRun?
            for _ in 0..<(quick ? 1 : 3) {
                let run = explain("relu-softmax-3-4-3", ["--iterations", "1000", "--format", format], limit: 60)
                last = run
                if run.succeeded { times.append(run.seconds) }
            }
            add(Row(what: "explain 3-4-3, 1,000 iterations, \(format)", measured: times.isEmpty ? describe(last!) : "\(times.spread { String(format: "%.2f s", $0) }) (\(describe(last!)))",
                    reference: "start-up alone (1 iteration) \(startup.spread(milliseconds)) ms", goal: "< 0.5 s",
                    met: times.isEmpty ? false : times.median < 0.5))
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-bench-goals-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let widePath = directory.appendingPathComponent("64-32-10-batch-32.yaml").path
        FileManager.default.createFile(atPath: widePath, contents: Data(wide(batch: 32).yaml.utf8))
        let one = explain(widePath, [], limit: 120), three = explain(widePath, ["--iterations", "3"], limit: 300)
        if one.succeeded && three.succeeded {
            let perIteration = (three.seconds - one.seconds) / 2, memory = (three.peakMemory - one.peakMemory) / 2
            add(Row(what: "explain 64-32-10 batch 32, per iteration", measured: String(format: "%.0f ms, memory %@ per iteration", perIteration * 1000, signedSize(memory)),
                    reference: "1 iteration: \(describe(one)); 3: \(describe(three))", goal: "< 50 ms per iteration, flat memory",
                    met: perIteration < 0.05 && memory < 1 << 20))
        } else {
            add(Row(what: "explain 64-32-10 batch 32, per iteration", measured: one.succeeded ? describe(three) : describe(one),
                    reference: "", goal: "< 50 ms per iteration, flat memory", met: false))
        }

        let largePath = directory.appendingPathComponent("784-128-10-batch-64.yaml").path
        let large = EngineBenchmark.cases[2]
        let (parameters, batch) = EngineBenchmark.data(for: large)
        FileManager.default.createFile(atPath: largePath, contents: Data(largeYAML(batch).utf8))
        let engine = rate(seconds: roundSeconds) { iterate(large.network, parameters, batch, count: $0, readEverything: false) }
        let big = explain(largePath, [], limit: quick ? 30 : 150)
        add(Row(what: "explain 784-128-10 batch 64, 1 iteration", measured: describe(big),
                reference: String(format: "engine alone %.1f ms", 1000 / engine), goal: "seconds (< 10 s), bounded memory (peak < 512 MB)",
                met: big.succeeded && big.seconds < 10 && big.peakMemory < 512 << 20))

        let thousand = explain("relu-softmax-3-4-3", ["--iterations", "1000"], limit: 60)
        // The row is about memory, not time: ten times the work gets (at least) twenty times as long, so a
        // slower machine measures it too.
        let tenThousand = explain("relu-softmax-3-4-3", ["--iterations", "10000"], limit: max(quick ? 30 : 300, 20 * thousand.seconds))
        add(Row(what: "explain 3-4-3, 10,000 iterations, peak memory", measured: describe(tenThousand),
                reference: "1,000 iterations: \(describe(thousand))", goal: "bounded: peak within 10 % of 1,000 iterations'",
                met: tenThousand.succeeded && thousand.succeeded && Double(tenThousand.peakMemory) <= 1.1 * Double(thousand.peakMemory)))
    }

    /// 784-128-10 with a batch of 64 as a file within the loaders' 1 MiB: inputs to two decimals,
    /// weights drawn by the file's `init` rather than written out.
    static func largeYAML(_ batch: Batch) -> String {
        func row(_ values: [Double]) -> String { "  - [" + values.map { String(format: "%.2f", $0) }.joined(separator: ", ") + "]" }
        return (["title: \"784-128-10, batch 64\"", "input:"] + batch.input.rowList.map(row)
                + ["target:"] + batch.target.rowList.map { "  - [" + $0.map { String(Int($0)) }.joined(separator: ", ") + "]" }
                + ["layers:", "  - {units: 128, activation: relu}", "  - {units: 10, activation: softmax}",
                   "init: {seed: 1}", "loss: cross-entropy", "optimizer: {name: sgd, learning-rate: 0.01}"]).joined(separator: "\n") + "\n"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : String(format: "%.1f KB", Double(bytes) / 1024)
    }

    static func signedSize(_ bytes: Int) -> String { (bytes < 0 ? "−" : "+") + size(abs(bytes)) }

    // MARK: Frames

    static let frameSize = Size(width: 160, height: 48)

    /// Every frame of a walk through one iteration, element by element, timed: three walks, one
    /// after the other, each frame's time the fastest of its three. A frame's time in one walk also
    /// holds whatever else the machine did then (another process, the scheduler, a neighbour on a
    /// shared host); the same frame slow in three walks seconds apart is slow itself.
    static func frameRow() {
        print("\nFrames at \(frameSize), element granularity, every frame of a walk through one iteration (fastest of 3 walks)")
        let capabilities = TerminalCapabilities(colourDepth: .trueColour, unicode: true)
        let clock = ContinuousClock()
        let walks = (0..<3).map { _ in
            let session = TrainingSession(scenario: wide(batch: 8))
            session.granularity = .element
            let screen = SessionScreen(session: session, options: ScreenOptions(theme: .dark, capabilities: capabilities))
            _ = screen.frame(size: frameSize, glyphs: capabilities.glyphs)
            var times: [Double] = []
            repeat {
                _ = screen.update(.key(KeyEvent(.right)))
                times.append(EngineBenchmark.seconds(clock.measure { _ = screen.frame(size: frameSize, glyphs: capabilities.glyphs) }) * 1000)
            } while !session.isAtEndOfIteration
            return times
        }
        let frames = Rounds(values: walks[0].indices.map { i in walks.map { $0[i] }.min()! })
        let highest = frames.values.max() ?? .nan, slowest = frames.values.firstIndex(of: highest) ?? 0
        add(Row(what: "frame \(frameSize), element granularity, 64-32-10 batch 8, ms",
                measured: "median \(milliseconds(frames.median)), max \(milliseconds(highest)) (frame \(slowest + 1)) over \(frames.values.count) frames",
                reference: "one walk alone: median \(milliseconds(Rounds(values: walks[0]).median)), max \(milliseconds(walks[0].max() ?? .nan))",
                goal: "max < 1 ms", met: highest < 1))
    }

    // MARK: Bytes per step

    static func bytesRows() {
        print("\nBytes per step of the release binary in a pseudo-terminal (3-4-3 exercise, several iterations)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Tests/Reference/bytes_per_step.py").standardizedFileURL
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { return }
        let steps = quick ? 14 : 40
        for size in ["120x40", "200x60"] {
            let process = Process(), output = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, binary.path, "relu-softmax-3-4-3", size, String(steps)]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let fields = Dictionary(text.split(separator: " ").compactMap { field -> (String, String)? in
                let parts = field.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            }, uniquingKeysWith: { $1 })
            let counts = Rounds(values: (fields["steps"]?.split(separator: ",").compactMap { Double($0) } ?? [])
                                + (fields["back"].flatMap(Double.init).map { [$0] } ?? []))
            guard !counts.isEmpty else {
                add(Row(what: "bytes per step at \(size)", measured: "not measured (\(text.trimmingCharacters(in: .whitespacesAndNewlines)))",
                        reference: "", goal: "median < 2 KB, max < 4 KB", met: false))
                continue
            }
            let highest = counts.values.max()!
            add(Row(what: "bytes per step at \(size)", measured: "median \(Int(counts.median)), max \(Int(highest)) over \(counts.values.count) steps",
                    reference: "first frame \(fields["first"] ?? "?") bytes", goal: "median < 2048, max < 4096",
                    met: counts.median < 2048 && highest < 4096))
        }
    }

    static var loadAverage: String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }
}
