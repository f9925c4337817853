// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "stepgrad",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stepgrad", targets: ["stepgrad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Layer 1: the engine. Pure value types; no files, no terminals.
        .target(name: "StepgradEngine", dependencies: ["CStepgradKernel"]),
        // The engine's matrix products: register-blocked AVX2/AVX-512 paths chosen at run time, one portable binary.
        .target(name: "CStepgradKernel"),
        // How the engine's values and expression trees are written: numbers, Unicode, LaTeX, English notes.
        .target(name: "StepgradNotation", dependencies: ["StepgradEngine"]),
        // Data to learn from: generated 2-D sets, CSV files, train/test splits. No files of its own but the CSV read.
        .target(name: "StepgradData", dependencies: ["StepgradEngine"]),
        // Layer 2: scenario files, bundled exercises, answers (YAML/JSON in, engine values out).
        .target(name: "StepgradScenario", dependencies: ["StepgradEngine", "StepgradData", "Yams"]),
        // Headless renderers of a trace: text, Markdown, LaTeX, JSON.
        .target(name: "StepgradRender", dependencies: ["StepgradEngine", "StepgradNotation", "StepgradScenario"]),
        // Answer checking, class grading, exercise generation.
        .target(name: "StepgradHomework", dependencies: ["StepgradEngine", "StepgradNotation", "StepgradScenario", "StepgradRender"]),
        // Layer 3: the observable training session.
        .target(name: "StepgradSession", dependencies: ["StepgradEngine", "StepgradNotation", "StepgradData", "StepgradScenario"]),
        // A terminal-UI toolkit that knows nothing of networks, sessions or exercises: cell grid,
        // styles, colours, events, layout, the `TerminalProgram` contract and its test backend.
        .target(name: "TerminalUI"),
        // Layer 4: views drawing into an in-memory grid; no ncurses here.
        .target(name: "StepgradUI", dependencies: ["TerminalUI", "StepgradEngine", "StepgradNotation", "StepgradScenario",
                                                   "StepgradSession", "StepgradHomework"]),
        // The only place ncurses is seen.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "StepgradTerminal", dependencies: ["CNcurses", "TerminalUI"]),
        // Lecturing over SSH: viewers of a session, each at their own size and colour depth.
        .target(name: "StepgradServe", dependencies: [
            "TerminalUI", "StepgradSession", "StepgradUI",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Scripted SSH viewers and a lecturer on a pseudo-terminal, for the serve tests and benchmark.
        .target(name: "ClassroomProbe", dependencies: [
            "TerminalUI",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
        ]),
        // The command line.
        .executableTarget(name: "stepgrad", dependencies: [
            "StepgradEngine", "StepgradNotation", "StepgradScenario", "StepgradRender", "StepgradHomework",
            "StepgradSession", "StepgradData", "TerminalUI", "StepgradUI", "StepgradTerminal", "StepgradServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer over the loaders (see Fuzz/run); built normally, it replays inputs given as files.
        .executableTarget(name: "stepgrad-fuzz", dependencies: ["StepgradScenario", "StepgradSession"]),
        .executableTarget(name: "stepgrad-bench", dependencies: [
            "StepgradEngine", "StepgradData", "StepgradScenario", "StepgradSession", "TerminalUI", "StepgradUI", "ClassroomProbe",
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "StepgradEngineTests", dependencies: ["StepgradEngine", "StepgradNotation", "StepgradScenario"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StepgradNotationTests", dependencies: ["StepgradNotation", "StepgradEngine"]),
        .testTarget(name: "StepgradDataTests", dependencies: ["StepgradData", "StepgradEngine"]),
        .testTarget(name: "StepgradScenarioTests", dependencies: ["StepgradScenario", "StepgradData"]),
        .testTarget(name: "StepgradRenderTests", dependencies: ["StepgradRender"]),
        .testTarget(name: "StepgradHomeworkTests", dependencies: ["StepgradHomework"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StepgradSessionTests", dependencies: ["StepgradSession", "StepgradData"]),
        // Test helpers shared by the test targets that draw grids.
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"], path: "Tests/TerminalUITesting"),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"]),
        .testTarget(name: "StepgradServeTests", dependencies: [
            "StepgradServe", "TerminalUI", "StepgradScenario", "StepgradSession", "ClassroomProbe",
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "StepgradUITests", dependencies: ["StepgradUI", "TerminalUI", "TerminalUITesting"]),
        // A tiny full-screen program for the terminal end-to-end tests; not part of the product.
        .executableTarget(name: "terminal-demo", dependencies: ["StepgradTerminal", "TerminalUI", "StepgradUI"],
                          path: "Tests/TerminalDemo"),
        .testTarget(name: "StepgradEndToEndTests", dependencies: [
            "StepgradScenario", "terminal-demo", "ClassroomProbe", "TerminalUI",
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
    ]
)
