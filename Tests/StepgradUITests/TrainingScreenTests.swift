import Foundation
import StepgradEngine
import StepgradScenario
import StepgradSession
import TerminalUI
import Testing
@testable import StepgradUI

/// The training view: play trains, pause stops, a mini-batch or a clicked point opens in the
/// step-by-step view with the weights of the moment, and `x` comes back.
@MainActor
@Suite struct TrainingScreenTests {
    static let circles = """
        title: Circles
        data: {dataset: circles, samples: 80, noise: 0, seed: 2, test-fraction: 0.25}
        batch-size: 10
        epochs: 5
        layers:
          - {units: 6, activation: tanh}
          - {units: 2, activation: softmax}
        init: {seed: 1}
        loss: cross-entropy
        optimizer: {name: sgd, learning-rate: 0.3}
        """

    func screen(_ size: Size = Size(width: 120, height: 40), epochs: Int = 5) throws -> (TrainingScreen, TestBackend<TrainingScreen>) {
        let scenario = try ScenarioLoader.parse(Self.circles.replacingOccurrences(of: "epochs: 5", with: "epochs: \(epochs)"))
        let options = ScreenOptions(theme: Theme.dark, capabilities: TerminalCapabilities(colourDepth: .trueColour, unicode: true))
        let screen = try #require(TrainingScreen(scenario: scenario, options: options))
        return (screen, TestBackend(program: screen, size: size))
    }

    @Test func clickingAPointOpensItsPassWithTheCurrentWeights() throws {
        let (screen, backend) = try screen()
        backend.press(KeyEvent("e"), KeyEvent("e"), KeyEvent("n"))
        #expect(screen.trainer.epoch == 2 && screen.trainer.iterations == 2 * screen.trainer.plan.batchesPerEpoch + 1)
        let map = try #require(screen.mapArea), extent = try #require(screen.extent)
        let train = screen.trainer.plan.train
        // Click the cell where point 7 is drawn; the point opened is the one nearest that cell.
        let cell = extent.cell(x: train.inputs[6, 0], y: train.inputs[6, 1], in: map)
        #expect(["●", "○"].contains(backend.screen[cell.x, cell.y].character))
        backend.send(.mouse(MouseEvent(.press(.left), x: cell.x, y: cell.y)))
        let point = try #require(screen.selectedPoint)
        #expect(extent.cell(x: train.inputs[point, 0], y: train.inputs[point, 1], in: map) == cell)
        let pass = try #require(screen.pass)
        let session = pass.session
        let weights = screen.trainer.parameters
        #expect(session.parameters == weights)
        #expect(session.scenario.batch.input == Matrix(row: train.inputs.row(point)))
        #expect(session.scenario.batch.target == Matrix(row: train.targets.row(point)))
        // The pass's forward values are the engine's forward pass of that point, bit for bit.
        let forward = screen.scenario.network.forward(weights, Matrix(row: train.inputs.row(point)))
        let values = session.trace.values
        for l in 1...2 {
            #expect(values[.z(l)] == forward.preactivations[l])
            #expect(values[.a(l)] == forward.activations[l])
        }
        #expect(backend.lines.joined().contains("Point \(point + 1) with the weights of iteration \(screen.trainer.iterations)"))
        backend.press(KeyEvent("x"))
        #expect(screen.pass == nil && backend.lines[0].contains("epoch 2/5"))
    }

