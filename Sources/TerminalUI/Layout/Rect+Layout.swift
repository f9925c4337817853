/// How much of a row or column split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only when the space runs out).
    case fixed(Int)
    /// This percentage of the whole length, rounded down.
    case percent(Int)
    /// A share of what fixed and percentage parts leave, in proportion to the weight.
    case fill(Int)

    public static let fill = Constraint.fill(1)
}

extension Rect {
    /// Splits into stacked rows, top to bottom.
    public func split(rows constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Rect.lengths(constraints, total: height, spacing: spacing).map { offset, length in
            Rect(x: x, y: y + offset, width: width, height: length)
        }
    }

    /// Splits into side-by-side columns, left to right.
    public func split(columns constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Rect.lengths(constraints, total: width, spacing: spacing).map { offset, length in
            Rect(x: x + offset, y: y, width: length, height: height)
        }
    }

    /// Offsets and lengths of the parts. Fixed and percentage parts are served first, in order,
    /// while space lasts; fills share the rest by weight, the remainder going to the earliest fills.
    /// Parts that do not fit get zero length, so the parts never overrun `total`.
    static func lengths(_ constraints: [Constraint], total: Int, spacing: Int) -> [(offset: Int, length: Int)] {
        guard !constraints.isEmpty else { return [] }
        let gap = max(spacing, 0)
        var available = max(total - gap * (constraints.count - 1), 0)
        var lengths = constraints.map { constraint -> Int in
            let wanted: Int
            switch constraint {
            case .fixed(let n): wanted = max(n, 0)
            case .percent(let p): wanted = max(total * min(max(p, 0), 100) / 100, 0)
            case .fill: return 0
            }
            let given = min(wanted, available)
            available -= given
            return given
        }
        let weights = constraints.map { if case .fill(let w) = $0 { max(w, 0) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var remainder = available
            for i in lengths.indices where weights[i] > 0 {
                lengths[i] = available * weights[i] / totalWeight
                remainder -= lengths[i]
            }
            for i in lengths.indices where weights[i] > 0 && remainder > 0 {
                lengths[i] += 1
                remainder -= 1
            }
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length + gap }
            return (min(offset, total), length)
        }
    }
}
