import Foundation
import StepgradEngine

/// How closely a hand-written number must match, judged by the precision the student wrote.
///
/// A number written with `d` decimals is accepted when it lies within
///
///     ½·10⁻ᵈ  (+ ½·10⁻ᵈ when the step has partial results to round)  + carried
///
/// of the expected value. Half a unit in the last written place is what rounding the answer
/// costs. A second half unit is allowed when working the step out by hand at that precision means
/// rounding partial results on the way — a product inside a sum, e^z and Σe^z in a softmax, e^−z in
/// σ(z) and e^±z in tanh(z), η·g in an update — that is, when some partial result of the element's arithmetic is not a whole
/// multiple of 10⁻ᵈ; a step whose partial results are exact (0.3·1 + (−0.6)·3 + 0.1) gets none.
///
/// `carried` is the rounding inherited from the student's earlier answers that were judged
/// correct: how far the expected value moves when each such answer moves by as much as the
/// student's written value differs from the exact one (to first order, summed over every number
/// read). Numbers given in the exercise and answers written exactly carry no rounding, so `1.2`
/// for an exact 1.2 widens nothing downstream. An earlier answer that is wrong carries none
/// against exact: what follows from it is judged from it as written (error carried forward), by
/// the same rule, each of the student's numbers standing for whatever rounds to it (see `Walk`).
///
/// A whole number written without decimals (`0`, `−2`) is judged at the finest precision written
/// elsewhere in the same answer, because students drop trailing zeros, not precision.
enum Tolerance {
    /// One unit in the `d`-th decimal place.
    static func unit(decimals d: Int) -> Double { pow(10, -Double(d)) }

    /// Half a unit: the most a correctly rounded number can be off.
    static func halfUnit(decimals d: Int) -> Double { unit(decimals: d) / 2 }

    /// The allowance for a number written with `d` decimals whose expected value is worked out by
    /// `arithmetic` (`nil` for numbers given in the exercise, which involve no arithmetic).
    static func allowance(decimals d: Int, arithmetic: Element?, carried: Double) -> Double {
        let partials = arithmetic?.steps.first?.needsRoundedPartials(at: d) == true
        return halfUnit(decimals: d) * (partials ? 2 : 1) + carried
    }

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
