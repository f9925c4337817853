/// Bounds on what a scenario may ask for, so that no file can exhaust memory or time.
/// They are far beyond anything worked by hand, yet small enough to step through interactively.
public enum ScenarioLimits {
    /// Largest scenario or answers file read, in bytes.
    public static let fileBytes = 1 << 20
    /// YAML values visited while reading one file, counting every re-visit through an alias (`*name`),
    /// so that a "billion laughs" file stops early instead of expanding.
    public static let nodes = 1_000_000
    public static let layers = 16
    /// Units in any layer, and features in the input.
    public static let units = 4096
    public static let samples = 10_000
    /// Weights and biases of the whole network.
    public static let parameters = 5_000_000
    /// Decimals an `init:` may round the drawn weights to.
    public static let initDecimals = 0...12
}
