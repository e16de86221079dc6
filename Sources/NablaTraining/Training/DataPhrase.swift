import NablaCore
import NablaDocument

/// What a diagnostic about training data says, in English or French.
public enum DataPhrase: Phrasing, Equatable {
    case empty, noRows, unclosedQuote
    case fieldCount(header: Int, row: Int)
    case noLabelColumn(String, header: [String])
    case featureCount(inputs: [String], columns: [String])
    case notANumber(String, column: String)
    case classCount(label: String, entries: Int, column: String, classes: [String])
    case unknownClass(String, column: String, classes: [String])
    case labelNotNumeric(label: String, column: String, classes: [String])
    case noLabel(target: String)
    case splitOutOfRange(Double)
    case tooFewRows(Int)
    case parametersDoNotFit(String)

    public func text(in language: Language) -> String {
        let fr = language == .fr
        func list(_ names: [String]) -> String { names.joined(separator: ", ") }
        switch self {
        case .empty: return fr ? "le fichier de données est vide" : "the data file is empty"
        case .noRows: return fr ? "le fichier de données n'a qu'un en-tête, aucune ligne" : "the data file has a header and no rows"
        case .unclosedQuote: return fr ? "guillemet ouvert jamais fermé" : "a quote is opened and never closed"
        case let .fieldCount(header, row):
            return fr ? "cette ligne a \(row) champs, l'en-tête en a \(header)" : "this row has \(row) fields; the header has \(header)"
        case let .noLabelColumn(name, header):
            return fr ? "pas de colonne \(name) ; les colonnes sont : \(list(header))" : "no column \(name); the columns are: \(list(header))"
        case let .featureCount(inputs, columns):
            return fr ? "le modèle prend \(inputs.count) entrées (\(list(inputs))) mais les données ont \(columns.count) colonnes hors étiquette (\(list(columns)))"
                : "the model takes \(inputs.count) inputs (\(list(inputs))) but the data has \(columns.count) columns besides the label (\(list(columns)))"
        case let .notANumber(value, column):
            return fr ? "« \(value) » n'est pas un nombre (colonne \(column))" : "'\(value)' is not a number (column \(column))"
        case let .classCount(label, entries, column, classes):
            return fr ? "\(label) a \(entries) entrées mais la colonne \(column) a \(classes.count) valeurs distinctes (\(list(classes)))"
                : "\(label) has \(entries) entries but the column \(column) has \(classes.count) distinct values (\(list(classes)))"
        case let .unknownClass(value, column, classes):
            return fr ? "« \(value) » (colonne \(column)) n'est pas une classe des données d'entraînement (\(list(classes)))"
                : "'\(value)' (column \(column)) is not a class of the training data (\(list(classes)))"
        case let .labelNotNumeric(label, column, classes):
            return fr ? "\(label) est un scalaire : la colonne \(column) doit être numérique ou avoir deux valeurs, pas \(classes.count) (\(list(classes.prefix(5).map { $0 })))"
                : "\(label) is a scalar: the column \(column) must be numeric or have two values, not \(classes.count) (\(list(classes.prefix(5).map { $0 })))"
        case let .noLabel(target):
            return fr ? "la perte de \(target) n'a pas d'étiquette (une constante que les données donnent, comme y)"
                : "the loss of \(target) has no label (a constant the data gives, such as y)"
        case let .splitOutOfRange(f):
            return fr ? "--split doit être entre 0 et 1 (exclus), pas \(f)" : "--split must be between 0 and 1 (exclusive), not \(f)"
        case let .tooFewRows(n):
            return fr ? "\(n) lignes ne suffisent pas pour séparer entraînement et test" : "\(n) rows are too few to split into training and test data"
        case let .parametersDoNotFit(why):
            return fr ? "les paramètres ne vont pas avec ce modèle : \(why)" : "the parameters do not fit this model: \(why)"
        }
    }
}
