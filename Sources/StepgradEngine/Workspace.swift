/// Every intermediate number of one iteration in a single allocation: x, then per layer
/// z, a, ∂a, ∂z (`batch × units` each), ∂W (the weights' layout) and ∂b.
///
/// An untraced iteration then allocates little beyond its results, and a traced one reads
/// its operations off the same numbers afterwards, so both are bit for bit the same.
struct Workspace: ~Copyable {
    enum Region: Int, CaseIterable { case z, a, da, dz, dW, db }

    let network: Network
    /// Samples in the batch.
    let rows: Int
    private let buffer: UnsafeMutableBufferPointer<Double>
    /// Per layer (index 0: the input): where its block starts in `buffer`, its units and its inputs.
    private let layout: UnsafeMutableBufferPointer<(start: Int, units: Int, inputs: Int)>
    /// For softmax with cross-entropy, each sample's `Softmax` of the output's z, taken by the forward
    /// pass from its own exponentials and read by the loss and ∂z: the same numbers, not taken thrice.
    private let shapes: UnsafeMutableBufferPointer<Softmax>?
    /// `shapes` as the rules read them.
    private var shapesRead: UnsafePointer<Softmax>? { shapes.map { UnsafePointer($0.baseAddress!) } }

    init(_ network: Network, rows: Int) {
        self.network = network
        self.rows = rows
        layout = .allocate(capacity: network.depth + 1)
        layout[0] = (0, network.inputs, 0)
        var size = rows * network.inputs
        for l in 1...network.depth {
            let units = network.layer(l).units, inputs = network.inputs(ofLayer: l)
            layout[l] = (size, units, inputs)
            size += 4 * rows * units + inputs * units + units
        }
        buffer = .allocate(capacity: size)
        buffer.initialize(repeating: 0)
        shapes = network.isFused && network.loss == .crossEntropy ? .allocate(capacity: rows) : nil
        shapes?.initialize(repeating: Softmax(top: 0, largest: 0, others: 0))
    }

    /// A workspace holding numbers kept from an earlier one of the same network and batch size,
    /// so that a recorded iteration's trace can be read off later exactly as it would have been then.
    init(_ network: Network, rows: Int, contents: [Double]) {
        self.init(network, rows: rows)
        precondition(contents.count == buffer.count, "workspace contents: \(contents.count) numbers for \(buffer.count)")
        _ = buffer.update(fromContentsOf: contents)
    }

    /// A copy of every number, for `init(_:rows:contents:)`.
    var contents: [Double] { Array(buffer) }

    deinit {
        buffer.deallocate()
        layout.deallocate()
        shapes?.deallocate()
    }

    /// Where a region of layer `l` starts; `(.a, 0)` is the input.
    func pointer(_ region: Region, _ l: Int) -> UnsafeMutablePointer<Double> {
        let (start, units, inputs) = layout[l]
        let base = buffer.baseAddress! + start, perSample = rows * units
        switch region {
        case .z: return base
        case .a: return l == 0 ? base : base + perSample
        case .da: return base + 2 * perSample
        case .dz: return base + 3 * perSample
        case .dW: return base + 4 * perSample
        case .db: return base + 4 * perSample + inputs * units
        }
    }

    /// A copy of a region as a matrix, for the trace.
    func matrix(_ region: Region, _ l: Int) -> Matrix {
        let units = l == 0 ? network.inputs : network.layer(l).units
        let shape = switch region {
        case .dW: network.weightShape(ofLayer: l)
        case .db: Shape(rows: 1, columns: units)
        default: Shape(rows: rows, columns: units)
        }
        let start = pointer(region, l)
        return Matrix(rows: shape.rows, columns: shape.columns,
                      elements: Array(UnsafeBufferPointer(start: start, count: shape.rows * shape.columns)))
    }

