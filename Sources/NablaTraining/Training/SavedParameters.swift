import Foundation
import NablaCore
import NablaDocument

/// Learnt parameters as `nabla train -o params.json` writes them, with what `nabla predict`
/// needs to use them: the feature columns in order and the classes.
///
/// ```json
/// {"target": "loss∘model", "features": ["sepal_length", …], "label": "species",
///  "encoding": {"oneHot": {"classes": ["setosa", "versicolor", "virginica"]}},
///  "parameters": [{"name": "W", "shape": [3, 4], "values": [[…], […], […]]}, {"name": "b", "shape": [3], "values": […]}]}
/// ```
public struct SavedParameters: Codable, Sendable {
    public struct Block: Codable, Sendable {
        public let name: String
        public let shape: [Int]
        /// Row-major entries.
        public let values: [Double]

        enum CodingKeys: String, CodingKey { case name, shape, values }

        init(name: String, shape: [Int], values: [Double]) { self.name = name; self.shape = shape; self.values = values }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            shape = try c.decode([Int].self, forKey: .shape)
            // A matrix is written as its rows, a vector as a list, a scalar as a number.
            if shape.count == 2 { values = try c.decode([[Double]].self, forKey: .values).flatMap { $0 } }
            else if shape.count == 1 { values = try c.decode([Double].self, forKey: .values) }
            else { values = [try c.decode(Double.self, forKey: .values)] }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(shape, forKey: .shape)
            if shape.count == 2 {
                try c.encode((0..<shape[0]).map { Array(values[($0 * shape[1])..<(($0 + 1) * shape[1])]) }, forKey: .values)
            } else if shape.count == 1 { try c.encode(values, forKey: .values) } else { try c.encode(values[0], forKey: .values) }
        }
    }

    public let target: String
    public let features: [String]
    public let label: String
    public let encoding: LabelEncoding
    public let parameters: [Block]

    /// The parameters `θ` of `composition`, learnt on data read as `data` was.
    public init(_ θ: [Double], of composition: TrainingComposition, data: Dataset) {
        target = composition.target
        features = data.featureNames
        label = data.labelColumn
        encoding = data.encoding
        var offset = 0
        parameters = composition.parameters.map { b in
            defer { offset += b.symbols.count }
            return Block(name: b.name, shape: b.shape, values: Array(θ[offset..<(offset + b.symbols.count)]))
        }
    }

    /// The parameters in the order of `composition`'s, checked against its blocks' names and shapes.
    public func values(for composition: TrainingComposition) throws(Diagnostic) -> [Double] {
        var θ: [Double] = []
        for b in composition.parameters {
            guard let saved = parameters.first(where: { $0.name == b.name }) else {
                throw Diagnostic(.missingValue, .other(DataPhrase.parametersDoNotFit("\(b.name) is missing")), at: nil)
            }
            guard saved.shape == b.shape, saved.values.count == b.symbols.count else {
                throw Diagnostic(.shapeMismatch, .other(DataPhrase.parametersDoNotFit(
                    "\(b.name) is saved as \(Shape.describe(saved.shape, in: .en)), the model's is \(Shape.describe(b.shape, in: .en))")), at: nil)
            }
            θ += saved.values
        }
        return θ
    }

    /// The parameters as JSON, one matrix row a line.
    public func json() -> String {
        func string(_ x: String) -> String {
            let data = (try? JSONEncoder().encode(x)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }
        let encodingJSON: String
        switch encoding {
        case let .oneHot(classes): encodingJSON = "{\"oneHot\": {\"classes\": \(list(classes.map(string)))}}"
        case let .binary(classes): encodingJSON = "{\"binary\": {\"classes\": \(list(classes.map(string)))}}"
        case .numeric: encodingJSON = "{\"numeric\": {}}"
        }
        let blocks = parameters.map { b -> String in
            let values: String
            switch b.shape.count {
            case 2:
                values = "[\n" + (0..<b.shape[0]).map { i in
                    "      " + list(b.values[(i * b.shape[1])..<((i + 1) * b.shape[1])].map { "\($0)" })
                }.joined(separator: ",\n") + "\n    ]"
            case 1: values = list(b.values.map { "\($0)" })
            default: values = "\(b.values[0])"
            }
            return "    {\"name\": \(string(b.name)), \"shape\": \(list(b.shape.map(String.init))), \"values\": \(values)}"
        }
        return """
            {
              "target": \(string(target)),
              "features": \(list(features.map(string))),
              "label": \(string(label)),
              "encoding": \(encodingJSON),
              "parameters": [
            \(blocks.joined(separator: ",\n"))
              ]
            }

            """
    }

    public static func read(_ data: Data) throws -> SavedParameters { try JSONDecoder().decode(SavedParameters.self, from: data) }
}
