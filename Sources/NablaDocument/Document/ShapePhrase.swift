import NablaCore

/// What a diagnostic about vectors and matrices says, in English or French; every message
/// names the shapes involved.
public enum ShapePhrase: Phrasing, Equatable {
    case badDimensions(String)
    case tooManyEntries(String, limit: Int)
    /// `·`, `*` or a juxtaposition of two values whose shapes do not multiply.
    case cannotMultiply(left: [Int], right: [Int])
    case cannotAdd(left: [Int], right: [Int])
    /// Where only a scalar can go: an exponent, a denominator, an argument of `max`.
    case scalarExpected(place: Place, found: [Int])
    case entryIndexCount(String, shape: [Int], given: Int)
    case entryOutside(String, index: [Int], shape: [Int])
    case scalarHasNoEntries(String)
    case argumentShape(function: String, parameter: String, expected: [Int], given: [Int])
    case functionValueIsAMatrix(String, shape: [Int])
    case sumOfNothing

    public enum Place: Sendable, Equatable {
        case exponent, denominator, argument(of: String), expression
    }

    public func text(in language: Language) -> String {
        let fr = language == .fr
        func shape(_ s: [Int]) -> String { Shape.describe(s, in: language) }
        switch self {
        case let .badDimensions(name):
            return fr ? "la forme de \(name) s'écrit avec un ou deux entiers ≥ 1 : \(name)[3] ou \(name)[3,4]"
                : "the shape of \(name) is one or two whole numbers ≥ 1: \(name)[3] or \(name)[3,4]"
        case let .tooManyEntries(name, limit):
            return fr ? "\(name) aurait plus de \(limit) entrées" : "\(name) would have more than \(limit) entries"
        case let .cannotMultiply(left, right):
            let rule = fr ? "le nombre de colonnes à gauche doit être la longueur à droite" : "the left's columns must match the right's length"
            return fr ? "impossible de multiplier \(shape(left)) par \(shape(right)) : \(rule)"
                : "cannot multiply \(shape(left)) by \(shape(right)): \(rule)"
        case let .cannotAdd(left, right):
            return fr ? "impossible d'additionner \(shape(left)) et \(shape(right)) : les deux doivent avoir la même forme"
                : "cannot add \(shape(left)) and \(shape(right)): both must have the same shape"
        case let .scalarExpected(place, found):
            let where_: String
            switch place {
            case .exponent: where_ = fr ? "un exposant" : "an exponent"
            case .denominator: where_ = fr ? "un dénominateur" : "a denominator"
            case let .argument(f): where_ = fr ? "un argument de \(f)" : "an argument of \(f)"
            case .expression: where_ = fr ? "cette expression" : "this expression"
            }
            return fr ? "\(where_) doit être un scalaire ; ceci est \(shape(found))" : "\(where_) must be a scalar; this is \(shape(found))"
        case let .entryIndexCount(name, s, given):
            let example = s.count == 1 ? "\(name)[i]" : "\(name)[i,j]"
            return fr ? "\(name) est \(shape(s)) : une entrée prend \(s.count) indice\(s.count == 1 ? "" : "s") (\(example)), pas \(given)"
                : "\(name) is \(shape(s)): an entry takes \(s.count) ind\(s.count == 1 ? "ex" : "ices") (\(example)), not \(given)"
        case let .entryOutside(name, index, s):
            let written = "\(name)[\(index.map(String.init).joined(separator: ","))]"
            let last = "\(name)[\(s.map(String.init).joined(separator: ","))]"
            let first = "\(name)[\(s.map { _ in "1" }.joined(separator: ","))]"
            return fr ? "\(written) est hors de \(name), \(shape(s)) (de \(first) à \(last))"
                : "\(written) is outside \(name), \(shape(s)) (\(first) to \(last))"
        case let .scalarHasNoEntries(name):
            return fr ? "\(name) est un scalaire : il n'a pas d'entrées ; déclarer un vecteur en paramètre, \(name)[3]"
                : "\(name) is a scalar and has no entries; declare a vector parameter as \(name)[3]"
        case let .argumentShape(function, parameter, expected, given):
            return fr ? "\(function) prend \(parameter), \(shape(expected)), et reçoit \(shape(given))"
                : "\(function) takes \(parameter), \(shape(expected)), and is given \(shape(given))"
        case let .functionValueIsAMatrix(function, s):
            return fr ? "la valeur de \(function) est \(shape(s)) ; une fonction donne un scalaire ou un vecteur"
                : "the value of \(function) is \(shape(s)); a function gives a scalar or a vector"
        case .sumOfNothing:
            return fr ? "sum demande au moins un argument" : "sum needs at least one argument"
        }
    }
}
