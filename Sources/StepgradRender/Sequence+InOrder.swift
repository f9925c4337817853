import Dispatch
import Foundation
import Synchronization

extension Sequence where Element: Sendable {
    /// Hands `body` the transform of each element, in order, the transforms worked a few at a time
    /// on every core: the iterations of a solution are written independently of one another, each
    /// from its own record, and writing one takes far longer than computing it. At most two
    /// elements a core are held at once, so a long solution is still written in the memory of a few
    /// iterations; `body` runs on the calling thread. With one core, each element is transformed
    /// and handed on before the next.
    func forEachInOrder<Result: Sendable>(cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                                          transformedBy transform: @Sendable (Element) -> Result, _ body: (Result) -> Void) {
        guard cores > 1 else {
            for element in self { body(transform(element)) }
            return
        }
        var elements = makeIterator()
        while true {
            var chunk: [Element] = []
            while chunk.count < 2 * cores, let element = elements.next() { chunk.append(element) }
            guard !chunk.isEmpty else { return }
            let batch = chunk
            let results = Mutex([Result?](repeating: nil, count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let result = transform(batch[index])
                results.withLock { $0[index] = result }
            }
            for result in results.withLock({ $0 }) { body(result!) }
        }
    }
}
