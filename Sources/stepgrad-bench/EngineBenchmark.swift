import Foundation
import StepgradEngine

/// Training iterations per second of the engine, traced and untraced, beside the same
/// computation in NumPy (Tests/Reference/bench_numpy.py), with the speed targets:
/// the small network ≥ 20× NumPy, the middle one ≥ NumPy, the large one ≥ ¼ of NumPy,
/// and recording the trace ≤ 3× the cost of not recording it on the small network.
/// A recorded trace builds its operations when first read: "traced, read" is what an
/// iteration costs when its trace is read, the price a display or a check pays.
enum EngineBenchmark {
    struct Case {
        var key: String
        var title: String
        var network: Network
        var batchSize: Int
        /// The least engine/NumPy speed ratio that meets the target.
        var target: Double
    }

    static let cases = [
        Case(key: "small", title: "2-8-8-1 tanh", network: network([2, 8, 8, 1], hidden: .tanh, output: .identity, loss: .mse),
             batchSize: 1, target: 20),
        Case(key: "middle", title: "64-32-10 relu", network: network([64, 32, 10], hidden: .relu, output: .softmax, loss: .crossEntropy),
             batchSize: 32, target: 1),
        Case(key: "large", title: "784-128-10 relu", network: network([784, 128, 10], hidden: .relu, output: .softmax, loss: .crossEntropy),
             batchSize: 64, target: 0.25),
    ]
    static let traceCostTarget = 3.0
    /// Each figure is the best of `rounds` runs of `roundSeconds`: the machine is shared.
    static let rounds = 3, roundSeconds = 0.5

    static func run() {
        print("Engine benchmark: training iterations per second (forward, loss, backward, SGD update)")
        print("best of \(rounds) × \(roundSeconds) s per figure\n")
        let numpy = NumPyBenchmark.run(seconds: roundSeconds, rounds: rounds)
        if let note = numpy.note { print(note + "\n") }

        let header = ["network", "batch", "untraced", "traced", "trace cost", "traced, read", "read cost", "NumPy", "engine/NumPy"]
        var rows: [[String]] = [], verdicts: [String] = []
        for c in cases {
            let (parameters, batch) = data(for: c)
            let untraced = measure(c.network, parameters, batch, .untraced)
            let traced = measure(c.network, parameters, batch, .traced)
            let read = measure(c.network, parameters, batch, .tracedAndRead)
            let cost = untraced / traced
            let reference = numpy.iterationsPerSecond[c.key]
            let ratio = reference.map { untraced / $0 }
            rows.append([c.title, "\(c.batchSize)", figure(untraced), figure(traced), times(cost), figure(read), times(untraced / read),
                         reference.map(figure) ?? "–", ratio.map(times) ?? "–"])
            let goal = c.target >= 1 ? "≥ \(times(c.target)) NumPy" : "≥ 1/\(Int(1 / c.target)) of NumPy"
            verdicts.append("\(c.title): engine \(goal): "
                            + (ratio.map { "\(times($0)) — \($0 >= c.target ? "met" : "MISSED")" } ?? "not measured (no NumPy figures)"))
            if c.key == "small" {
                verdicts.append("\(c.title): recording the trace costs ≤ \(times(traceCostTarget)): \(times(cost)) — "
                                + (cost <= traceCostTarget ? "met" : "MISSED"))
            }
        }
        print(table([header] + rows))
        print("\nTargets")
        for verdict in verdicts { print("  " + verdict) }
    }

    /// One case's untraced training iterations, in place as a training loop runs them, for
    /// `seconds`: what a profiler should see of that case and nothing else.
    @MainActor static func runAlone(_ c: Case, seconds: Double = 3) {
        let (parameters, batch) = data(for: c)
        let rate = GoalsBenchmark.rate(seconds: seconds) { GoalsBenchmark.iterate(c.network, parameters, batch, count: $0, readEverything: false) }
        print("\(c.title), batch \(c.batchSize), untraced in place: \(figure(rate)) it/s")
    }

    static func network(_ sizes: [Int], hidden: Activation, output: Activation, loss: Loss) -> Network {
        let layers = sizes.dropFirst().enumerated().map { i, units in
            Layer(units: units, activation: i == sizes.count - 2 ? output : hidden)
        }
        return Network(inputs: sizes[0], layers: layers, loss: loss, optimizer: .sgd(.init(learningRate: 0.01)))
    }

    /// Xavier weights, zero biases, inputs in (−1, 1), one-hot or real targets: as bench_numpy.py.
    static func data(for c: Case) -> (Parameters, Batch) {
        var g = SplitMix64(seed: 1)
        func uniform(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in g.nextUnit() * 2 - 1 })
        }
        let parameters = Initializer(seed: 1).parameters(for: c.network)
        let input = uniform(c.batchSize, c.network.inputs)
        var target = Matrix(rows: c.batchSize, columns: c.network.outputs)
        for s in 0..<c.batchSize {
            if c.network.loss == .crossEntropy { target[s, Int(g.next() % UInt64(target.columns))] = 1 }
            else { for j in 0..<target.columns { target[s, j] = g.nextUnit() * 2 - 1 } }
        }
        return (parameters, Batch(input: input, target: target))
    }

    enum Mode { case untraced, traced, tracedAndRead }

    /// Each iteration trains on the parameters of the one before, so no work can be skipped;
    /// reading a trace builds its operations under the trace's lock, which cannot be skipped either.
    static func measure(_ network: Network, _ parameters: Parameters, _ batch: Batch, _ mode: Mode) -> Double {
        var p = parameters, state = OptimizerState()
        func train(_ n: Int) {
            for _ in 0..<n {
                let iteration = network.iterate(p, state, on: batch, record: mode != .untraced)
                if mode == .tracedAndRead { _ = iteration.trace.operations }
                p = iteration.parameters
                state = iteration.optimizerState
            }
        }
        train(20)
        let clock = ContinuousClock()
        var best = 0.0
        for _ in 0..<rounds {
            var count = 0, chunk = 1
            let start = clock.now
            var elapsed = 0.0
            while elapsed < roundSeconds {
                train(chunk)
                count += chunk
                chunk = min(chunk * 2, 4096)
                elapsed = seconds(clock.now - start)
            }
            best = max(best, Double(count) / elapsed)
        }
        return best
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func figure(_ perSecond: Double) -> String {
        perSecond >= 100 ? String(Int(perSecond.rounded())) : String(format: "%.1f", perSecond)
    }

    static func times(_ ratio: Double) -> String { String(format: ratio >= 10 ? "%.0f×" : "%.2f×", ratio) }

    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "   ")
        }.joined(separator: "\n")
    }
}
