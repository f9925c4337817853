import Foundation
import Testing
import StepgradEngine
@testable import StepgradData

/// Reading CSV files: what is taken, and every kind of bad data as an error naming file, row and column.
@Suite struct CSVLoadingTests {
    static let flowers = """
        width,height,colour,kind
        1.5,2,red,b
        "2.5", 3e0 ,"dark, red",a
        -1,0.25,blue,b
        """

    func load(_ text: String, _ columns: CSVColumns) throws(DataError) -> Dataset {
        try Dataset(csv: CSVTable(parsing: text, file: "t.csv"), name: "t.csv", columns: columns)
    }

    func error(_ text: String, _ columns: CSVColumns) -> String? {
        do { _ = try load(text, columns); return nil } catch { return error.description }
    }

    @Test func featuresByNameAndOneHotLabelsInSortedClassOrder() throws {
        let data = try load(Self.flowers, CSVColumns(features: ["height", "width"], label: .classes(column: "kind")))
        #expect(data.features == ["height", "width"])
        #expect(data.inputs == Matrix([[2, 1.5], [3, 2.5], [0.25, -1]]))
        #expect(data.classes == ["a", "b"])
        #expect(data.targets == Matrix([[0, 1], [1, 0], [0, 1]]))
        #expect(data.name == "t.csv")
    }

    @Test func declaredClassesFixTheOrder() throws {
        let data = try load(Self.flowers, CSVColumns(features: ["width"], label: .classes(column: "kind", classes: ["b", "a"])))
        #expect(data.targets == Matrix([[1, 0], [0, 1], [1, 0]]))
    }

    @Test func numericClassesSortAsNumbers() throws {
        let data = try load("x,y\n1,10\n2,9\n3,10\n4,2\n", CSVColumns(label: .classes(column: "y")))
        #expect(data.classes == ["2", "9", "10"])
        #expect(data.labels == [2, 1, 2, 0])
    }

    @Test func regressionTargetsAndAllOtherColumnsAsFeatures() throws {
        let data = try load("a,b,price\r\n1,2,3.5\r\n\r\n4,5,-6\r\n", CSVColumns(label: .number(column: "price")))
        #expect(data.features == ["a", "b"])
        #expect(data.inputs == Matrix([[1, 2], [4, 5]]))
        #expect(data.targets == Matrix([[3.5], [-6]]))
        #expect(data.task == .regression(target: "price"))
    }

    @Test func quotedFieldsMaySpanLinesAndRowsKeepTheirLines() throws {
        let table = try CSVTable(parsing: "\u{FEFF}n,\"note\"\n1,\"two\nlines \"\"quoted\"\"\"\n2,x\n", file: "t.csv")
        #expect(table.header == ["n", "note"])
        #expect(table.rows.map(\.fields) == [["1", "two\nlines \"quoted\""], ["2", "x"]])
        #expect(table.rows.map(\.line) == [2, 4])
        // Spaces after a closing quote are not part of the field; anything else there is an error.
        #expect(try CSVTable(parsing: "a,b\n\"x\" , \"y\"  \n", file: "t.csv").rows[0].fields == ["x", "y"])
        #expect(throws: DataError(file: "t.csv", line: 3, message: "text after the closing quote of field 2")) {
            try CSVTable(parsing: "a,b\n1,2\n3,\"4\"5\n", file: "t.csv")
        }
    }

    @Test func eachKindOfBadDataNamesItsPlace() {
        let kind = CSVColumns(features: ["width", "height"], label: .classes(column: "kind"))
        #expect(error("width,height,kind\n1,2,a\n3,,b\n", kind) == #"t.csv:3: row 2, column "height": missing value"#)
        #expect(error("width,height,kind\n1,NA,a\n", kind) == #"t.csv:2: row 1, column "height": missing value"#)
        #expect(error("width,height,kind\n1,2,a\n3,4,\n", kind) == #"t.csv:3: row 2, column "kind": missing value"#)
        #expect(error("width,height,kind\n1,2,a\n1,2,b\nx1,4,b\n", kind) == #"t.csv:4: row 3, column "width": "x1" is not a number"#)
        #expect(error("width,height,kind\n1,inf,a\n", kind) == #"t.csv:2: row 1, column "height": "inf" is not a number"#)
        #expect(error("width,height,species\n1,2,a\n", kind)
                == #"t.csv:1: column "kind": no such label column; the columns are width, height, species"#)
        #expect(error("width,kind\n1,a\n", kind)
                == #"t.csv:1: column "height": no such feature column; the columns are width, kind"#)
        #expect(error("width,height,kind\n", kind) == "t.csv: the file has a header but no rows of data")
        #expect(error("\n\n", kind) == "t.csv: the file is empty: it needs a header line of column names")
        #expect(error("width,height,kind\n1,2,a\n3,4\n", kind) == "t.csv:3: row 2: 2 fields where the header has 3")
        #expect(error("width,height,kind\n1,2,\"a\n", kind) == "t.csv:2: a quoted field is never closed")
        #expect(error("width,height,kind\n1,2,a\n3,4,a\n", kind)
                == #"t.csv: column "kind": classification needs at least 2 classes; found only a"#)
        #expect(error("width,width,kind\n1,2,a\n", kind) == #"t.csv:1: column "width": two columns have this name"#)
        #expect(error("width,height,kind\n1,2,a\n", CSVColumns(features: ["kind"], label: .classes(column: "kind")))
                == #"t.csv:1: column "kind": the label column cannot also be a feature"#)
        #expect(error("width,height,kind\n1,2,a\n3,4,b\n", CSVColumns(label: .number(column: "kind")))
                == #"t.csv:2: row 1, column "kind": "a" is not a number"#)
    }

    @Test func aClassWithNoSamplesAndAnUndeclaredClassAreErrors() {
        let declared = CSVColumns(label: .classes(column: "kind", classes: ["a", "b", "c"]))
        #expect(error("w,kind\n1,a\n2,b\n", declared) == #"t.csv: column "kind": class "c" has no samples"#)
        #expect(error("w,kind\n1,a\n2,b\n3,c\n4,d\n", declared)
                == #"t.csv:5: row 4, column "kind": "d" is not one of the classes a, b, c"#)
        #expect(error("w,kind\n1,a\n2,b\n", CSVColumns(label: .classes(column: "kind", classes: ["a", "b", "a"])))
                == #"t.csv: column "kind": class "a" is listed twice"#)
    }

    @Test func filesAreReadAndTheirPathNamedInErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepgrad-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.csv"), bad = directory.appendingPathComponent("bad.csv")
        try Data("a,b\n1,x\n2,y\n".utf8).write(to: good)
        try Data("a,b\n1,x\n?,y\n".utf8).write(to: bad)
        let columns = CSVColumns(label: .classes(column: "b"))
        #expect(try Dataset(csvFile: good.path, columns: columns).name == "good.csv")
        #expect(throws: DataError(file: bad.path, line: 3, row: 2, column: "a", message: "missing value")) {
            try Dataset(csvFile: bad.path, columns: columns)
        }
        let missing = directory.appendingPathComponent("none.csv").path
        #expect(throws: DataError(file: missing, message: "cannot read the file (does it exist?)")) {
            try Dataset(csvFile: missing, columns: columns)
        }
        try Data([0x61, 0x0A, 0xFF, 0xFE]).write(to: bad)
        #expect(throws: DataError(file: bad.path, message: "the file is not UTF-8 text")) {
            try Dataset(csvFile: bad.path, columns: columns)
        }
    }
}
