import Foundation
import StepgradData
import StepgradEngine

/// The `data:` section and the keys that go with it: `batch-size`, `epochs`, `shuffle`.
extension ScenarioDecoder {
    static let trainingKeys = ["batch-size", "epochs", "shuffle"]
    private static let generatedKeys = ["dataset", "samples", "noise", "seed", "test-fraction", "standardize"]
    private static let csvKeys = ["csv", "features", "label", "target", "classes", "seed", "test-fraction", "standardize"]

    /// `data: {dataset: spiral, samples: 400, noise: 0.1, seed: 1, test-fraction: 0.2}` or
    /// `data: {csv: iris.csv, features: [...], label: species, standardize: true}`.
    static func trainingPlan(_ node: YAMLNode, _ fields: MappingFields, path: String?) throws -> TrainingPlan {
        let entries = try node.mappingEntries("'data'")
        let isCSV = entries.contains { $0.key == "csv" }
        guard isCSV || entries.contains(where: { $0.key == "dataset" }) else {
            throw ScenarioError("'data' needs 'dataset' (one of \(GeneratedData.allCases.map(\.rawValue).joined(separator: ", "))) "
                                + "or 'csv' (a file)", at: node.position)
        }
        let data = try MappingFields(node, owner: "'data'", known: isCSV ? csvKeys : generatedKeys,
                                     misplaced: isCSV
                                        ? ["dataset": "give either 'dataset' or 'csv', not both",
                                           "samples": "a CSV file's samples are its rows", "noise": "it applies to generated datasets"]
                                        : ["features": "it applies to 'csv' data", "label": "it applies to 'csv' data",
                                           "target": "it applies to 'csv' data", "classes": "it applies to 'csv' data"])
        let seed = try data.optional("seed").map { try seedValue($0, "'seed' in 'data'") } ?? 1
        let testFraction = try data.optional("test-fraction").map { node -> Double in
            let v = try node.number("'test-fraction'").value
            guard v >= 0, v < 1 else {
                throw ScenarioError("'test-fraction' must be at least 0 and below 1, found \(node.scalarText)", at: node.position)
            }
            return v
        } ?? 0.2
        let standardize = try data.optional("standardize").map { try flag($0, "'standardize'") } ?? false

        let source: TrainingPlan.Source, dataset: Dataset
        if isCSV {
            (source, dataset) = try csv(data, path: path)
        } else {
            let kind = try data.required("dataset").choice("dataset", GeneratedData.self)
            let samples = try data.optional("samples")?.integer("'samples'", in: 2...ScenarioLimits.samples) ?? 400
            let noiseNode = try data.optional("noise")
            let noise = try noiseNode?.number("'noise'").value ?? 0
            if let noiseNode, noise < 0 { throw ScenarioError("'noise' must be at least 0, found \(noiseNode.scalarText)", at: noiseNode.position) }
            source = .generated(kind, samples: samples, noise: noise)
            do { dataset = try kind.dataset(samples: samples, noise: noise, seed: seed) } catch {
                throw ScenarioError(error.message, at: node.position)
            }
        }
        var split: DataSplit
        do { split = try DataSplit(dataset, testFraction: testFraction, seed: seed) } catch {
            throw ScenarioError(error.message, at: node.position)
        }
        if standardize { split = split.standardized() }

        let batchSize = try fields.optional("batch-size")?.integer("'batch-size'", in: 1...ScenarioLimits.samples) ?? 32
        let epochs = try fields.optional("epochs")?.integer("'epochs'", in: 1...1_000_000) ?? 100
        let shuffleSeed = try fields.optional("shuffle").map { try shuffle($0, seed: seed) } ?? seed
        return TrainingPlan(source: source, seed: seed, testFraction: testFraction, standardize: standardize, data: split,
                            batchSize: min(batchSize, split.train.count), epochs: epochs, shuffleSeed: shuffleSeed)
    }