    func forward(_ parameters: Parameters, _ input: Matrix) {
        // The kernels read raw memory: a mismatch must stop here, not read past a buffer.
        // (Loaders check user data and say where it is wrong; this is the engine's own guard.)
        precondition(input.shape == Shape(rows: rows, columns: network.inputs), "input \(input.shape) for \(rows)×\(network.inputs)")
        precondition(parameters.weights.count == network.depth && parameters.biases.count == network.depth, "parameters for \(network.depth) layers")
        for l in 1...network.depth {
            precondition(parameters.weights(l).shape == network.weightShape(ofLayer: l),
                         "W\(l) is \(parameters.weights(l).shape), the network needs \(network.weightShape(ofLayer: l))")
            precondition(parameters.bias(l).map { $0.shape == Shape(rows: 1, columns: network.layer(l).units) } ?? true,
                         "b\(l) must be 1×\(network.layer(l).units)")
        }
        input.elements.withUnsafeBufferPointer { x in
            if let base = x.baseAddress { pointer(.a, 0).update(from: base, count: x.count) }
        }
        for l in 1...network.depth {
            let units = network.layer(l).units, inputs = network.inputs(ofLayer: l)
            parameters.weights(l).withPointer { w in
                Matrix.withOptionalPointer(parameters.bias(l)) { b in
                    Affine.compute(weights: w, input: pointer(.a, l - 1), bias: b, into: pointer(.z, l),
                                   rows: rows, inputs: inputs, units: units, convention: network.convention)
                }
            }
            if l == network.depth, let shapes {
                Activation.softmax(pointer(.z, l), into: pointer(.a, l), rows: rows, columns: units, shapes: shapes.baseAddress)
            } else {
                network.layer(l).activation.apply(pointer(.z, l), into: pointer(.a, l), rows: rows, columns: units)
            }
        }
    }

    /// The reduced loss of the prediction in `a` of the output layer.
    func loss(_ target: Matrix) -> Double {
        precondition(target.shape == Shape(rows: rows, columns: network.outputs), "target \(target.shape) for \(rows)×\(network.outputs)")
        let logits = network.isFused ? UnsafePointer(pointer(.z, network.depth)) : nil
        return target.withPointer { y in
            LossValue.compute(network.loss, network.reduction, prediction: pointer(.a, network.depth), logits: logits, target: y,
                              rows: rows, columns: network.outputs, shapes: shapesRead)
        }
    }

    /// ∂L for every quantity, layer L down to 1. For a training step (`training`), the output's ∂ŷ
    /// under softmax with cross-entropy, which nothing below reads, holds only what could overflow
    /// (`LossGradient.overflowOnly`).
    func backward(_ parameters: Parameters, _ target: Matrix, training: Bool = false) {
        let L = network.depth, outputs = network.outputs, loss = network.loss, reduction = network.reduction
        let yHat = UnsafePointer(pointer(.a, L)), logits = network.isFused ? UnsafePointer(pointer(.z, L)) : nil
        target.withPointer { y in
            if training, let logits, let shapesRead {
                LossGradient.overflowOnly(reduction, logits: logits, shapes: shapesRead, target: y, into: pointer(.da, L),
                                          rows: rows, columns: outputs)
            } else {
                LossGradient.compute(loss, reduction, prediction: yHat, logits: logits, target: y, into: pointer(.da, L), rows: rows,
                                     columns: outputs)
            }
            if network.isFused {
                OutputGradient.compute(loss, reduction, prediction: yHat, logits: logits, target: y, into: pointer(.dz, L),
                                       rows: rows, columns: outputs, shapes: shapesRead)
            } else {
                network.layer(L).activation.gradient(da: pointer(.da, L), z: pointer(.z, L), a: yHat, into: pointer(.dz, L),
                                                     rows: rows, columns: outputs)
            }
        }
        for l in stride(from: L, through: 1, by: -1) {
            let units = network.layer(l).units, inputs = network.inputs(ofLayer: l)
            let dz = pointer(.dz, l)
            if l < L {
                parameters.weights(l + 1).withPointer { w in
                    InputGradient.compute(weights: w, dz: pointer(.dz, l + 1), into: pointer(.da, l), rows: rows,
                                          above: network.layer(l + 1).units, units: units, convention: network.convention)
                }
                network.layer(l).activation.gradient(da: pointer(.da, l), z: pointer(.z, l), a: pointer(.a, l), into: dz,
                                                     rows: rows, columns: units)
            }
            if network.layer(l).trains(.weights) {
                WeightGradient.compute(dz: dz, input: pointer(.a, l - 1), into: pointer(.dW, l), rows: rows, inputs: inputs,
                                       units: units, convention: network.convention)
            }
            if parameters.bias(l) != nil && network.layer(l).trains(.bias) {
                BiasGradient.compute(dz: dz, into: pointer(.db, l), rows: rows, units: units)
            }
        }
    }
}

