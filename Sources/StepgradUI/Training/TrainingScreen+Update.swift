import Foundation
import StepgradSession
import TerminalUI

/// Keys, clicks and play ticks in; training, selection and the step-by-step view out.
extension TrainingScreen {
    public func update(_ event: InputEvent) -> TrainingCommand {
        switch event {
        case .hangup, .interrupt, .terminate:
            return .quit
        case .key(let key) where key.isControlC || key == KeyEvent("q"):
            return .quit
        case .key where showsHelp:
            showsHelp = false
            return .none
        case _ where pass != nil:
            if event == .key(KeyEvent("x")) {
                pass = nil
                message = "Back to training at iteration \(trainer.iterations); Space resumes."
                return .none
            }
            return pass!.update(event).map(TrainingMessage.pass)
        case .key(let key):
            return handle(key)
        case .mouse(let mouse):
            if case .press(.left) = mouse.kind, let map = mapArea, let extent,
               let point = BoundaryMap.point(nearX: mouse.x, y: mouse.y, in: map, extent: extent, points: trainer.plan.train) {
                selectedPoint = point
                openPoint(point)
            }
            return .none
        case .resize:
            return .none
        }
    }

    public func update(_ reported: TrainingMessage) -> TrainingCommand {
        switch reported {
        case .pass(let inner):
            return pass?.update(inner).map(TrainingMessage.pass) ?? .none
        case .wrote(.success(let path)):
            message = "Wrote \(path) (epoch \(trainer.epoch), iteration \(trainer.iterations)): stepgrad open \(path)"
            return .none
        case .wrote(.failure(let error)):
            message = "Not written: \(error)"
            return .none
        case .trainTick:
            guard playing, pass == nil else { return .none }
            ticks += 1
            trainSlice()
            return playing ? .after(Self.tickInterval, .trainTick, id: "train") : .none
        }
    }

    func handle(_ key: KeyEvent) -> TrainingCommand {
        message = nil
        switch key {
        case KeyEvent(" "):
            playing.toggle()
            return playing ? .after(.zero, .trainTick, id: "train") : .cancel("train")
        case KeyEvent("n"):
            playing = false
            trainStep()
        case KeyEvent("e"):
            playing = false
            let epoch = trainer.epoch
            while trainer.epoch == epoch && trainer.overflow == nil { trainStep() }
        case KeyEvent("s"):
            let plan = trainer.plan
            open(trainer.passScenario(scenario),
                 note: "Mini-batch \(trainer.batchIndex + 1) of \(plan.batchesPerEpoch), epoch \(trainer.epoch + 1)")
            return .cancel("train")
        case KeyEvent(.right), KeyEvent(.left):
            let count = trainer.plan.train.count
            let step = key == KeyEvent(.right) ? 1 : count - 1
            selectedPoint = selectedPoint.map { ($0 + step) % count } ?? 0
        case KeyEvent(.enter):
            if let selectedPoint {
                openPoint(selectedPoint)
                return .cancel("train")
            }
            message = "Select a point first: ← →, or click one on the map."
        case KeyEvent(.escape):
            selectedPoint = nil
        case KeyEvent("+"), KeyEvent("="), KeyEvent("-"):
            changeLearningRate(up: key != KeyEvent("-"))
        case KeyEvent("r"), KeyEvent("R"):
            changeWeightDecay(up: key == KeyEvent("r"))
        case KeyEvent("a"):
            nextActivation()
        case KeyEvent("l"):
            selectNextLayer()
        case KeyEvent("u"), KeyEvent("U"):
            changeUnits(by: key == KeyEvent("u") ? 1 : -1)
        case KeyEvent("w"):
            return writeScenario()
        case KeyEvent("?"):
            showsHelp = true
        default:
            break
        }
        return .none
    }

    func openPoint(_ index: Int) {
        open(pointScenario(index), note: "Point \(index + 1) with the weights of iteration \(trainer.iterations)")
    }

    /// One mini-batch, and the epoch's metrics if it ended one.
    func trainStep() {
        guard trainer.overflow == nil else {
            playing = false
            message = "Training overflowed (\(trainer.overflow!.name) holds ∞ or NaN): lower the learning rate."
            return
        }
        let epoch = trainer.epoch
        trainer.step()
        if trainer.epoch != epoch {
            history.append(trainer.metrics)
            if trainer.epoch == trainer.plan.epochs {
                playing = false
                message = "Trained \(trainer.epoch) epochs, as the scenario asks; Space trains on."
            }
        }
    }

    /// Trains until the slice's time is up (at least one mini-batch), across as many epochs as fit:
    /// each epoch's figures go into the history as it ends (`trainStep`), drawn or not, so a
    /// slice need not stop at an epoch's end — with a full batch that would be one step a frame.
    func trainSlice(budget: Duration = sliceBudget) {
        let clock = ContinuousClock(), start = clock.now
        var steps = 0
        repeat {
            trainStep()
            steps += 1
        } while playing && clock.now - start < budget
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        if seconds > 0 { throughput = Double(steps) / seconds }
    }
}
