import Synchronization

extension PrintedNumber {
    /// Numbers already printed, by value and figures: a solution prints the same weights in its
    /// givens, its matrix equations and its lines, and working out a decimal is the dearest part of
    /// writing one. A slot per hash of the key, the last number printed there kept: a lookup is a
    /// multiplication and a comparison, where a dictionary hashed every key with SipHash (a line is
    /// fitted from hundreds of lookups). Bounded; shared by every thread.
    static let cache = Mutex(Cache())

    struct Cache {
        static let indexBits = 14
        var slots = [Slot?](repeating: nil, count: 1 << indexBits)

        struct Slot {
            var bits: UInt64
            var precision: NumberStyle.Precision
            var number: PrintedNumber
        }

        static func index(_ bits: UInt64, _ precision: NumberStyle.Precision) -> Int {
            let figures: UInt64 = switch precision {
            case .significant(let n): UInt64(truncatingIfNeeded: n)
            case .decimals(let d): 32 &+ UInt64(truncatingIfNeeded: d)
            }
            // Fibonacci hashing: the high bits of the product depend on every bit of the key.
            let mixed = (bits ^ figures &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> UInt64(64 - indexBits))
        }
    }

    static func cached(_ v: Double, _ precision: NumberStyle.Precision, _ print: () -> PrintedNumber) -> PrintedNumber {
        let bits = v.bitPattern, index = Cache.index(bits, precision)
        let known = cache.withLock { cache -> PrintedNumber? in
            guard let slot = cache.slots[index], slot.bits == bits, slot.precision == precision else { return nil }
            return slot.number
        }
        if let known { return known }
        let printed = print()
        cache.withLock { $0.slots[index] = Cache.Slot(bits: bits, precision: precision, number: printed) }
        return printed
    }
}
