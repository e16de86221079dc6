import Foundation
import Testing
@testable import Nabla

/// Reading training data: CSV details, label encodings, and every way the data can fail to fit
/// the model, each with its message and place.
@Suite struct DatasetTests {
    static let model = """
        model(x[2]) = softmax(W[3,2]·x + b[3])
        loss(p[3]) = -y·log(p)
        train loss∘model wrt W, b
        """

    @Test func quotedFieldsCRLFAndBlankLines() throws {
        let table = try CSVTable(SourceText(name: "t.csv", text: "a,\"b, c\",d\r\n1,\"x \"\"y\"\"\",3\r\n\r\n4,5,6\n"))
        #expect(table.header == ["a", "b, c", "d"])
        #expect(table.rows.map(\.fields) == [["1", "x \"y\"", "3"], ["4", "5", "6"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    func message(_ csv: String, label: String = "label", model: String = DatasetTests.model, encoding: LabelEncoding? = nil) -> String {
        let source = SourceText(name: "d.csv", text: csv)
        do {
            let (c, _) = try trainingComposition(model)
            _ = try Dataset(CSVTable(source), label: label, for: c, encoding: encoding)
            return "no error"
        } catch {
            return (error as? Diagnostic)?.render(in: source) ?? "\(error)"
        }
    }

    @Test func badDataIsNamedWithItsPlace() {
        #expect(message("u,v,label\n1,2,a\n3,4\n").hasPrefix("d.csv:3:1: error: this row has 2 fields; the header has 3"))
        #expect(message("u,v,label\n1,2,a\n").hasPrefix("d.csv:1:1: error: y has 3 entries but the column label has 1 distinct values (a)"))
        #expect(message("u,v,w,label\n1,2,3,a\n").hasPrefix(
            "d.csv:1:1: error: the model takes 2 inputs (x_1, x_2) but the data has 3 columns besides the label (u, v, w)"))
        #expect(message("u,v,label\n1,oops,a\n2,3,b\n4,5,c\n").hasPrefix("d.csv:2:3: error: 'oops' is not a number (column v)"))
        #expect(message("u,v,species\n1,2,a\n", label: "label").hasPrefix("d.csv:1:1: error: no column label; the columns are: u, v, species"))
        #expect(message("u,v,label\n1,2,d\n", encoding: .oneHot(classes: ["a", "b", "c"])).hasPrefix(
            "d.csv:2:5: error: 'd' (column label) is not a class of the training data (a, b, c)"))
        #expect(message("").hasPrefix("d.csv: error: the data file is empty"))
        #expect(message("u,v,label\n").hasPrefix("d.csv:1:1: error: the data file has a header and no rows"))
        #expect(message("u,v,label\n1,2,\"a\n").hasPrefix("d.csv:2:1: error: a quote is opened and never closed"))
    }

    @Test func labelsAreEncodedAsTheLossExpects() throws {
        let (c, _) = try trainingComposition(Self.model)
        // Classes sorted as a person sorts them: numbers by value.
        let d = try dataset("u,v,label\n1,2,10\n3,4,9\n5,6,100\n", label: "label", for: c)
        #expect(d.encoding == .oneHot(classes: ["9", "10", "100"]))
        #expect(d.labels == [[0, 1, 0], [1, 0, 0], [0, 0, 1]])
        #expect(d.classIndex == [1, 0, 2])
        // A scalar label: two words are 0 and 1.
        let (neuron, _) = try trainingComposition("""
            neuron(x[2]) = sigmoid(w[2]·x + c)
            bce(q) = -y log(q) - (1 - y) log(1 - q)
            train bce∘neuron wrt w, c
            """)
        let binary = try dataset("u,v,label\n1,2,yes\n3,4,no\n", label: "label", for: neuron)
        #expect(binary.encoding == .binary(classes: ["no", "yes"]))
        #expect(binary.labels == [[1, 0]])
        let numeric = try dataset("u,v,label\n1,2,0.5\n3,4,2\n", label: "label", for: neuron)
        #expect(numeric.encoding == .numeric && numeric.labels == [[0.5, 2]])
        #expect(message("u,v,label\n1,2,a\n3,4,b\n5,6,c\n", model: """
            neuron(x[2]) = sigmoid(w[2]·x + c)
            bce(q) = -y log(q) - (1 - y) log(1 - q)
            train bce∘neuron wrt w, c
            """).contains("y is a scalar: the column label must be numeric or have two values, not 3 (a, b, c)"))
    }

    @Test func trainingStatementsThatCannotTrain() {
        func problem(_ text: String) -> String? {
            let source = SourceText(name: "t.nabla", text: text)
            do {
                let doc = try Document(source: source, derivingTraining: false)
                _ = try doc.training(doc.trainingTargets[0])
                return nil
            } catch { return error.render(in: source) }
        }
        #expect(problem("f(x[2]) = w[2]·x\ntrain f")?.hasPrefix("t.nabla:2:1: error: say what training learns: train f wrt W, b") == true)
        #expect(problem("f(x[2]) = w[2]·x + a + b\ntrain f wrt w")?.contains("several constants without a value (a, b)") == true)
        #expect(problem("f(x[2]) = (x[1], x[2])\ntrain f wrt x")?.contains("f gives 2 values; training needs a scalar loss") == true)
        #expect(problem("let c = 1\nf(x[2]) = w[2]·x + c\ntrain f wrt w, c")?.contains("c has a value (let) and cannot be learnt") == true)
    }
}
