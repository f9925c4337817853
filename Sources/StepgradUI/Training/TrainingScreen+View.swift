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
        let infoHeight = min(2 + settingsLines(width: right.width - 3).count + (selectedPoint == nil ? 0 : 2), max(right.height / 4, 3))
        let charts = Rect(x: right.x, y: right.y, width: right.width, height: right.height - infoHeight)
        let sections = charts.split(rows: Array(repeating: .fill(1), count: classification ? 3 : 2))
        let train = Style(foreground: Colour(8, 119, 189)).patched(with: Style(attributes: .bold)),
            test = Style(foreground: Colour(245, 147, 34)).patched(with: Style(attributes: .bold))
        let last = history.last!
        let lossTitle = "loss: train \(format(last.train.loss))" + (last.test.map { " · test \(format($0.loss))" } ?? "")
        chart(lossTitle, values: [history.map(\.train.loss), history.compactMap { $0.test?.loss }], low: 0, high: nil,
              styles: [train, test], in: sections[0], look, box, into: &grid)
        if classification {
            let title = "accuracy: train \(format(last.train.accuracy ?? 0))"
                + (last.test?.accuracy.map { " · test \(format($0))" } ?? "")
            chart(title, values: [history.map { $0.train.accuracy ?? 0 }, history.compactMap { $0.test?.accuracy }],
                  low: 0, high: 1, styles: [train, test], in: sections[1], look, box, into: &grid)
        }
        drawNorms(in: sections[sections.count - 1], look, box, into: &grid)
        drawInfo(Rect(x: right.x, y: charts.maxY, width: right.width, height: infoHeight), look, box, into: &grid)
        if showsHelp { drawHelp(look, box, into: &grid) }
    }

    private func chart(_ title: String, values: [[Double]], low: Double, high: Double?, styles: [Style], in rect: Rect,
                       _ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        grid.drawBox(rect, glyphs: box, style: look[.border], title: title, titleStyle: look[.title], ellipsis: look.glyphs.base.ellipsis)
        let series = zip(values, styles).filter { !$0.0.isEmpty }.map { LineChart.Series(values: $0.0, style: look[.text].patched(with: $0.1)) }
        LineChart(series: series, low: low, high: high, lastEpoch: history.lastEpoch, unicode: options.capabilities.unicode, labelStyle: look[.dim])
            .draw(in: rect.inset(by: 1), into: &grid)
    }

    /// Colours of layers 1, 2, … in the norms chart: apart from the train and test curves' blue and orange.
    static let layerColours = [Colour(60, 170, 80), Colour(200, 60, 160), Colour(220, 200, 40), Colour(0, 180, 180),
                               Colour(200, 70, 60), Colour(120, 80, 200), Colour(140, 140, 140), Colour(120, 200, 120)]

    /// Each layer's ‖W‖ (left) and mean ‖∂L/∂W‖ (right) per epoch, on a log scale shared by the
    /// layers, so that gradients vanishing or exploding towards the input show as curves far apart.
    private func drawNorms(in rect: Rect, _ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        let title = "norms by layer (log):"
        grid.drawBox(rect, glyphs: box, style: look[.border], title: title, titleStyle: look[.title],
                     ellipsis: look.glyphs.base.ellipsis)
        let depth = trainer.network.depth
        // The legend on the top border after the title: one coloured number a layer.
        var x = rect.x + 3 + title.count
        if x + 3 * depth < rect.maxX - 1 {
            for l in 1...depth {
                grid.write(" \(l) ", x: x, y: rect.y, style: Style(foreground: Self.layerColours[(l - 1) % Self.layerColours.count],
                                                                   attributes: .bold))
                x += 3
            }
        }
        let inner = rect.inset(by: 1), halves = inner.split(columns: [.fill(1), .fixed(1), .fill(1)])
        let style = { (l: Int) in look[.text].patched(with: Style(foreground: Self.layerColours[(l - 1) % Self.layerColours.count])) }
        func logs(_ values: [Double?]) -> [Double] { values.map { $0.map { log10($0) } ?? .nan } }
        let weights = (1...depth).map { l in logs(history.map { $0.layers[l - 1].weights }) }
        let gradients = (1...depth).map { l in logs(history.map { $0.layers[l - 1].gradient }) }
        for (half, (caption, lines)) in zip([halves[0], halves[2]], [("‖W‖", weights), ("‖∂L/∂W‖", gradients)]) {
            let finite = lines.joined().filter(\.isFinite)
            let low = (finite.min() ?? 0).rounded(.down), high = max((finite.max() ?? 1).rounded(.up), low + 1)
            LineChart(series: lines.enumerated().map { LineChart.Series(values: $1, style: style($0 + 1)) }, low: low, high: high,
                      lastEpoch: history.lastEpoch,
                      unicode: options.capabilities.unicode, labelStyle: look[.dim], label: Self.power, caption: caption)
                .draw(in: half, into: &grid)
        }
    }

    /// 10ˣ as an axis label: 1e2, 1, 1e−3.
    static func power(_ exponent: Double) -> String {
        let e = Int(exponent.rounded())
        return e == 0 ? "1" : "1e" + String(e).replacingOccurrences(of: "-", with: "−")
    }

    private func drawInfo(_ rect: Rect, _ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        guard rect.height >= 3 else { return }
        grid.drawBox(rect, glyphs: box, style: look[.border], title: "settings", titleStyle: look[.title])
        var lines = settingsLines(width: rect.width - 3)
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

    /// The learning rate, weight decay, hidden activation and units (the selected layer's in
    /// brackets), on two lines when one is narrower than them.
    private func settingsLines(width: Int) -> [String] {
        let network = trainer.network, optimizer = network.optimizer
        var settings = ["rate \(number(optimizer.learningRate))", "decay \(number(optimizer.weightDecay))"]
        if let hidden = hiddenLayers {
            settings.append("hidden \(network.layer(hidden.lowerBound).activation.name)")
            settings.append("units " + hidden.map { l in
                let units = String(network.layer(l).units)
                return hidden.count > 1 && l == selectedLayer ? "[\(units)]" : units
            }.joined(separator: " "))
        }
        let oneLine = settings.joined(separator: " · ")
        return oneLine.count <= width ? [oneLine]
            : [settings.prefix(2).joined(separator: " · "), settings.dropFirst(2).joined(separator: " · ")]
    }

    /// `?`: every key, in a box over the middle of the screen.
    private func drawHelp(_ look: Look, _ box: BoxGlyphs, into grid: inout Grid) {
        let keys = TrainingKeys.bindings, nameWidth = keys.map(\.names.count).max() ?? 0
        let width = min(nameWidth + 2 + (keys.map(\.summary.count).max() ?? 0) + 4, grid.width)
        let rect = grid.area.centred(Size(width: width, height: min(keys.count + 2, grid.height)))
        grid.clear(rect, style: look[.text])
        grid.drawBox(rect, glyphs: box, style: look[.focus], title: "Keys · any key closes", titleStyle: look[.focus])
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (row, key) in keys.enumerated() where row < inner.height {
            grid.write(look.text(key.names), x: inner.x, y: inner.y + row, style: look[.key], clip: inner)
            grid.write(look.text(key.summary), x: inner.x + nameWidth + 2, y: inner.y + row, style: look[.text], clip: inner,
                       ellipsis: look.glyphs.base.ellipsis)
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
        let text = message ?? "? keys · Space play/pause · s step through a batch · +- rate · r R decay · a activation · "
            + "l u U units · w write · ←→ point · Enter its pass · q quit"
        grid.write(look.text(" " + text), x: 0, y: y, style: look[.statusBar], ellipsis: look.glyphs.base.ellipsis)
    }

    /// The network's outputs over the map's pixels: computed once per iteration and size, and while
    /// playing once every `mapTicks` ticks.
    private func prediction(for size: Size, extent: BoundaryMap.Extent) -> Matrix {
        if let cache = mapCache, cache.size == size,
           cache.iterations == trainer.iterations || (playing && ticks - cache.tick < Self.mapTicks) {
            return mapPrediction.outputs
        }
        mapPrediction.update(trainer.network, trainer.parameters, extent: extent, size: size)
        mapCache = (trainer.iterations, size, ticks)
        return mapPrediction.outputs
    }

    func format(_ v: Double) -> String { String(format: "%.3f", v).replacingOccurrences(of: "-", with: "−") }
}
