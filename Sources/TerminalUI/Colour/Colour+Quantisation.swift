/// Mapping RGB onto the fixed palettes of terminals that cannot show 24-bit colour.
///
/// Distances are squared Euclidean in RGB: simple, predictable and good enough for picking the
/// nearest of a few hundred palette entries.
extension Colour {
    /// Channel values of xterm's 6×6×6 colour cube (palette entries 16…231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The nearest entry of the 256-colour palette, searching only the colour cube (16…231) and the
    /// grey ramp (232…255): entries 0…15 are user-configurable and would make the result unpredictable.
    public var palette256Index: Int {
        func nearestCubeLevel(_ v: UInt8) -> Int {
            Colour.cubeLevels.indices.min { abs(Colour.cubeLevels[$0] - Int(v)) < abs(Colour.cubeLevels[$1] - Int(v)) } ?? 0
        }
        let (r, g, b) = (nearestCubeLevel(red), nearestCubeLevel(green), nearestCubeLevel(blue))
        let cubeIndex = 16 + 36 * r + 6 * g + b
        // Grey ramp entry i is 8 + 10·i; pick the step nearest the channel mean.
        let mean = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(max((mean - 8 + 5) / 10, 0), 23)
        let greyIndex = 232 + greyStep
        return distanceSquared(to: Colour(palette256: greyIndex)) < distanceSquared(to: Colour(palette256: cubeIndex))
            ? greyIndex : cubeIndex
    }

    /// The colour xterm shows for a 256-palette entry (0…15 as `Colour.ansi`).
    public init(palette256 index: Int) {
        switch index {
        case ..<16:
            self = Colour.ansi[max(index, 0)]
        case 16..<232:
            let i = index - 16
            let level = { UInt8(Colour.cubeLevels[$0]) }
            self.init(level(i / 36), level(i / 6 % 6), level(i % 6))
        default:
            let v = UInt8(8 + 10 * (min(index, 255) - 232))
            self.init(v, v, v)
        }
    }

    /// The nearest of the first `count` ANSI colours (8 or 16), as an index into `Colour.ansi`.
    public func ansiIndex(count: Int) -> Int {
        let candidates = Colour.ansi.prefix(min(max(count, 1), 16)).indices
        return candidates.min { distanceSquared(to: Colour.ansi[$0]) < distanceSquared(to: Colour.ansi[$1]) } ?? 0
    }

    public func distanceSquared(to other: Colour) -> Int {
        let dr = Int(red) - Int(other.red), dg = Int(green) - Int(other.green), db = Int(blue) - Int(other.blue)
        return dr * dr + dg * dg + db * db
    }
}

extension Colour {
    /// This colour as a terminal of `depth` shows it, as the backends send it; none in mono.
    public func shown(at depth: ColourDepth) -> Colour? {
        switch depth {
        case .mono: nil
        case .ansi8: Colour.ansi[ansiIndex(count: 8)]
        case .ansi16: Colour.ansi[ansiIndex(count: 16)]
        case .palette256: Colour(palette256: palette256Index)
        case .trueColour: self
        }
    }
}

extension Style {
    /// This style as a terminal of `depth` shows it: colours quantised as the backends send them,
    /// none at all in mono.
    public func shown(at depth: ColourDepth) -> Style {
        Style(foreground: foreground?.shown(at: depth), background: background?.shown(at: depth), attributes: attributes)
    }
}
