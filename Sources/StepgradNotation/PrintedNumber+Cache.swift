import Synchronization

extension PrintedNumber {
    /// Numbers already printed, by value and figures: a solution prints the same weights in its
    /// givens, its matrix equations and its lines, and working out a decimal is the dearest part of
    /// writing one. Bounded; shared by every thread.
    static let cache = Mutex<[CacheKey: PrintedNumber]>([:])
    static let cacheLimit = 1 << 16

    struct CacheKey: Hashable {
        var bits: UInt64
        var precision: NumberStyle.Precision
    }

    static func cached(_ v: Double, _ precision: NumberStyle.Precision, _ print: () -> PrintedNumber) -> PrintedNumber {
        let key = CacheKey(bits: v.bitPattern, precision: precision)
        if let known = cache.withLock({ $0[key] }) { return known }
        let printed = print()
        cache.withLock { table in
            if table.count >= cacheLimit { table.removeAll(keepingCapacity: true) }
            table[key] = printed
        }
        return printed
    }
}