extension Workspace {
    /// Each layer's ‖∂L/∂W‖ into `norms` (one element a layer; 0 for frozen weights).
    func writeGradientNorms(_ norms: UnsafeMutableBufferPointer<Double>) {
        for l in 1...network.depth {
            let dW = pointer(.dW, l), count = network.weightShape(ofLayer: l).rows * network.weightShape(ofLayer: l).columns
            var squares = 0.0
            if network.layer(l).trains(.weights) { for i in 0..<count { squares += dW[i] * dW[i] } }
            norms[l - 1] = squares.squareRoot()
        }
    }

    /// The first quantity of the forward pass, loss and backward pass holding ∞ or NaN, in the
    /// order computed; one pass over the numbers when all are finite. The pass leaves out what
    /// cannot be non-finite when the rest is finite: the input (which shows in z¹), and a layer's a
    /// and ∂z where its activation is tanh, sigmoid, relu or the identity — a bounded or finite f(z)
    /// of a finite z, and ∂a times an f′(z) in [0, 1] (a fused output's ∂z is its own formula).
    func firstNonFinite(loss: Double) -> Quantity? {
        guard !(loss.isFinite && passesFiniteCheck) else { return nil }
        func bad(_ region: Region, _ l: Int) -> Bool { !matrix(region, l).elements.allSatisfy(\.isFinite) }
        let L = network.depth
        for l in 1...L {
            if bad(.z, l) { return .z(l) }
            if bad(.a, l) { return .a(l) }
        }
        if !loss.isFinite { return .loss }
        for l in stride(from: L, through: 1, by: -1) {
            if bad(.da, l) { return .da(l) }
            if bad(.dz, l) { return .dz(l) }
            if bad(.dW, l) { return .dW(l) }
            if bad(.db, l) { return .db(l) }
        }
        return nil
    }

    /// Whether every number `firstNonFinite` looks at, less those that follow from the rest, is finite.
    private var passesFiniteCheck: Bool {
        let L = network.depth
        func finite(from start: UnsafeMutablePointer<Double>, to end: UnsafeMutablePointer<Double>) -> Bool {
            UnsafeBufferPointer(start: start, count: end - start).allFinite
        }
        for l in 1...L {
            let follows = switch network.layer(l).activation {
            case .tanh, .sigmoid, .relu, .identity: !(l == L && network.isFused)
            case .leakyRelu, .softmax: false
            }
            let end = l == L ? buffer.baseAddress! + buffer.count : pointer(.z, l + 1)
            guard follows else {
                if !finite(from: pointer(.z, l), to: end) { return false }
                continue
            }
            if !finite(from: pointer(.z, l), to: pointer(.a, l)) || !finite(from: pointer(.da, l), to: pointer(.dz, l))
                || !finite(from: pointer(.dW, l), to: end) { return false }
        }
        return true
    }
}

extension Network {
    /// Whether the output's ∂z comes from the closed form of its loss (softmax + CE, sigmoid + BCE).
    var isFused: Bool { loss.requiredActivation == layer(depth).activation }
}
