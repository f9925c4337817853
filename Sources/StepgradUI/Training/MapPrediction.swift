import StepgradEngine
import TerminalUI

/// The network's outputs at every pixel of the boundary map: the forward pass alone, into buffers
/// kept from frame to frame. The engine's `forward` also lays out room for a backward pass and
/// works each sum as the step-by-step view shows it, which thousands of pixels redrawn every frame
/// do not need: through it, the map cost most of a frame.
struct MapPrediction {
    /// A row a pixel, as `BoundaryMap.Extent.pixels` orders them; a column an output.
    private(set) var outputs = Matrix(rows: 0, columns: 0)
    private var size = Size(width: 0, height: 0)
    private var pixels = Matrix(rows: 0, columns: 0)
    /// A layer's input and output, a row a pixel.
    private var input = Matrix(rows: 0, columns: 0), output = Matrix(rows: 0, columns: 0)

    mutating func update(_ network: Network, _ parameters: Parameters, extent: BoundaryMap.Extent, size: Size) {
        if size != self.size || pixels.rows == 0 {
            pixels = extent.pixels(width: size.width, height: size.height)
            self.size = size
        }
        let rows = pixels.rows
        for l in 1...network.depth {
            let units = network.layer(l).units, w = parameters.weights(l)
            // z = x·W + b with the engine's vectorized product, which wants W as inputs × units.
            (l == 1 ? pixels : input).multiply(network.convention == .wx ? w.transposed : w, into: &output)
            output.elements.withUnsafeMutableBufferPointer { z in
                parameters.bias(l)?.elements.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        let zr = z.baseAddress! + r * units
                        for j in 0..<units { zr[j] += b[j] }
                    }
                }
                let activation = network.layer(l).activation
                if activation != .identity {
                    activation.apply(UnsafePointer(z.baseAddress!), into: z.baseAddress!, rows: rows, columns: units)
                }
            }
            swap(&input, &output)
        }
        if outputs.shape != input.shape { outputs = Matrix(rows: rows, columns: network.outputs) }
        outputs.elements.withUnsafeMutableBufferPointer { out in
            input.elements.withUnsafeBufferPointer { _ = out.update(fromContentsOf: $0) }
        }
    }
}
