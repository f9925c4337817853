import Synchronization

/// Connections open now, in all and by address, counted across event loops.
final class ConnectionCount: Sendable {
    private struct Counts {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    private let counts = Mutex(Counts())
    let limits: ServeLimits

    init(limits: ServeLimits) { self.limits = limits }

    /// Counts one more from `address`, unless the total or that address's limit is reached.
    func admit(from address: String) -> Bool {
        counts.withLock { counts in
            guard counts.total < limits.connections, counts.byAddress[address, default: 0] < limits.perAddress else { return false }
            counts.total += 1
            counts.byAddress[address, default: 0] += 1
            return true
        }
    }

    func release(from address: String) {
        counts.withLock { counts in
            counts.total -= 1
            let left = counts.byAddress[address, default: 1] - 1
            counts.byAddress[address] = left > 0 ? left : nil
        }
    }
}
