/// What each cell of an overview stands for. The mean of a block, on a scale of its own, shows
/// where a large matrix is positive or negative, strong or weak; the largest magnitude, which every
/// block of random weights reaches, would show little but the sign.
extension MatrixSource {
    /// The value of each drawn cell of `fit`, row by row: NaN when its block holds one (so that it
    /// is never hidden), else the mean of its known values, `nil` when none is known yet.
    func overview(_ fit: MatrixFit) -> [Double?] {
        var cells: [Double?] = []
        cells.reserveCapacity(fit.visibleRows * fit.visibleColumns)
        for i in 0..<fit.visibleRows {
            for j in 0..<fit.visibleColumns {
                let block = fit.block(i, j, in: self)
                var sum = 0.0, count = 0
                for r in block.rows {
                    for c in block.columns {
                        guard let v = value(r, c) else { continue }
                        sum += v
                        count += 1
                    }
                }
                cells.append(count == 0 ? nil : sum / Double(count))
            }
        }
        return cells
    }

    /// The scale of an overview: the largest magnitude among its cells.
    func overviewScale(_ fit: MatrixFit) -> HeatmapScale {
        HeatmapScale(values: overview(fit).compactMap { $0 })
    }
}
