/// Why a scripted viewer or lecture could not go on: one line for a test failure or the benchmark.
public struct ProbeError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
