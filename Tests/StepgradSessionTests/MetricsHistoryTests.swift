import Testing
import StepgradEngine
import StepgradScenario
@testable import StepgradSession

/// The training view's history stays bounded and evenly spaced however long training runs; a
/// changed network is named in the title.
@Suite struct MetricsHistoryTests {
    static func metrics(_ epoch: Int) -> EpochMetrics {
        EpochMetrics(epoch: epoch, iterations: epoch, train: Evaluation(loss: Double(epoch), accuracy: nil), test: nil)
    }

    @Test func aFullHistoryKeepsEveryOtherEpochAndAlwaysTheLatest() {
        var history = MetricsHistory(Self.metrics(0), capacity: 4)
        var kept: [[Int]] = []
        for epoch in 1...7 {
            history.append(Self.metrics(epoch))
            kept.append(history.map(\.epoch))
        }
        // Worked by hand: four entries fit; the fifth halves them to every second epoch, the
        // latest always last; at 7 the five entries 0 2 4 6 7 halve to every fourth.
        #expect(kept == [[0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 2, 4], [0, 2, 4, 5], [0, 2, 4, 6], [0, 4, 7]])
        #expect(history.stride == 4 && history.lastEpoch == 7)
    }

    @Test func aMillionEpochsStayWithinCapacityEvenlySpaced() {
        var history = MetricsHistory(Self.metrics(0), capacity: 100)
        for epoch in 1...1_000_000 { history.append(Self.metrics(epoch)) }
        #expect(history.count <= 100 && history.count > 50)
        #expect(history.last?.epoch == 1_000_000 && history.first?.epoch == 0)
        let spaced = history.dropLast().map(\.epoch)
        #expect(zip(spaced, spaced.dropFirst()).allSatisfy { $1 - $0 == history.stride })
    }

    @Test func theTitleNamesTheNewNetwork() throws {
        let old = Network(inputs: 2, layers: [Layer(units: 16, activation: .relu), Layer(units: 16, activation: .relu),
                                              Layer(units: 2, activation: .softmax)], loss: .crossEntropy)
        var wider = old
        wider.layers[0].units = 17
        var tanh = old
        for l in 0..<2 { tanh.layers[l].activation = .tanh }
        let title = "Spiral: 400 points, 2-16-16-2 ReLU"
        #expect(Scenario.retitled(title, from: old, to: wider) == "Spiral: 400 points, 2-17-16-2 ReLU")
        #expect(Scenario.retitled(title, from: old, to: tanh) == "Spiral: 400 points, 2-16-16-2 tanh")
        #expect(Scenario.retitled(title, from: old, to: old) == title)
        // A title that does not name the network gets it after, once.
        let once = Scenario.retitled("My spiral", from: old, to: wider)
        #expect(once == "My spiral (now 2-17-16-2 relu)")
        var wider2 = wider
        wider2.layers[1].units = 8
        #expect(Scenario.retitled(once, from: wider, to: wider2) == "My spiral (now 2-17-8-2 relu)")
    }
}
