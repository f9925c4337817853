import Foundation
@testable import StepgradNotation
import StepgradEngine
import Testing

/// `WideDecimal` reads a Double's shortest decimal itself; it must mean the Double it was read from.
@Suite struct WideDecimalTests {
    @Test func aDoubleReadAsADecimalReadsBackAsItself() {
        var random = SplitMix64(seed: 7)
        var values: [Double] = [0, 1, -1, 100, 123000, 0.1, 0.50655, -0.50655, 1e-5, 3.7e-5, 1.5e20, 1e22, 1e150, 1e-300,
                                2.004, 9007199254740993, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<5000 {
            values.append(Double(bitPattern: random.next()))
            values.append((random.nextUnit() * 2 - 1) * 1000)
        }
        for v in values where v.isFinite {
            #expect(WideDecimal(v).double == v, "\(v)")
        }
        #expect(WideDecimal(-0.0).double == 0)
        #expect(WideDecimal(.infinity).isNaN && WideDecimal(.nan).isNaN)
    }

    @Test func lnIsTheDoubleLogarithmAtAnyPower() {
        for v in [0.5, 1, 2, 10, 0.3271, 12345, 1e-30] {
            #expect(abs(WideDecimal.ln(WideDecimal(v)).double - log(v)) <= 1e-15 * max(1, abs(log(v))), "\(v)")
        }
        let huge = WideDecimal.exp(WideDecimal(1000))
        #expect(abs(WideDecimal.ln(huge).double - 1000) < 1e-9)
        #expect(WideDecimal.ln(WideDecimal(0)).isNaN && WideDecimal.ln(WideDecimal(-1)).isNaN)
    }

    /// e^x of an x whose power of ten an Int cannot hold (a scenario with inputs near 10²⁰⁰) has no
    /// value, as for a non-finite x: not a trap.
    @Test func expOfAnEnormousArgumentHasNoValue() {
        #expect(WideDecimal.exp(WideDecimal(1e200)).isNaN && WideDecimal.exp(WideDecimal(-1e300)).isNaN)
        #expect(!WideDecimal.exp(WideDecimal(1e9)).isNaN)
    }
}
