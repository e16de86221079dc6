/// How a label column becomes the label y of a loss.
///
/// - a vector y of k entries: the k distinct values of the column, sorted, one-hot encoded;
/// - a scalar y and a numeric column: the value itself (regression, or 0/1 classes);
/// - a scalar y and a column of two words: the first in sorted order is 0, the second 1.
public enum LabelEncoding: Sendable, Equatable, Codable {
    case oneHot(classes: [String])
    case binary(classes: [String])
    case numeric

    /// The class names, for a classification.
    public var classes: [String]? {
        switch self {
        case let .oneHot(c), let .binary(c): c
        case .numeric: nil
        }
    }

    /// Sorts labels as a person would: numbers by value, then words.
    static func sorted(_ values: Set<String>) -> [String] {
        values.sorted { a, b in
            switch (Double(a), Double(b)) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a < b
            }
        }
    }
}
