import StepgradEngine
let net = Network(inputs: 3, layers: [Layer(units: 4, activation: .relu, hasBias: false), Layer(units: 3, activation: .softmax, hasBias: false)], loss: .crossEntropy)
let p = Parameters(weights: [Matrix([[0.2,-0.3,0.4],[0.1,0.2,-0.5],[-0.3,0.1,0.2],[0.4,-0.1,0.3]]), Matrix([[0.1,0.2,-0.1,0.1],[-0.2,0.3,0.1,-0.3],[0.2,-0.1,0.3,0.2]])], biases: [nil,nil])
let it = net.iterate(p, OptimizerState(), on: Batch(input: Matrix(row: [0.5,-1,2]), target: Matrix(row: [1,1,0])))
for op in it.trace.operations {
  print("[\(op.phase)] \(op.formula.unicode)")
  for n in op.notes { print("   note: \(n)") }
  for e in op.elements { print("   " + e.equation(outputLayer: 2)) }
}
print(GradientCheck().run(net, p, on: Batch(input: Matrix(row: [0.5,-1,2]), target: Matrix(row: [1,1,0]))).map { "\($0.parameter) \($0.maxRelativeError)" })
