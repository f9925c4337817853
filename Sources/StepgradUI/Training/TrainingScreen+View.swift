import Foundation
import StepgradData
import StepgradEngine
import StepgradSession
import TerminalUI

/// The frame: header, boundary map (2-D data), loss and accuracy curves, weights and the selected
/// point, key bar. Or, while a pass is open, the step-by-step view's own frame.
extension TrainingScreen {
    public func view(into grid: inout Grid) {
        if let pass {
            pass.view(into: &grid)
            return
        }
        let look = self.look, unicode = options.capabilities.unicode
        let box = unicode ? BoxGlyphs.rounded : BoxGlyphs.ascii
        if look[.text] != .plain { grid.clear(grid.area, style: look[.text]) }
        drawHeader(look, into: &grid)
        drawKeyBar(look, into: &grid)
        let body = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        var right = body
        mapArea = nil
        if let extent {
            let inner = Size(width: min(2 * (body.height - 2), grid.width * 11 / 20 - 2), height: body.height - 2)
            let frame = Rect(x: body.x, y: body.y, width: inner.width + 2, height: body.height)
            grid.drawBox(frame, glyphs: box, style: look[.border], title: "decision boundary", titleStyle: look[.title])
            let map = Rect(x: frame.x + 1, y: frame.y + 1, width: inner.width, height: inner.height)
            BoundaryMap(extent: extent, prediction: prediction(for: map.size, extent: extent), points: trainer.plan.train,
                        selected: selectedPoint, background: options.theme.terminalBackground, unicode: unicode)
                .draw(in: map, into: &grid)
            mapArea = map
            right = Rect(x: frame.maxX, y: body.y, width: body.width - frame.width, height: body.height)
        }
        let classification = trainer.plan.train.classes != nil
        let infoHeight = min(trainer.network.depth + 2 + (selectedPoint == nil ? 0 : 2), max(right.height / 3, 3))
        let charts = Rect(x: right.x, y: right.y, width: right.width, height: right.height - infoHeight)
        let halves = classification
            ? charts.split(rows: [.fill(1), .fill(1)])
            : [charts]
        let train = Style(foreground: Colour(8, 119, 189)).patched(with: Style(attributes: .bold)),
            test = Style(foreground: Colour(245, 147, 34)).patched(with: Style(attributes: .bold))
        let last = history.last!
        let lossTitle = "loss: train \(format(last.train.loss))" + (last.test.map { " · test \(format($0.loss))" } ?? "")
        chart(lossTitle, values: [history.map(\.train.loss), history.compactMap { $0.test?.loss }], low: 0, high: nil,
              styles: [train, test], in: halves[0], look, box, into: &grid)
        if classification, halves.count > 1 {
            let title = "accuracy: train \(format(last.train.accuracy ?? 0))"
                + (last.test?.accuracy.map { " · test \(format($0))" } ?? "")
            chart(title, values: [history.map { $0.train.accuracy ?? 0 }, history.compactMap { $0.test?.accuracy }],
                  low: 0, high: 1, styles: [train, test], in: halves[1], look, box, into: &grid)
        }
        drawInfo(Rect(x: right.x, y: charts.maxY, width: right.width, height: infoHeight), look, box, into: &grid)
    }

    private func chart(_ title: String, values: [[Double]], low: Double, high: Double?, styles: [Style], in rect: Rect,
                       _ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        grid.drawBox(rect, glyphs: box, style: look[.border], title: title, titleStyle: look[.title], ellipsis: look.glyphs.base.ellipsis)
        let series = zip(values, styles).filter { !$0.0.isEmpty }.map { LineChart.Series(values: $0.0, style: look[.text].patched(with: $0.1)) }
        LineChart(series: series, low: low, high: high, unicode: options.capabilities.unicode, labelStyle: look[.dim])
            .draw(in: rect.inset(by: 1), into: &grid)
    }

    private func drawInfo(_ rect: Rect, _ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        guard rect.height >= 3 else { return }
        grid.drawBox(rect, glyphs: box, style: look[.border], title: "weights", titleStyle: look[.title])
        var lines: [String] = []
        var norms: [String] = []
        for l in 1...trainer.network.depth {
            let w = trainer.parameters.weights(l).elements
            norms.append("‖W\(l)‖ \(format(w.reduce(0) { $0 + $1 * $1 }.squareRoot()))")
        }
        lines.append(norms.joined(separator: "  "))
        if let i = selectedPoint {
            let points = trainer.plan.train, classes = points.classes ?? []
            let output = trainer.predict(points.subset([i]).inputs)
            let predicted = Evaluation.predictedClass(output, row: 0)
            lines.append("point \(i + 1) at (\(points.inputs.row(i).map(format).joined(separator: ", "))): "
                         + "\(classes[points.labels![i]])")
            lines.append("network: \(classes[predicted]), p = \(format(output[0, predicted])) · Enter: its pass")
        }
        for (n, line) in lines.prefix(rect.height - 2).enumerated() {
            grid.write(look.text(line), x: rect.x + 2, y: rect.y + 1 + n, style: look[.text],
                       clip: rect.inset(top: 1, left: 2, bottom: 1, right: 1), ellipsis: look.glyphs.base.ellipsis)
        }
    }

    private func drawHeader(_ look: Look, into grid: inout Grid) {
        let plan = trainer.plan
        var parts = [scenario.title, "epoch \(trainer.epoch)/\(plan.epochs)", "iteration \(trainer.iterations)",
                     "batch \(trainer.batchIndex + 1)/\(plan.batchesPerEpoch) of \(plan.batchSize)"]
        if let throughput, playing { parts.append("\(Int(throughput.rounded())) it/s") }
        parts.append(playing ? "▶ training" : "‖ paused")
        let style = look[.statusBar]
        grid.clear(Rect(x: 0, y: 0, width: grid.width, height: 1), style: style)
        grid.write(look.text(" " + parts.joined(separator: " · ")), x: 0, y: 0, style: style, ellipsis: look.glyphs.base.ellipsis)
    }

    private func drawKeyBar(_ look: Look, into grid: inout Grid) {
        let y = grid.height - 1
        grid.clear(Rect(x: 0, y: y, width: grid.width, height: 1), style: look[.statusBar])
        let text = message ?? "Space play/pause · n step · e epoch · s step through the next batch · ←→ point · "
            + "Enter its pass · click a point · q quit"
        grid.write(look.text(" " + text), x: 0, y: y, style: look[.statusBar], ellipsis: look.glyphs.base.ellipsis)
    }

    /// The network's outputs over the map's pixels, computed once per iteration and size.
    private func prediction(for size: Size, extent: BoundaryMap.Extent) -> Matrix {
        if let cache = mapCache, cache.iterations == trainer.iterations, cache.size == size { return cache.prediction }
        let prediction = trainer.predict(extent.pixels(width: size.width, height: size.height))
        mapCache = (trainer.iterations, size, prediction)
        return prediction
    }

    func format(_ v: Double) -> String { String(format: "%.3f", v).replacingOccurrences(of: "-", with: "−") }
}