    @Test func theKeysSelectAPointAndEnterOpensIt() throws {
        let (screen, backend) = try screen(Size(width: 80, height: 24))
        // The first key selects point 1; then 2, 1, and round to the last.
        backend.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.left), KeyEvent(.left))
        #expect(screen.selectedPoint == screen.trainer.plan.train.count - 1)
        backend.press(KeyEvent(.enter))
        #expect(screen.pass?.session.scenario.batch.input == Matrix(row: screen.trainer.plan.train.inputs.row(screen.trainer.plan.train.count - 1)))
    }

    @Test func playTrainsPauseStopsAndTheNextBatchSteps() throws {
        let (screen, backend) = try screen(epochs: 100_000)
        #expect(backend.lines[0].contains("epoch 0/100000 · iteration 0") && backend.lines[0].contains("paused"))
        backend.press(KeyEvent(" "))
        #expect(screen.playing)
        backend.advance(by: .milliseconds(200))
        let trained = screen.trainer.iterations
        #expect(trained > 0)
        backend.press(KeyEvent(" "))
        #expect(!screen.playing && backend.pendingTimers == 0)
        backend.advance(by: .seconds(1))
        #expect(screen.trainer.iterations == trained)
        // The next mini-batch opens as a pass; stepping it shows its numbers; x returns and Space resumes.
        let next = screen.trainer.passScenario(screen.scenario)
        backend.press(KeyEvent("s"))
        let pass = try #require(screen.pass)
        #expect(pass.session.scenario.batch == next.batch && pass.session.parameters == next.parameters)
        for _ in 0..<5 { backend.press(KeyEvent(.right)) }
        #expect(!pass.session.isAtStartOfIteration)
        #expect(screen.trainer.iterations == trained)
        backend.press(KeyEvent("x"), KeyEvent(" "))
        backend.advance(by: .milliseconds(100))
        #expect(screen.trainer.iterations > trained)
        // Every epoch's figures reach the curves: all of them, or (a fast build trains thousands of
        // epochs here) evenly thinned ones and the latest.
        let spacing = screen.history.stride, now = screen.trainer.epoch
        #expect(screen.history.map(\.epoch) == Array(stride(from: 0, through: now, by: spacing)) + (now % spacing == 0 ? [] : [now]))
    }

    @Test func aSliceTrainsOnAcrossEpochsEnds() throws {
        // A full batch is one mini-batch an epoch: a slice that stopped at each epoch's end would
        // train one step a frame.
        let scenario = try ScenarioLoader.parse(Self.circles.replacingOccurrences(of: "batch-size: 10", with: "batch-size: 60")
            .replacingOccurrences(of: "epochs: 5", with: "epochs: 40"))
        let options = ScreenOptions(theme: Theme.dark, capabilities: TerminalCapabilities(colourDepth: .trueColour, unicode: true))
        let screen = try #require(TrainingScreen(scenario: scenario, options: options))
        #expect(screen.trainer.plan.batchesPerEpoch == 1)
        screen.playing = true
        screen.trainSlice(budget: .seconds(600))
        #expect(screen.trainer.epoch == 40 && !screen.playing)
        #expect(screen.history.map(\.epoch) == Array(0...40))
    }

    @Test func trainingStopsAfterTheScenariosEpochs() throws {
        let (screen, backend) = try screen(epochs: 3)
        backend.press(KeyEvent(" "))
        backend.advance(by: .seconds(30))
        #expect(screen.trainer.epoch == 3 && screen.trainer.batchIndex == 0 && !screen.playing)
        #expect(screen.history.count == 4)
        #expect(backend.lines.last!.contains("Trained 3 epochs"))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)])
    func theFrameHoldsMapCurvesAndKeys(_ size: Size) throws {
        let (screen, backend) = try screen(size)
        backend.press(KeyEvent("e"))
        let text = backend.lines.joined(separator: "\n")
        #expect(text.contains("decision boundary") && text.contains("loss: train") && text.contains("accuracy: train"))
        #expect(text.contains("epoch 1") && backend.lines.last!.contains("Space play/pause"))
        let map = try #require(screen.mapArea)
        #expect(map.width >= 20 && map.height >= 10)
        // Every training point is drawn (a cell may hold several).
        let train = screen.trainer.plan.train
        for i in 0..<train.count {
            let cell = screen.extent!.cell(x: train.inputs[i, 0], y: train.inputs[i, 1], in: map)
            #expect(["●", "○"].contains(backend.screen[cell.x, cell.y].character))
        }
        #expect(text.contains("⠀") == false)
    }

    /// `+ -` and `r R` retune the optimizer on the same weights; `a` and `u U` make a new network,
    /// drawn afresh by the scenario's `init`, and say so.
    @Test func theKeysChangeRateDecayActivationAndUnitsWhileTraining() throws {
        let (screen, backend) = try screen(epochs: 100)
        backend.press(KeyEvent("e"))
        let weights = screen.trainer.parameters, iterations = screen.trainer.iterations
        backend.press(KeyEvent("+"))
        #expect(screen.trainer.network.optimizer.learningRate == 1 && screen.scenario.network.optimizer.learningRate == 1)
        backend.press(KeyEvent("-"), KeyEvent("-"))
        #expect(screen.trainer.network.optimizer.learningRate == 0.1)
        backend.press(KeyEvent("r"), KeyEvent("r"), KeyEvent("R"))
        #expect(screen.trainer.network.optimizer.weightDecay == 0.001)
        #expect(screen.trainer.parameters == weights && screen.trainer.iterations == iterations)
        #expect(backend.lines.joined().contains("rate 0.1 · decay 0.001 · hidden tanh · units 6"))
        // The next pass opened is the retuned one.
        #expect(screen.trainer.passScenario(screen.scenario).network.optimizer == .sgd(.init(learningRate: 0.1, weightDecay: 0.001)))

        backend.press(KeyEvent("a"))
        #expect(screen.trainer.network.layer(1).activation == .sigmoid && screen.trainer.iterations == 0)
        #expect(screen.history.count == 1 && screen.trainer.network.optimizer.weightDecay == 0.001)
        var drawn = screen.scenario.network
        #expect(screen.trainer.parameters == Initializer(seed: 1).parameters(for: drawn))
        #expect(backend.lines.last!.contains("Activation sigmoid: new network, fresh weights (seed 1, xavier), epoch 0"))

        backend.press(KeyEvent("u"), KeyEvent("u"), KeyEvent("U"))
        drawn.layers[0].units = 7
        #expect(screen.trainer.network == drawn && screen.trainer.parameters.weights(1).shape == Shape(rows: 7, columns: 2))
        #expect(screen.trainer.parameters == Initializer(seed: 1).parameters(for: drawn))
        #expect(backend.lines.last!.contains("Layer 1 has 7 units"))
        // The new network trains, and a pass opened from it is its own.
        backend.press(KeyEvent("n"), KeyEvent("s"))
        #expect(screen.pass?.session.scenario.network == drawn)
        for _ in 0..<6 { backend.press(KeyEvent("U")) }
        #expect(screen.trainer.network.layer(1).units == 7)
    }

    /// `w` writes the network as it is to a new file each time, which loads back to the same predictions.
    @Test func writingTheNetworkNeverOverwritesAndReloadsToTheSamePredictions() async throws {
        let directory = "/tmp/stepgrad-tests/training-write-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (screen, backend) = try screen(epochs: 100)
        screen.writeDirectory = directory
        try "a user's file".write(toFile: directory + "/network-trained.yaml", atomically: true, encoding: .utf8)
        backend.press(KeyEvent("e"), KeyEvent("e"), KeyEvent("n"), KeyEvent("u"), KeyEvent("e"), KeyEvent("w"))
        await backend.settle()
        backend.draw()
        let first = directory + "/network-trained-2.yaml"
        #expect(backend.lines.last!.contains("Wrote \(first)"))
        #expect(try String(contentsOfFile: directory + "/network-trained.yaml", encoding: .utf8) == "a user's file")
        let reloaded = try ScenarioLoader.load(path: first)
        let inputs = screen.trainer.plan.test.inputs
        #expect(reloaded.network == screen.trainer.network && reloaded.parameters == screen.trainer.parameters)
        #expect(reloaded.network.forward(reloaded.parameters, inputs).activations[2]
                == screen.trainer.network.forward(screen.trainer.parameters, inputs).activations[2])
        backend.press(KeyEvent("w"))
        await backend.settle()
        backend.draw()
        #expect(backend.lines.last!.contains("Wrote \(directory)/network-trained-3.yaml"))
    }

    @Test func questionMarkShowsEveryKeyAndAnyKeyClosesIt() throws {
        let (screen, backend) = try screen()
        backend.press(KeyEvent("?"))
        let text = backend.lines.joined(separator: "\n")
        for key in TrainingKeys.bindings { #expect(text.contains(key.summary), "\(key.names)") }
        backend.press(KeyEvent("a"))
        #expect(!screen.showsHelp && screen.trainer.network.layer(1).activation == .tanh, "the closing key does nothing else")
    }

    @Test func theNormsChartHasACurveForEachLayer() throws {
        let (screen, backend) = try screen()
        backend.press(KeyEvent("e"), KeyEvent("e"), KeyEvent("e"))
        let layers = screen.history.last!.layers
        #expect(layers.count == 2 && layers.allSatisfy { $0.gradient != nil })
        let text = backend.lines.joined(separator: "\n")
        #expect(text.contains("norms by layer (log): 1  2") && text.contains("‖W‖") && text.contains("‖∂L/∂W‖"))
        // Each layer's colour is drawn in the chart.
        for colour in TrainingScreen.layerColours.prefix(2) {
            let grid = backend.screen
            #expect((0..<grid.height).contains { y in (0..<grid.width).contains { x in
                grid[x, y].character != " " && grid[x, y].style.foreground == colour } })
        }
    }

    /// The map's own forward pass gives the engine's outputs at every pixel, in either weight layout.
    @Test(arguments: ["Wx", "WTx"])
    func theMapIsTheEnginesForwardPassAtEveryPixel(_ convention: String) throws {
        let scenario = try ScenarioLoader.parse(Self.circles + "\nconvention: \(convention)")
        let options = ScreenOptions(theme: Theme.dark, capabilities: TerminalCapabilities(colourDepth: .trueColour, unicode: true))
        let screen = try #require(TrainingScreen(scenario: scenario, options: options))
        let backend = TestBackend(program: screen, size: Size(width: 120, height: 40))
        backend.press(KeyEvent("e"), KeyEvent("n"))
        let map = try #require(screen.mapArea), extent = try #require(screen.extent)
        let expected = screen.trainer.predict(extent.pixels(width: map.width, height: map.height))
        let drawn = screen.mapPrediction.outputs
        #expect(drawn.shape == expected.shape && drawn.rows == map.width * map.height * 2)
        let worst = zip(drawn.elements, expected.elements).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-12)
    }

    /// Playing, the map is predicted afresh every few ticks rather than every frame; paused, it
    /// shows the current weights.
    @Test func playingRedrawsTheMapEveryFewTicksAndPausingShowsTheCurrentWeights() throws {
        let (screen, backend) = try screen(epochs: 100_000)
        backend.press(KeyEvent(" "))
        var stale = 0
        for _ in 0..<12 {
            backend.advance(by: TrainingScreen.tickInterval)
            let cache = try #require(screen.mapCache)
            #expect(screen.ticks - cache.tick < TrainingScreen.mapTicks)
            if cache.iterations < screen.trainer.iterations { stale += 1 }
        }
        #expect(screen.ticks >= 8 && stale > 0)
        backend.press(KeyEvent(" "))
        #expect(screen.mapCache?.iterations == screen.trainer.iterations)
    }
}
