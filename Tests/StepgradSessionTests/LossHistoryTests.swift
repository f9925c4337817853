import Foundation
import Testing
@testable import StepgradSession

/// The loss history stays small however long a session trains, keeps the latest losses exactly,
/// and summarises older ones faithfully (checked against sums worked out directly).
@Suite struct LossHistoryTests {
    @Test func shortHistoriesAreExact() {
        let losses = (0..<1500).map { 1 / Double($0 + 1) }
        var history = LossHistory()
        for (i, loss) in losses.enumerated() {
            history.append(loss)
            #expect(history.count == i + 1 && history.last == loss)
        }
        #expect(history.exact == losses && history.buckets.isEmpty)
        #expect(history.samples(3) == [losses[0], losses[749], losses[1499]])
        #expect(history.samples(2000) == losses)
    }

    /// Losses 0, 1, 2, …: bucket k of width w holds k·w … (k+1)·w − 1, so its mean is k·w + (w − 1)/2.
    @Test func olderLossesAreSummarisedIntoEvenBuckets() {
        let n = 3_000_000
        var history = LossHistory()
        for i in 0..<n { history.append(Double(i)) }
        #expect(history.count == n && history.isWellFormed)
        #expect(history.exact == (n - history.exact.count..<n).map(Double.init))
        #expect(history.exact.count >= LossHistory.exactLimit)
        #expect(history.buckets.count <= 2 * LossHistory.bucketLimit + 1)
        let w = history.width
        #expect(w == 4096, "3·10⁶ losses over at most 1,024 buckets need width 4,096")
        for (k, bucket) in history.buckets.enumerated() {
            let first = Double(k * w), last = Double(k * w + bucket.count - 1)
            #expect(bucket.minimum == first && bucket.maximum == last)
            #expect(abs(bucket.mean - (first + last) / 2) <= 1e-9 * last, "bucket \(k)")
        }
        // Samples read the bucket of each sampled iteration, the latest exactly.
        let samples = history.samples(5)
        #expect(samples.first == Double(w - 1) / 2 && samples.last == Double(n - 1))
        #expect(zip(samples, [0, 0.25, 0.5, 0.75, 1].map { $0 * Double(n - 1) }).allSatisfy { abs($0 - $1) <= Double(w) })
    }

    @Test func aHundredMillionLossesStayUnderAMegabyte() throws {
        var history = LossHistory()
        for i in 0..<100_000_000 { history.append(Double(i & 1023)) }
        #expect(history.count == 100_000_000 && history.isWellFormed)
        let memory = MemoryLayout<LossHistory>.size + history.exact.capacity * MemoryLayout<Double>.stride
            + history.buckets.capacity * MemoryLayout<LossHistory.Bucket>.stride
        #expect(memory < 100_000, "\(memory) bytes")
        let saved = try JSONEncoder().encode(history)
        #expect(saved.count < 1_000_000, "\(saved.count) bytes in a state file")
    }

    @Test func steppingBackForgetsTheLatest() {
        var history = LossHistory((0..<5000).map(Double.init))
        let before = history
        history.append(42)
        history.removeLast(42)
        #expect(history == before)
        for i in (0..<5000).reversed() { history.removeLast(Double(i)) }
        #expect(history.count == 0 && history.isEmpty && history.last == nil)
    }

    @Test func notANumberShowsInTheMeanAndTheExtremesKeepTheNumbers() {
        var history = LossHistory()
        for i in 0..<10_000 { history.append(i == 7 ? .nan : 1) }
        #expect(history.buckets[0].mean.isNaN)
        #expect(history.buckets[0].minimum == 1 && history.buckets[0].maximum == 1)
        #expect(history.buckets.dropFirst().allSatisfy { $0.mean == 1 })
    }

    @Test(arguments: [
        #"{"count":3,"exact":[1,2],"buckets":[],"width":1}"#,
        #"{"count":2,"exact":[1,2],"buckets":[],"width":3}"#,
        #"{"count":-1,"exact":[],"buckets":[],"width":1}"#,
        #"{"count":9223372036854775807,"exact":[1],"buckets":[{"count":9223372036854775807,"mean":1,"minimum":1,"maximum":1}],"width":1}"#,
        #"{"count":3,"exact":[1],"buckets":[{"count":1,"mean":1,"minimum":1,"maximum":1},{"count":1,"mean":1,"minimum":1,"maximum":1}],"width":2}"#,
    ])
    func aHistoryThatDoesNotAddUpIsRefused(_ json: String) throws {
        let history = try JSONDecoder().decode(LossHistory.self, from: Data(json.utf8))
        #expect(!history.isWellFormed)
    }
}
