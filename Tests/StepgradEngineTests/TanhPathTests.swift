import CStepgradKernel
import Foundation
@testable import StepgradEngine
import Testing

/// The vectorized tanh against the C library's, bit for bit, on every path this machine can take:
/// random inputs over every magnitude and across the edges of glibc's branches, ∞, NaN, ±0,
/// subnormals, counts that eight does not divide, and in place.
@Suite struct TanhPathTests {
    /// The portable path, and AVX-512 where the processor has it and it agrees with this C library
    /// (the only places the engine uses it).
    static var paths: [KernelPath] {
        [.portable] + (KernelPath.chosen == .avx512 && sg_tanh_agrees(KernelPath.avx512.rawValue, 4096) != 0 ? [.avx512] : [])
    }

    static func inputs(count: Int, seed: UInt64) -> [Double] {
        var g = SplitMix64(seed: seed)
        let edges: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude, 0x1p-55, 0x1p-54,
                               0x1p-28, 0.173286795139986, 0.25, 0.5198603854199589, 0.75, 1, 1.0397, 2, 19.06, 19.4, 19.45, 21.99, 22,
                               22.000001, 40, 710, .greatestFiniteMagnitude]
        var values: [Double] = []
        for e in edges { values += [e, -e, e.nextUp, e.nextDown, -e.nextUp] }
        while values.count < count {
            let u = g.nextUnit()
            let value: Double = switch values.count % 3 {
            case 0: (u * 2 - 1) * 4
            case 1: (u * 2 - 1) * 30
            default: (u * 2 - 1) * Double(sign: .plus, exponent: Int(g.next() % 70) - 62, significand: 1)
            }
            values.append(value)
        }
        return values
    }

    static func same(_ x: Double, _ y: Double) -> Bool { x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN) }

    @Test(arguments: paths)
    func everyPathGivesTheCLibrarysBits(_ path: KernelPath) {
        let z = Self.inputs(count: 200_000, seed: 14)
        var a = [Double](repeating: 7, count: z.count)
        z.withUnsafeBufferPointer { z in
            a.withUnsafeMutableBufferPointer { Kernel.tanh(z.baseAddress!, into: $0.baseAddress!, count: z.count, path: path) }
        }
        let wrong = zip(z, a).filter { !Self.same(Foundation.tanh($0), $1) }
        #expect(wrong.isEmpty, "\(path): \(wrong.count) differ, first tanh(\(wrong.first.map { "\($0.0)) = \($0.1)" } ?? ""))")
    }

    @Test(arguments: paths)
    func shortRowsAndInPlace(_ path: KernelPath) {
        for count in 0...19 {
            let z = Self.inputs(count: 130, seed: UInt64(count)).suffix(count).map { $0 }
            var a = z
            a.withUnsafeMutableBufferPointer { a in
                if let base = a.baseAddress { Kernel.tanh(base, into: base, count: count, path: path) }
            }
            #expect(zip(z, a).allSatisfy { Self.same(Foundation.tanh($0), $1) }, "\(path), \(count) in place")
        }
    }

    /// glibc 2.36 on x86-64 is the C library the AVX-512 path was written from: there it must be chosen.
    @Test func theVectorPathIsChosenWhereItWasWrittenFor() {
        guard KernelPath.chosen == .avx512, Self.glibcVersion == "2.36" else { return }
        #expect(Kernel.tanhPath == .avx512)
    }

    /// The running glibc's version (`gnu_get_libc_version`, which Swift's Glibc module does not export).
    static var glibcVersion: String? {
        #if canImport(Glibc)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "gnu_get_libc_version") else { return nil }
        let version = unsafeBitCast(symbol, to: (@convention(c) () -> UnsafePointer<CChar>).self)
        return String(cString: version())
        #else
        return nil
        #endif
    }
}
