import ArgumentParser
import Foundation
import StepgradEngine
import StepgradHomework
import StepgradRender
import StepgradScenario
import StepgradSession

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new exercise with friendly numbers.",
        discussion: """
            Draws weights, biases, an input and a target rounded to --decimals places (a one-hot target \
            for a softmax, 0 or 1 for binary cross-entropy), and rejects draws a student would learn \
            nothing from: a ReLU layer that is all dead, a ReLU exactly at its kink, a saturated softmax \
            or sigmoid, a vanishing gradient. Rejected draws are redrawn from the same seed, so a seed \
            always gives the same exercise; each redraw is reported on standard error.

            With --answer-key the worked solution is written too: a LaTeX document that compiles \
            with pdflatex for a .tex file, Markdown for .md, text otherwise (the same as \
            'stepgrad explain FILE').

            An existing file is never overwritten unless --force is given (a symbolic link then has \
            its target replaced, and stays a link); the exercise and the answer key must be different \
            files. Files are written whole or not at all.
            """)

    @Option(help: "Units of every layer, inputs first, e.g. 3-4-3.")
    var layers: String

    @Option(help: "One activation per layer after the inputs, comma-separated, e.g. relu,softmax (\(Activation.names.joined(separator: ", "))).")
    var activations: String

    @Option(help: "The loss: \(Loss.allCases.map(\.rawValue).joined(separator: ", ")).")
    var loss: String

    @Option(help: "Decimal places of every number drawn (0-4).")
    var decimals = 1

    @Option(help: "The seed: the same seed gives the same exercise.")
    var seed: UInt64

    @Flag(help: "Give every layer a bias.")
    var bias = false

    @Option(help: "Weight layout: Wx (z = W·x, W is out×in) or WTx (z = Wᵀ·x, W is in×out).")
    var convention: String = Convention.wx.rawValue

    @Option(help: "The SGD learning rate.")
    var learningRate = 0.1

    @Option(help: "The exercise's title (default: its layers, activations, loss and seed).")
    var title: String?

    @Option(help: "Write the scenario here instead of standard output.")
    var output: String?

    @Option(help: "Also write the worked solution here: LaTeX for .tex, Markdown for .md, text otherwise.")
    var answerKey: String?

    @Flag(help: "Replace --output and --answer-key files that already exist.")
    var force = false

    func validate() throws {
        if let output, let answerKey, AtomicFile.destination(of: output) == AtomicFile.destination(of: answerKey) {
            throw ValidationError("--output and --answer-key name the same file, \(answerKey); the answer key would replace the exercise")
        }
        for path in [output, answerKey].compactMap({ $0 }) {
            // No --force writes a file over a directory: say so before suggesting it.
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("\(path): cannot write: is a directory")
            }
            if !force && Self.exists(path) { throw ValidationError("\(path) already exists; give --force to replace it") }
        }
    }

    func run() throws {
        let sizes = layers.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
            throw ScenarioError(message: "--layers: '\(layers)' is not units separated by '-', like 3-4-3")
        }
        let functions = try activations.split(separator: ",").map { try activation(String($0)) }
        guard let lossFunction = Loss(rawValue: loss) else {
            throw ScenarioError(message: "--loss: '\(loss)' is none of \(Loss.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let layout = Convention.allCases.first(where: { $0.rawValue.lowercased() == convention.lowercased() }) else {
            throw ScenarioError(message: "--convention: '\(convention)' is neither Wx nor WTx")
        }
        let outcome: ExerciseGenerator.Outcome
        do {
            let generator = try ExerciseGenerator(sizes: sizes.compactMap { $0 }, activations: functions, loss: lossFunction,
                                                  decimals: decimals, bias: bias, convention: layout,
                                                  learningRate: learningRate, title: title)
            outcome = try generator.generate(seed: seed)
        } catch {
            // Bad options are invalid input (exit 2); no usable draw is a plain failure (exit 1).
            if error.isInvalidInput { throw ScenarioError(message: error.message) }
            throw error
        }
        for (draw, reason) in outcome.rejections.enumerated() {
            FileHandle.standardError.write(Data("stepgrad: seed \(seed), draw \(draw + 1) rejected: \(reason); drawing again\n".utf8))
        }
        if outcome.draw > 1 {
            FileHandle.standardError.write(Data("stepgrad: seed \(seed): using draw \(outcome.draw)\n".utf8))
        }
        let yaml = outcome.yaml
        // What is written must open: a failure here is stepgrad's own bug, reported as such.
        let scenario = try ScenarioLoader.parse(yaml, path: output)
        if let output { try AtomicFile.write(yaml, to: output, force: force) } else { print(yaml, terminator: "") }
        if let answerKey {
            let format: SolutionFormat = switch (answerKey as NSString).pathExtension.lowercased() {
            case "tex": .latex
            case "md": .markdown
            default: .text
            }
            try AtomicFile.write(SolutionRenderer(format: format, standalone: format == .latex).render(scenario, iterations: 1), to: answerKey, force: force)
        }
    }

    /// Whether anything, even a dangling symbolic link, is at `path`.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func activation(_ name: String) throws -> Activation {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "identity", "linear": return .identity
        case "relu": return .relu
        case "leaky-relu": return .leakyRelu(negativeSlope: 0.01)
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "softmax": return .softmax
        default:
            throw ScenarioError(message: "--activations: '\(name)' is none of \(Activation.names.joined(separator: ", "))")
        }
    }
}
