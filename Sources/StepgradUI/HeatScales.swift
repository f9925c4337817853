import StepgradEngine

/// The colour scale of each matrix: its own (per quantity, `c` toggles), or one shared by every
/// value and another shared by every gradient, so that magnitudes compare across the screen while
/// gradients, usually far smaller, stay readable. Only known values count.
@MainActor
struct HeatScales {
    let shared: Bool
    private let values: HeatmapScale
    private let gradients: HeatmapScale

    init(scene: Scene, shared: Bool) {
        self.shared = shared
        guard shared else {
            values = HeatmapScale(limit: 0)
            gradients = HeatmapScale(limit: 0)
            return
        }
        var valueLimit = 0.0, gradientLimit = 0.0
        for q in scene.quantities {
            guard let m = scene.matrix(q) else { continue }
            let limit = HeatmapScale(values: m.elements.prefix(scene.revealedCount(q))).limit
            if Self.isGradient(q) { gradientLimit = max(gradientLimit, limit) } else { valueLimit = max(valueLimit, limit) }
        }
        values = HeatmapScale(limit: valueLimit)
        gradients = HeatmapScale(limit: gradientLimit)
    }

    func scale(for source: MatrixSource) -> HeatmapScale {
        guard shared else { return source.knownScale }
        return Self.isGradient(source.quantity) ? gradients : values
    }

    static func isGradient(_ q: Quantity) -> Bool {
        switch q.kind {
        case .da, .dz, .dW, .db, .buf, .m, .v, .mhat, .vhat: true
        default: false
        }
    }
}