    /// `shuffle: true` (the data's seed), `false`, or `{seed: N}`.
    private static func shuffle(_ node: YAMLNode, seed: UInt64) throws -> UInt64? {
        if case .bool(let on)? = node.scalar { return on ? seed : nil }
        guard case .mapping = node.content else {
            throw ScenarioError("'shuffle' must be true, false or {seed: N}, found \(node.kindDescription)", at: node.position)
        }
        return try seedValue(MappingFields(node, owner: "'shuffle'", known: ["seed"]).required("seed"), "'seed' in 'shuffle'")
    }

    private static func csv(_ data: MappingFields, path: String?) throws -> (TrainingPlan.Source, Dataset) {
        let fileNode = try data.required("csv")
        let file = try fileNode.text("'csv'")
        let features = try data.optional("features").map { node in
            try node.sequence("'features'").map { try $0.text("a feature column") }
        }
        if let features, features.isEmpty {
            throw ScenarioError("'features' is empty; name at least one column, or leave it out for every column but the label",
                                at: data.keyPosition("features") ?? data.position)
        }
        let label = try data.optional("label")?.text("'label'"), target = try data.optional("target")?.text("'target'")
        let classes = try data.optional("classes").map { node in try node.sequence("'classes'").map { try $0.text("a class") } }
        let labelColumn: CSVColumns.Label
        switch (label, target) {
        case let (label?, nil): labelColumn = .classes(column: label, classes: classes)
        case let (nil, target?):
            if classes != nil { throw ScenarioError("'classes' goes with 'label', not 'target'", at: data.keyPosition("classes") ?? data.position) }
            labelColumn = .number(column: target)
        case (nil, nil):
            throw ScenarioError("'data' needs 'label' (a column of class names) or 'target' (a column of numbers to regress)",
                                at: data.position)
        case (_?, _?):
            throw ScenarioError("give either 'label' (classes) or 'target' (numbers), not both", at: data.keyPosition("target") ?? data.position)
        }
        let resolved = resolveCSV(file, scenarioPath: path)
        let dataset: Dataset
        do {
            dataset = try Dataset(csvFile: resolved, columns: CSVColumns(features: features, label: labelColumn))
        } catch {
            // The place is in the CSV file, not in the scenario.
            let cell = [error.row.map { "row \($0)" }, error.column.map { "column \"\($0)\"" }].compactMap { $0 }.joined(separator: ", ")
            throw ScenarioError(path: error.file ?? resolved, line: error.line, message: (cell.isEmpty ? "" : cell + ": ") + error.message)
        }
        guard dataset.count <= ScenarioLimits.samples else {
            throw ScenarioError(path: resolved, message: "the file has \(dataset.count.grouped) rows; stepgrad allows at most \(ScenarioLimits.samples.grouped)")
        }
        guard dataset.features.count <= ScenarioLimits.units else {
            throw ScenarioError(path: resolved, message: "\(dataset.features.count.grouped) feature columns; stepgrad allows at most \(ScenarioLimits.units.grouped)")
        }
        return (.csv(path: resolved, columns: CSVColumns(features: features, label: labelColumn)), dataset)
    }

    /// A relative `csv:` is found beside the scenario file, else (a bare name) among the bundled
    /// datasets in `Assets/data`.
    static func resolveCSV(_ file: String, scenarioPath: String?) -> String {
        if file.hasPrefix("/") { return file }
        let directory = scenarioPath.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        let beside = directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: beside) || file.contains("/") { return beside }
        if let assets = Exercises.assetsDirectory {
            let bundled = ((assets as NSString).appendingPathComponent("data") as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: bundled) { return bundled }
        }
        return beside
    }

    static func seedValue(_ node: YAMLNode, _ what: String) throws -> UInt64 {
        guard case .scalar(let text, true) = node.content,
              let seed = UInt64(text) ?? (try? node.integer("", in: 0...Int.max)).map(UInt64.init) else {
            throw ScenarioError("\(what) must be a whole number from 0 to \(UInt64.max), found \(node.kindDescription)",
                                at: node.position)
        }
        return seed
    }

    private static func flag(_ node: YAMLNode, _ what: String) throws -> Bool {
        guard case .bool(let value)? = node.scalar else {
            throw ScenarioError("\(what) must be true or false, found \(node.kindDescription)", at: node.position)
        }
        return value
    }
}
