import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession

/// What the training session costs a front end: one step, and one step back across an
/// update (from a kept trace and recomputed from checkpoints), at each granularity; and
/// what it holds in memory after 100,000 iterations.
@MainActor enum SessionBenchmark {
    static func run() async {
        print("Session (per step; back = step back across an update)")
        for (name, scenario) in [("3-4-3 homework", homework), ("64-32-10, batch 8", wide)] {
            for granularity in Granularity.allCases {
                let session = TrainingSession(scenario: scenario)
                session.granularity = granularity
                let step = time(repeating: 3 * stepsPerIteration(session)) { session.stepForward() }
                let kept = backAcrossUpdate(session, times: 20, returning: true)
                let fresh = TrainingSession(scenario: scenario)
                fresh.granularity = granularity
                _ = await fresh.fastForward(iterations: 1000).value
                let recomputed = backAcrossUpdate(fresh, times: 20, returning: false)
                print("  \(name.padding(18)) \(granularity.rawValue.padding(9)) step \(format(step))"
                      + "   back: kept \(format(kept)), recomputed \(format(recomputed))")
            }
        }
        print("Memory after 100,000 iterations")
        for (name, scenario) in [("3-4-3 homework", homework), ("64-32-10, batch 8", wide)] {
            let session = TrainingSession(scenario: scenario)
            let start = ContinuousClock.now
            _ = await session.fastForward(iterations: 100_000).value
            let took = ContinuousClock.now - start
            let retained = session.retained
            print("  \(name.padding(18)) \(retained.traces) traces, \(retained.checkpoints) checkpoints, "
                  + "~\(retained.estimatedBytes / 1024) KiB (fast-forward took \(format(took).trimmingCharacters(in: .whitespaces)))")
        }
        print("  process RSS \(residentSetSize() ?? "unknown")")
    }

    /// Saving, resuming and the process's memory after a short, a longer and a very long run:
    /// the loss history is a bounded summary, so from a few thousand iterations on a run costs
    /// the same however long it is.
    static func persistence() async {
        print("Save and resume (3-4-3 homework, state file in a temporary directory)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var scenario = homework
        scenario.path = directory + "/homework.yaml"
        for iterations in [10, 10_000, 10_000_000] {
            let session = TrainingSession(scenario: scenario, stateDirectory: directory)
            let start = ContinuousClock.now
            _ = await session.fastForward(iterations: iterations).value
            let trained = ContinuousClock.now - start
            let save = time(repeating: 5) { try? session.save() }
            let bytes = session.stateFilePath.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? -1
            let resume = time(repeating: 5) { _ = TrainingSession.resume(scenario, stateDirectory: directory) }
            print("  after \(String(iterations).padding(9)) iterations: save \(format(save)), resume \(format(resume)), "
                  + "state file \(bytes / 1024) KiB, process RSS \(residentSetSize() ?? "unknown") "
                  + "(fast-forward took \(format(trained).trimmingCharacters(in: .whitespaces)))")
        }
    }

    /// The homework network: x=(0.5,−1,2), y=(1,1,0), relu, softmax, no bias, cross-entropy.
    static var homework: Scenario {
        let network = Network(inputs: 3, layers: [Layer(units: 4, activation: .relu, hasBias: false),
                                                  Layer(units: 3, activation: .softmax, hasBias: false)],
                              loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.1)))
        let parameters = Parameters(weights: [
            Matrix([[0.2, -0.3, 0.4], [0.1, 0.2, -0.5], [-0.3, 0.1, 0.2], [0.4, -0.1, 0.3]]),
            Matrix([[0.1, 0.2, -0.1, 0.1], [-0.2, 0.3, 0.1, -0.3], [0.2, -0.1, 0.3, 0.2]]),
        ], biases: [nil, nil])
        return Scenario(title: "Homework", network: network, parameters: parameters,
                        batch: Batch(input: Matrix([[0.5, -1, 2]]), target: Matrix([[1, 1, 0]])))
    }

    /// 64 inputs, 32 relu units, 10 softmax outputs, with biases; seeded random data, one-hot targets.
    static var wide: Scenario {
        let network = Network(inputs: 64, layers: [Layer(units: 32, activation: .relu), Layer(units: 10, activation: .softmax)],
                              loss: .crossEntropy, optimizer: .sgd(.init(learningRate: 0.05, momentum: 0.9)))
        var random = SplitMix64(seed: 64)
        let input = Matrix(rows: 8, columns: 64, elements: (0..<(8 * 64)).map { _ in random.nextUnit() })
        var target = Matrix(rows: 8, columns: 10)
        for s in 0..<8 { target[s, Int(random.next() % 10)] = 1 }
        return Scenario(title: "64-32-10", network: network,
                        parameters: Initializer(seed: 32, scheme: .he).parameters(for: network),
                        batch: Batch(input: input, target: target))
    }

    /// Steps in an iteration at the session's granularity, the crossing into the next included.
    static func stepsPerIteration(_ session: TrainingSession) -> Int {
        session.goToStartOfIteration()
        session.stepForward()
        let count = session.currentStep?.count ?? 1
        session.goToStartOfIteration()
        return count + 1
    }

    /// The mean time of a step back from the start of an iteration into the end of the previous
    /// one: the same one again and again (`returning`, its trace kept), or one further back each time.
    static func backAcrossUpdate(_ session: TrainingSession, times: Int, returning: Bool) -> Duration {
        session.goToStartOfIteration()
        var total = Duration.zero
        for _ in 0..<times {
            total += ContinuousClock().measure { session.stepBackward() }
            if returning { session.stepForward() } else { session.goToStartOfIteration() }
        }
        return total / times
    }

    static func time(repeating count: Int, _ body: () -> Void) -> Duration {
        ContinuousClock().measure { for _ in 0..<count { body() } } / count
    }

    static func format(_ d: Duration) -> String {
        let microseconds = Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) * 1e-12
        return microseconds < 1000 ? String(format: "%8.1f µs", microseconds) : String(format: "%8.2f ms", microseconds / 1000)
    }

    /// `VmRSS` from /proc/self/status, where there is one.
    static func residentSetSize() -> String? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .map { $0.dropFirst("VmRSS:".count).trimmingCharacters(in: .whitespaces) }
    }
}

private extension String {
    func padding(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}
