import Testing
@testable import StepgradScenario

/// One bad file and the diagnostic it must get. Lines and columns were counted by hand from the text.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var line: Int?
    var column: Int?
    var message: String
    var testDescription: String { name }
}

/// A valid one-layer scenario, by line: 1 input, 2 target, 3 layers, 4 units, 5 weights, 6 loss.
private let base = """
    input: [1, 2]
    target: [1]
    layers:
      - units: 1
        weights: [[0.5, -0.5]]
    loss: mse
    """

private func replacing(_ old: String, with new: String) -> String {
    base.replacingOccurrences(of: old, with: new)
}

private let billionLaughs = (0..<9).map { level -> String in
    let name = String(UnicodeScalar(UInt8(97 + level)))
    let items = level == 0 ? Array(repeating: "x", count: 10)
        : Array(repeating: "*" + String(UnicodeScalar(UInt8(96 + level))), count: 10)
    return "\(name): &\(name) [\(items.joined(separator: ", "))]"
}.joined(separator: "\n")

let errorCases: [ErrorCase] = [
    ErrorCase(name: "misindented key", text: "title: x\n  input: [1]\n", line: 2, column: 8,
              message: "YAML syntax error: mapping values are not allowed in this context"),
    ErrorCase(name: "tab indentation", text: "input: [1, 2]\n\ttarget: [1]\n", line: 2, column: 1,
              message: "YAML syntax error: found character that cannot start any token"),
    ErrorCase(name: "control character", text: "title: a\u{01}b\n", line: 1, column: 9,
              message: "the file contains a character YAML does not allow (U+0001)"),
    ErrorCase(name: "duplicate key", text: base + "\ninput: [3, 4]", line: 1, column: 1,
              message: "duplicate key 'input'; each key may appear only once in a mapping"),
    ErrorCase(name: "undefined alias", text: replacing("input: [1, 2]", with: "input: *x"), line: 1, column: 8,
              message: "this alias (*name) refers to no anchor (&name) defined before it"),
    ErrorCase(name: "second document", text: base + "\n---\ntitle: b", line: 7, column: 1,
              message: "the file holds a second YAML document (after ---); stepgrad reads exactly one"),
    ErrorCase(name: "empty file", text: "", line: 1, column: 1,
              message: "the file is empty; a scenario needs at least 'input', 'target', 'layers' and 'loss'"),
    ErrorCase(name: "comments only", text: "# nothing yet\n", line: 1, column: 1, message: "the file is empty"),
    ErrorCase(name: "top level is a list", text: "- 1\n- 2\n", line: 1, column: 1,
              message: "a scenario must be a mapping of keys (title, input, target, layers, loss, …), found a list"),
    ErrorCase(name: "collection as key", text: "{[a]: 1}", line: 1, column: 2,
              message: "a key must be a plain name, not a list"),
    ErrorCase(name: "alias as key", text: "a: &a [x, x]\nb: {*a : 1}\n", line: 2, column: 5,
              message: "a key must be a plain name, not an alias (*name)"),
    ErrorCase(name: "alias bomb", text: billionLaughs, line: 6, column: 1,
              message: "the document holds more than 1,000,000 values once its aliases (*name) are expanded"),
    ErrorCase(name: "alias bomb as key", text: billionLaughs + "\nk: {*i : 1}", line: 10, column: 5,
              message: "a key must be a plain name, not an alias (*name)"),
    ErrorCase(name: "alias bomb inside a key", text: billionLaughs + "\nk: {[*i]: 1}", line: 10, column: 5,
              message: "a key must be a plain name, not a list"),
    ErrorCase(name: "deep nesting", text: "input: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
              line: 1, column: 72, message: "values are nested more than 64 levels deep"),
    ErrorCase(name: "nesting beyond libyaml's limit",
              text: "input: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000),
              line: 1, column: 9, message: "values are nested more than 1,000 levels deep"),
    ErrorCase(name: "file too large", text: String(repeating: "#", count: (1 << 20) + 1), line: nil, column: nil,
              message: "the file is 1,048,577 bytes; stepgrad reads at most 1 MiB (1,048,576 bytes)"),
    ErrorCase(name: "unknown key with suggestion", text: replacing("layers:", with: "lyers:"), line: 3, column: 1,
              message: "unknown key 'lyers' in the scenario; did you mean 'layers'?"),
    ErrorCase(name: "unknown optimizer key", text: base + "\noptimizer:\n  name: sgd\n  learning_rate: 0.1", line: 9,
              column: 3, message: "unknown key 'learning_rate' in 'optimizer' (sgd); did you mean 'learning-rate'?"),
    ErrorCase(name: "misplaced key", text: base + "\nlearning-rate: 0.1", line: 7, column: 1,
              message: "'learning-rate' is not allowed in the scenario: it belongs under 'optimizer'"),
    ErrorCase(name: "misplaced and misspelt key", text: base + "\nlearning_rate: 0.1", line: 7, column: 1,
              message: "unknown key 'learning_rate' in the scenario; did you mean 'learning-rate'? "
                + "(it belongs under 'optimizer')"),
    ErrorCase(name: "adam has no momentum", text: base + "\noptimizer: {name: adam, momentum: 0.9}", line: 7,
              column: 25, message: "'momentum' is not allowed in 'optimizer' (adam): momentum is an sgd setting"),
    ErrorCase(name: "missing required key", text: replacing("\nloss: mse", with: ""), line: 1, column: 1,
              message: "missing required key 'loss' in the scenario"),
    ErrorCase(name: "string for a number", text: base + "\noptimizer: {learning-rate: fast}", line: 7, column: 28,
              message: "expected a number for 'learning-rate', found the string 'fast'"),
    ErrorCase(name: "quoted number", text: replacing("[1, 2]", with: "[\"1\", 2]"), line: 1, column: 9,
              message: "expected a number for 'input', found the string '1'"),
    ErrorCase(name: "word for units", text: replacing("units: 1", with: "units: four"), line: 4, column: 12,
              message: "expected a number for 'units' of layer 1, found the string 'four'"),
    ErrorCase(name: "fractional units", text: replacing("units: 1", with: "units: 2.5"), line: 4, column: 12,
              message: "'units' of layer 1 must be a whole number, found 2.5"),
    ErrorCase(name: "nan", text: replacing("[1, 2]", with: "[1, .nan]"), line: 1, column: 12,
              message: "'input' must be a finite number, found .nan"),
    ErrorCase(name: "infinity", text: replacing("-0.5", with: "-.inf"), line: 5, column: 21,
              message: "'weights' of layer 1 (row 1) must be a finite number, found -.inf"),
    ErrorCase(name: "overflowing number", text: replacing("target: [1]", with: "target: [1e999]"), line: 2, column: 10,
              message: "'target' must be a finite number, found 1e999"),
    ErrorCase(name: "mixed numbers and rows", text: replacing("[1, 2]", with: "[1, [2]]"), line: 1, column: 12,
              message: "'input' mixes single numbers and rows"),
    ErrorCase(name: "weights shape", text: replacing("[[0.5, -0.5]]", with: "[[0.5, -0.5, 1]]"), line: 5, column: 14,
              message: "'weights' of layer 1 are 1×3, but a layer of 1 unit fed by 2 inputs (the size of each "
                + "'input' sample) needs 1×2 in convention Wx (units × inputs)"),
    ErrorCase(name: "weights transposed", text: replacing("[[0.5, -0.5]]", with: "[[0.5], [-0.5]]"), line: 5, column: 14,
              message: "needs 1×2 in convention Wx (units × inputs); the matrix looks transposed: 2×1 is the WTx "
                + "layout (inputs × units), so transpose it or set 'convention: WTx'"),
    ErrorCase(name: "ragged rows", text: """
        input: [1, 2]
        target: [1, 0]
        layers:
          - units: 2
            weights:
              - [0.1, 0.2]
              - [0.3]
        loss: mse
        """, line: 7, column: 9,
        message: "row 2 of 'weights' of layer 1 has 1 number, but row 1 has 2; every row needs the same length"),
    ErrorCase(name: "bias length", text: replacing("loss:", with: "    bias: [0.1, 0.2]\nloss:"), line: 6, column: 11,
              message: "'bias' of layer 1 has 2 numbers, but the layer has 1 unit"),
    ErrorCase(name: "bias as rows", text: replacing("loss:", with: "    bias: [[0.1]]\nloss:"), line: 6, column: 11,
              message: "'bias' of layer 1 must be a flat list of 1 number, not rows"),
    ErrorCase(name: "frozen part misspelt", text: replacing("loss:", with: "    frozen: [bias, wieghts]\nloss:"), line: 6, column: 20,
              message: "unknown part to freeze in 'frozen' of layer 1 'wieghts'; did you mean 'weights'? (choose from weights, bias)"),
    ErrorCase(name: "frozen bias of a layer without one", text: replacing("loss:", with: "    bias: false\n    frozen: [bias]\nloss:"),
              line: 7, column: 14, message: "'frozen' of layer 1 names the bias, but the layer has none ('bias: false')"),
    ErrorCase(name: "frozen not a list", text: replacing("loss:", with: "    frozen: {bias: true}\nloss:"), line: 6, column: 13,
              message: "expected a list for 'frozen' of layer 1 (a list of weights, bias), found a mapping"),
    ErrorCase(name: "sample counts differ", text: replacing("[1, 2]", with: "[[1, 2], [3, 4]]"), line: 2, column: 9,
              message: "'target' has 1 sample but 'input' has 2 samples; give one target row per input row"),
    ErrorCase(name: "target size", text: replacing("target: [1]", with: "target: [1, 0]"), line: 2, column: 9,
              message: "'target' has 2 values per sample, but the output layer (layer 1) has 1 unit"),
    ErrorCase(name: "cross-entropy without softmax", text: """
        input: [1, 2]
        target: [1]
        layers:
          - units: 1
            activation: sigmoid
            weights: [[0.5, -0.5]]
        loss: cross-entropy
        """, line: 7, column: 7,
        message: "cross-entropy needs a softmax output, but the output layer (layer 1) uses sigmoid"),
    ErrorCase(name: "binary cross-entropy without sigmoid", text: """
        input: [1, 2]
        target: [1, 0]
        layers:
          - units: 2
            activation: softmax
            weights: [[0.5, -0.5], [0.1, 0.2]]
        loss: binary-cross-entropy
        """, line: 7, column: 7,
        message: "binary-cross-entropy needs a sigmoid output, but the output layer (layer 1) uses softmax"),
    ErrorCase(name: "negative cross-entropy target", text: """
        input: [1, 2]
        target: [1, -1]
        layers:
          - units: 2
            activation: softmax
            weights: [[0.5, -0.5], [0.1, 0.2]]
        loss: cross-entropy
        """, line: 2, column: 9,
        message: "cross-entropy needs targets of at least 0, but 'target' row 1 has -1 at position 2"),
    ErrorCase(name: "hidden softmax", text: """
        input: [1, 2]
        target: [1]
        layers:
          - units: 2
            activation: softmax
          - units: 1
        init: {seed: 1}
        loss: mse
        """, line: 5, column: 17, message: "softmax is allowed only in the output layer, but layer 1 is hidden"),
    ErrorCase(name: "softmax of one unit", text: replacing("weights:", with: "activation: softmax\n    weights:"),
              line: 5, column: 17, message: "softmax over a single unit is always 1 and cannot learn"),
    ErrorCase(name: "unknown activation", text: replacing("weights:", with: "activation: linear\n    weights:"),
              line: 5, column: 17,
              message: "unknown activation 'linear'; did you mean 'identity'? (choose from identity, relu, leaky-relu, "
                + "sigmoid, tanh, softmax)"),
    ErrorCase(name: "unknown loss", text: replacing("loss: mse", with: "loss: ce"), line: 6, column: 7,
              message: "unknown loss 'ce'; did you mean 'cross-entropy'?"),
    ErrorCase(name: "slope without leaky relu", text: replacing("weights:", with: "activation: relu\n    negative-slope: 0.1\n    weights:"),
              line: 6, column: 5, message: "'negative-slope' applies only to leaky-relu, but layer 1 uses relu"),
    ErrorCase(name: "no weights and no init", text: replacing("\n    weights: [[0.5, -0.5]]", with: ""), line: 4, column: 5,
              message: "layer 1 has no 'weights', and the scenario has no 'init' to draw them from"),
    ErrorCase(name: "negative seed", text: replacing("\n    weights: [[0.5, -0.5]]", with: "") + "\ninit: {seed: -1}",
              line: 6, column: 14,
              message: "'seed' in 'init' must be a whole number from 0 to 18446744073709551615, found the number -1"),
    ErrorCase(name: "key without value", text: base + "\nreduction:", line: 7, column: 1,
              message: "'reduction' in the scenario has no value; give one, or remove the key to use the default"),
    ErrorCase(name: "too many layers", text: "input: [1]\ntarget: [1]\nlayers:\n"
              + String(repeating: "  - {units: 1}\n", count: 17) + "init: {seed: 1}\nloss: mse\n",
              line: 20, column: 5, message: "the network has 17 layers; stepgrad allows at most 16"),
    ErrorCase(name: "too many units", text: replacing("units: 1", with: "units: 5000"), line: 4, column: 12,
              message: "'units' of layer 1 must be between 1 and 4,096, found 5000"),
    ErrorCase(name: "too many samples",
              text: "input: [" + Array(repeating: "[0]", count: 10_001).joined(separator: ", ") + "]\n",
              line: 1, column: 9 + 10_000 * 5, message: "'input' has 10,001 samples; stepgrad allows at most 10,000"),
    ErrorCase(name: "too many parameters", text: """
        input: [1, 2]
        target: [1]
        layers:
          - units: 4096
          - units: 4096
          - units: 1
        init: {seed: 1}
        loss: mse
        """, line: 4, column: 3,
        message: "the network has 16,797,697 weights and biases; stepgrad allows at most 5,000,000"),
]

@Test(arguments: errorCases)
func reportsError(_ errorCase: ErrorCase) {
    do {
        let scenario = try ScenarioLoader.parse(errorCase.text, path: "bad.yaml")
        Issue.record("expected an error, loaded '\(scenario.title)'")
    } catch let error as ScenarioError {
        #expect(error.path == "bad.yaml")
        #expect(error.line == errorCase.line)
        #expect(error.column == errorCase.column)
        #expect(error.message.contains(errorCase.message), "\(error.message)")
    } catch {
        Issue.record("not a ScenarioError: \(error)")
    }
}

@Test func baseOfTheTableIsValid() throws {
    let scenario = try ScenarioLoader.parse(base, path: nil)
    #expect(scenario.network.inputs == 2)
}

@Test func errorDescriptionReadsLikeACompiler() {
    #expect(ScenarioError(path: "a.yaml", line: 3, column: 7, message: "bad").description == "a.yaml:3:7: bad")
    #expect(ScenarioError(path: "a.yaml", line: 3, message: "bad").description == "a.yaml:3: bad")
    #expect(ScenarioError(path: "a.yaml", message: "no such file").description == "a.yaml: no such file")
    #expect(ScenarioError(message: "bad").description == "bad")
}
