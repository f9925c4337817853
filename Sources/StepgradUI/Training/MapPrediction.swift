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
    /// The layer's input and output, a row a pixel, and its weights as inputs × units.
    private var input: [Double] = [], output: [Double] = [], weights: [Double] = []

    mutating func update(_ network: Network, _ parameters: Parameters, extent: BoundaryMap.Extent, size: Size) {
        if size != self.size || pixels.rows == 0 {
            pixels = extent.pixels(width: size.width, height: size.height)
            self.size = size
        }
        let rows = pixels.rows
        input.removeAll(keepingCapacity: true)
        input.append(contentsOf: pixels.elements)
        for l in 1...network.depth {
            let inputs = network.inputs(ofLayer: l), units = network.layer(l).units, w = parameters.weights(l)
            weights.removeAll(keepingCapacity: true)
            for k in 0..<inputs {
                for j in 0..<units { weights.append(network.convention == .wx ? w.elements[j * inputs + k] : w.elements[k * units + j]) }
            }
            output.removeAll(keepingCapacity: true)
            let bias = parameters.bias(l)?.elements ?? Array(repeating: 0, count: units)
            for _ in 0..<rows { output.append(contentsOf: bias) }
            input.withUnsafeBufferPointer { x in
                weights.withUnsafeBufferPointer { w in
                    output.withUnsafeMutableBufferPointer { z in
                        // z = x·W + b, a row at a time, the units innermost so that the loop runs over contiguous memory.
                        for r in 0..<rows {
                            let zr = z.baseAddress! + r * units
                            for k in 0..<inputs {
                                let xk = x[r * inputs + k], wk = w.baseAddress! + k * units
                                for j in 0..<units { zr[j] += xk * wk[j] }
                            }
                        }
                        let activation = network.layer(l).activation
                        if activation != .identity {
                            activation.apply(UnsafePointer(z.baseAddress!), into: z.baseAddress!, rows: rows, columns: units)
                        }
                    }
                }
            }
            swap(&input, &output)
        }
        if outputs.rows != rows || outputs.columns != network.outputs {
            outputs = Matrix(rows: rows, columns: network.outputs)
        }
        for i in 0..<outputs.count { outputs.elements[i] = input[i] }
    }
}
