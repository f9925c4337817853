/// "Did you mean …?" for a misspelt key, name or quantity.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be what was meant.
    /// Case, `_` versus `-` and spaces are forgiven before distance is measured,
    /// so `learning_rate` finds `learning-rate` and `dw1` finds `dW1`.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let key = normalized(word)
        guard !key.isEmpty else { return nil }
        if let same = candidates.first(where: { normalized($0) == key }) { return same }
        let scored = candidates.map { (candidate: $0, distance: distance(key, normalized($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let tolerance = max(1, min(key.count, normalized(best.candidate).count) / 3)
        if best.distance <= tolerance { return best.candidate }
        // A unique candidate that starts with or contains what was typed: `relu` → `relu-softmax-3-4-3`.
        let containing = candidates.filter { normalized($0).contains(key) }
        return containing.count == 1 && key.count >= 3 ? containing[0] : nil
    }

    /// `; did you mean 'x'?`, or nothing.
    static func clause(for word: String, in candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func normalized(_ s: String) -> String {
        String(s.lowercased().compactMap { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// Optimal string alignment distance: Levenshtein plus swaps of neighbours (`laerning`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
