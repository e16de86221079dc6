import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `nabla train` and `nabla predict` as a user runs them, on the bundled iris example.
@Suite struct TrainCommandTests {
    let cli = EndToEndTests()

    @Test func trainsIrisAndPredictsWithTheSavedParameters() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let params = dir.appendingPathComponent("params.json").path, plot = dir.appendingPathComponent("curve.svg").path
        let r = try cli.run(["train", "Examples/iris.nabla", "--data", "Examples/iris.csv", "--label", "species", "--split", "0.25",
                             "--seed", "1", "--epochs", "500", "--format", "json", "-o", params, "--plot", plot])
        #expect(r.status == 0, "\(r.stderr)")
        let last = try #require(r.stdout.split(separator: "\n").last)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(Set(summary.keys) == ["epochs", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "seconds", "training_seconds", "stopped"])
        #expect(summary["stopped"] as? String == "converged")
        #expect((summary["test_accuracy"] as? Double ?? 0) >= 0.9)
        #expect((summary["train_loss"] as? Double ?? 9) < 0.4)
        // The same seed, the same run.
        let again = try cli.run(["train", "Examples/iris.nabla", "--data", "Examples/iris.csv", "--label", "species", "--split", "0.25",
                                 "--seed", "1", "--epochs", "500", "--format", "json"])
        let repeated = try JSONSerialization.jsonObject(with: Data(again.stdout.split(separator: "\n").last!.utf8)) as? [String: Any]
        #expect(repeated?["train_loss"] as? Double == summary["train_loss"] as? Double)
        // The picture is an SVG with both curves.
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<polyline").count == 5)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        // Predictions with the saved parameters.
        let p = try cli.run(["predict", "Examples/iris.nabla", "--params", params, "--data", "Examples/iris.csv"])
        #expect(p.status == 0, "\(p.stderr)")
        let lines = p.stdout.split(separator: "\n")
        #expect(lines.first == "p(setosa),p(versicolor),p(virginica),predicted")
        #expect(lines.count == 151)
        #expect(lines[1].hasSuffix(",setosa"))
        let species = try String(contentsOfFile: "Examples/iris.csv", encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",").last! }
        let right = zip(lines.dropFirst(), species).filter { $0.0.hasSuffix(",\($0.1)") }.count
        #expect(right >= 140)
    }

    /// `nabla solve` writes the gradient a small model trains with, and says why not for a network.
    @Test func solveWritesTheTrainingGradientOfASmallModelOnly() throws {
        let iris = try cli.run(["solve", "Examples/iris.nabla"])
        #expect(iris.status == 0 && iris.stdout.hasPrefix("∂(loss∘model)/∂W = δ·xᵀ\n"), "\(iris.stderr)")
        let network = try cli.run(["solve", "Examples/digits-mlp.nabla"])
        #expect(network.status == 2)
        #expect(network.stderr.hasPrefix("Examples/digits-mlp.nabla:6:1: error: the gradient of loss∘output∘hidden with respect to its 2410 parameters is not written out (past 256): nabla train fits it"), "\(network.stderr)")
    }

    @Test func textOutputAndItsMistakes() throws {
        let r = try cli.run(["train", "Examples/iris.nabla", "--data", "Examples/iris.csv", "--label", "species", "--epochs", "300"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Training loss∘model on iris.csv: 150 rows, no test data; classes setosa, versicolor, virginica\n15 parameters (W 3×4, b 3); lbfgs, λ = 0.01 on W\n"))
        #expect(r.stdout.contains("epoch   objective   train acc   test loss   test acc\n    0    1.098612"))
        let wrongLabel = try cli.run(["train", "Examples/iris.nabla", "--data", "Examples/iris.csv", "--label", "kind"])
        #expect(wrongLabel.status == 2)
        #expect(wrongLabel.stderr.hasPrefix("Examples/iris.csv:1:1: error: no column kind; the columns are: sepal_length, sepal_width, petal_length, petal_width, species"))
        let both = try cli.run(["train", "Examples/iris.nabla", "--data", "Examples/iris.csv", "--label", "species", "--split", "0.2", "--test", "Examples/iris.csv"])
        #expect(both.status == 2 && both.stderr.contains("give --test or --split, not both"))
        let noTrain = try cli.run(["train", "Examples/chain-rule.nabla", "--data", "Examples/iris.csv", "--label", "species"])
        #expect(noTrain.status == 2 && noTrain.stderr.contains("the file asks for no training"))
    }
}
