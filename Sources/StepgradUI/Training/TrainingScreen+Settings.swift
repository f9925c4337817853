import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI

/// Changing the network while it trains, as TensorFlow Playground does: the learning rate and
/// weight decay are retuned in place (the weights stay), while a new activation or number of units
/// makes a new network, whose weights are drawn afresh and whose training starts again.
extension TrainingScreen {
    /// Playground's activations for the hidden layers, in the order `a` goes through them.
    static let hiddenActivations: [Activation] = [.relu, .tanh, .sigmoid, .identity]

    /// The hidden layers (1…L−1): the ones whose activation and units may change; the output
    /// layer's are fixed by the loss and the classes.
    var hiddenLayers: ClosedRange<Int>? { trainer.network.depth > 1 ? 1...(trainer.network.depth - 1) : nil }

    func changeLearningRate(up: Bool) {
        climb("Learning rate", Optimizer.learningRates, from: trainer.network.optimizer.learningRate, up: up) {
            $0.with(learningRate: $1)
        }
    }

    func changeWeightDecay(up: Bool) {
        climb("Weight decay (L2)", Optimizer.weightDecays, from: trainer.network.optimizer.weightDecay, up: up) {
            $0.with(weightDecay: $1)
        }
    }

    /// Moves a setting of the optimizer one rung up or down its ladder, keeping the weights.
    private func climb(_ setting: String, _ ladder: [Double], from value: Double, up: Bool,
                       _ set: (Optimizer, Double) -> Optimizer) {
        guard let next = Optimizer.rung(after: value, in: ladder, up: up) else {
            message = "\(setting) is already the \(up ? "highest" : "lowest") offered (\(number(value)))."
            return
        }
        retune(set(trainer.network.optimizer, next))
        message = "\(setting) \(number(next)), from the next mini-batch; the weights are kept."
    }

    private func retune(_ optimizer: Optimizer) {
        trainer.retune(optimizer)
        scenario.network.optimizer = optimizer
    }

    func nextActivation() {
        guard let hidden = hiddenLayers else {
            message = "The network has no hidden layer; the output's activation goes with its loss."
            return
        }
        let current = trainer.network.layer(hidden.lowerBound).activation
        let index = Self.hiddenActivations.firstIndex(of: current).map { $0 + 1 } ?? 0
        let activation = Self.hiddenActivations[index % Self.hiddenActivations.count]
        var network = trainer.network
        for l in hidden { network.layers[l - 1].activation = activation }
        rebuild(network, change: "Activation \(activation.name)")
    }

    func selectNextLayer() {
        guard let hidden = hiddenLayers else {
            message = "The network has no hidden layer; the output's units are its classes."
            return
        }
        selectedLayer = selectedLayer >= hidden.upperBound ? hidden.lowerBound : selectedLayer + 1
        message = "Layer \(selectedLayer) selected: u adds a unit, U removes one."
    }

    func changeUnits(by delta: Int) {
        guard let hidden = hiddenLayers else {
            message = "The network has no hidden layer; the output's units are its classes."
            return
        }
        let l = min(max(selectedLayer, hidden.lowerBound), hidden.upperBound)
        let units = trainer.network.layer(l).units + delta
        guard (1...ScenarioLimits.units).contains(units) else {
            message = "Layer \(l) keeps \(trainer.network.layer(l).units) unit\(units == 0 ? "" : "s"): "
                + "from 1 to \(ScenarioLimits.units) are allowed."
            return
        }
        var network = trainer.network
        network.layers[l - 1].units = units
        rebuild(network, change: "Layer \(l) has \(units) unit\(units == 1 ? "" : "s")")
    }

    /// Trains `network` from new weights, from epoch 0; play goes on if it was on.
    private func rebuild(_ network: Network, change: String) {
        scenario = scenario.redrawn(with: network)
        trainer = Trainer(scenario)!
        history = MetricsHistory(trainer.metrics)
        mapCache = nil
        let initializer = scenario.initializer!
        // Short enough for an 80-column key bar.
        message = "\(change): new network, fresh weights (seed \(initializer.seed), \(initializer.scheme.rawValue)), epoch 0"
    }

    /// `w`: the current network and weights as a scenario, in a file of a new name in the current
    /// directory (nothing is overwritten); where it went comes back as `.wrote`.
    func writeScenario() -> TrainingCommand {
        var trained = trainer.passScenario(scenario)
        trained.title = scenario.title + " (trained \(trainer.epoch) epochs)"
        let text = trained.yaml
        let stem = scenario.path.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "network"
        message = "Writing the network…"
        return .task { [writeDirectory] send in send(.wrote(Self.writeFresh(text, stem: stem + "-trained", in: writeDirectory))) }
    }

    /// Writes `text` as `stem.yaml` in `directory`, or `stem-2.yaml`, `stem-3.yaml`, … — the first
    /// name no file has (decided as the file is linked into place, so a file made meanwhile is safe).
    nonisolated static func writeFresh(_ text: String, stem: String, in directory: String) -> Result<String, FileWriteError> {
        for n in 1...10_000 {
            let name = stem + (n == 1 ? "" : "-\(n)") + ".yaml"
            let path = directory == "." ? name : (directory as NSString).appendingPathComponent(name)
            do throws(FileWriteError) {
                try AtomicFile.write(Data(text.utf8), to: path, existing: .refuse)
                return .success(path)
            } catch .exists {
                continue
            } catch {
                return .failure(error)
            }
        }
        return .failure(.failed(path: stem + ".yaml", reason: "10,000 files of that name are already there"))
    }

    /// A setting as the user reads it: 0.003, 1e-05.
    func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : "\(v)" }
}
