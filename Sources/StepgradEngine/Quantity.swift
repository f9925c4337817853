/// A named quantity of one training iteration: `x`, `z2`, `dW1`, `W1_new`, `mW1`, …
///
/// The canonical `name` is the one used everywhere: trace, JSON, answer files and the UI.
/// Optimizer state is named after its parameter: `bufW1` (SGD's momentum buffer), `mW1` and
/// `vW1` (Adam's moments), `mhatW1` and `vhatW1` (their bias-corrected values); the value a
/// buffer had before this iteration's update is `bufW1_prev`, `mW1_prev`, `vW1_prev`.
public struct Quantity: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case x, y, z, a, loss, da, dz, dW, db, W, b, W_new, b_new
        /// Optimizer state: SGD's momentum buffer, Adam's moments and their bias-corrected values.
        case buf, m, v, mhat, vhat

        /// Whether the kind is optimizer state, named after its parameter.
        public var isOptimizerState: Bool { [.buf, .m, .v, .mhat, .vhat].contains(self) }
    }

    public var kind: Kind
    /// Layers are numbered from 1; `x`, `y` and `loss` have none.
    public var layer: Int?
    /// For optimizer state: whether it belongs to the bias rather than the weights.
    public var ofBias: Bool
    /// For optimizer state: the value carried in from the previous iteration (`mW1_prev`).
    public var isPrevious: Bool

    public init(_ kind: Kind, layer: Int? = nil, ofBias: Bool = false, isPrevious: Bool = false) {
        self.kind = kind
        self.layer = layer
        self.ofBias = ofBias
        self.isPrevious = isPrevious
    }

    /// Optimizer state of `parameter` (`W1` or `b1`): `Quantity.state(.m, of: .W(1))` is `mW1`.
    public static func state(_ kind: Kind, of parameter: Quantity, previous: Bool = false) -> Quantity {
        Quantity(kind, layer: parameter.layer, ofBias: parameter.kind == .b, isPrevious: previous)
    }

    /// The parameter optimizer state belongs to (`W1` for `mhatW1`).
    public var parameter: Quantity { Quantity(ofBias ? .b : .W, layer: layer) }

    public static let x = Quantity(.x), y = Quantity(.y), loss = Quantity(.loss)
    public static func z(_ l: Int) -> Quantity { Quantity(.z, layer: l) }
    public static func a(_ l: Int) -> Quantity { Quantity(.a, layer: l) }
    public static func da(_ l: Int) -> Quantity { Quantity(.da, layer: l) }
    public static func dz(_ l: Int) -> Quantity { Quantity(.dz, layer: l) }
    public static func dW(_ l: Int) -> Quantity { Quantity(.dW, layer: l) }
    public static func db(_ l: Int) -> Quantity { Quantity(.db, layer: l) }
    public static func W(_ l: Int) -> Quantity { Quantity(.W, layer: l) }
    public static func b(_ l: Int) -> Quantity { Quantity(.b, layer: l) }
    public static func W_new(_ l: Int) -> Quantity { Quantity(.W_new, layer: l) }
    public static func b_new(_ l: Int) -> Quantity { Quantity(.b_new, layer: l) }

    /// The canonical name: `z2`, `dW1`, `W1_new`, `mW1`, `bufb2_prev`.
    public var name: String {
        let l = layer.map(String.init) ?? ""
        switch kind {
        case .W_new: return "W\(l)_new"
        case .b_new: return "b\(l)_new"
        case .buf, .m, .v, .mhat, .vhat:
            return kind.rawValue + (ofBias ? "b" : "W") + l + (isPrevious ? "_prev" : "")
        default: return kind.rawValue + l
        }
    }

    public var description: String { name }

    /// Parses a canonical name; `nil` when it is none.
    public init?(name: String) {
        func layerNumber(_ digits: Substring) -> Int? {
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits), n >= 1, n < 1000 else { return nil }
            return n
        }
        switch name {
        case "x": self.init(.x); return
        case "y": self.init(.y); return
        case "loss": self.init(.loss); return
        default: break
        }
        for kind in [Kind.mhat, .vhat, .buf, .m, .v] where name.hasPrefix(kind.rawValue) {
            var rest = name.dropFirst(kind.rawValue.count)
            let previous = rest.hasSuffix("_prev")
            if previous { rest = rest.dropLast(5) }
            guard let owner = rest.first, owner == "W" || owner == "b", let l = layerNumber(rest.dropFirst()) else { continue }
            guard !previous || kind == .buf || kind == .m || kind == .v else { return nil }
            self.init(kind, layer: l, ofBias: owner == "b", isPrevious: previous)
            return
        }
        if name.hasSuffix("_new") {
            let stem = name.dropLast(4)
            if stem.first == "W", let l = layerNumber(stem.dropFirst()) { self.init(.W_new, layer: l); return }
            if stem.first == "b", let l = layerNumber(stem.dropFirst()) { self.init(.b_new, layer: l); return }
            return nil
        }
        for kind in [Kind.dW, .db, .da, .dz, .W, .b, .z, .a] where name.hasPrefix(kind.rawValue) {
            if let l = layerNumber(name.dropFirst(kind.rawValue.count)) { self.init(kind, layer: l); return }
        }
        return nil
    }

    /// Whether the quantity has one row per sample (as opposed to a parameter's layout).
    public var isPerSample: Bool {
        switch kind {
        case .x, .y, .z, .a, .da, .dz: return true
        default: return false
        }
    }

    /// Order of appearance in a pass, so that sorted quantities read like a solution.
    private var order: (Int, Int) {
        let l = layer ?? 0
        switch kind {
        case .x: return (0, 0)
        case .y: return (0, 1)
        case .W, .b: return (1, l * 2 + (kind == .b ? 1 : 0))
        case .z, .a: return (2, l * 2 + (kind == .a ? 1 : 0))
        case .loss: return (3, 0)
        case .da, .dz, .dW, .db:
            let within = [Kind.da: 0, .dz: 1, .dW: 2, .db: 3][kind]!
            return (4, -l * 4 + within)
        case .buf, .m, .v, .mhat, .vhat:
            // Per parameter, weights then bias, the carried-in values first, in the order the update computes them.
            let within = [Kind.buf: 0, .m: 1, .v: 2, .mhat: 3, .vhat: 4][kind] ?? 0
            return (5, (l * 2 + (ofBias ? 1 : 0)) * 16 + (isPrevious ? 0 : 8) + within)
        case .W_new, .b_new: return (6, l * 2 + (kind == .b_new ? 1 : 0))
        }
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.order < rhs.order }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
