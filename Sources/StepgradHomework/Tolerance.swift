import Foundation

/// How closely a hand-written number must match, judged by the precision the student wrote.
///
/// A number written with `d` decimals is accepted when it lies within
///
///     10⁻ᵈ + carried
///
/// of the expected value. The `10⁻ᵈ` is one unit in the last written place: half a unit for
/// rounding the answer itself, half for rounding the partial results written on the way
/// (e^z and Σe^z in a softmax, η·g in an update). `carried` is the rounding inherited from the
/// student's earlier answers that were judged correct: how far the expected value moves when each
/// such answer moves by as much as the student's written value differs from the exact one (to
/// first order, summed over every number read). Numbers given in the exercise and answers written
/// exactly carry no rounding, so `1.2` for an exact 1.2 widens nothing downstream; an earlier
/// answer that is wrong carries none either, since what follows from it is judged from it as
/// written (error carried forward). A whole number written without decimals (`0`, `−2`) is
/// judged at the finest precision written elsewhere in the same answer, because students
/// drop trailing zeros, not precision.
///
/// When a value is judged against the student's own earlier values (error carried forward),
/// those values are used exactly as written, so they add nothing to `carried`.
enum Tolerance {
    /// One unit in the `d`-th decimal place.
    static func unit(decimals d: Int) -> Double { pow(10, -Double(d)) }

    /// Half a unit: the most a correctly rounded number can be off.
    static func halfUnit(decimals d: Int) -> Double { unit(decimals: d) / 2 }

    /// The decimals each number is judged at: as written, except whole numbers, which take the
    /// finest precision written in the same answer.
    static func effectiveDecimals(_ written: [Int]) -> [Int] {
        let finest = written.max() ?? 0
        return written.map { $0 == 0 ? finest : $0 }
    }

    /// Whether `written` matches `expected` within `allowance`; a relative hair of slack keeps
    /// binary floating point from rejecting a value exactly on the edge (0.1375 written as 0.138).
    static func accepts(_ written: Double, _ expected: Double, within allowance: Double) -> Bool {
        guard written.isFinite, expected.isFinite else { return false }
        return abs(written - expected) <= allowance + 1e-9 * max(1, abs(expected))
    }
}
