import NablaDocument
import NablaCore

/// What a diagnostic about a sheet's mathematics says, as data: ``text(in:)`` writes it in
/// English or French.
public enum SheetPhrase: Phrasing, Equatable {
    case unclosedDelimiter(String)
    case unbalancedOpeningBrace(unclosed: Int)
    case braceClosesNothing
    case loneBackslash
    case numberTooLong
    case notUTF8
    case unexpectedCharacter(String?)
    case nestedTooDeeply(limit: Int)
    /// "expected X, found Y"; `found` nil when the text says enough.
    case expected(Expected, found: String?)
    case notSupported(Construct)
    case logarithmBase
    case pairExpectedAfter(String)
    case expressionExpectedBefore(String)
    case unknownCommand(String)
    case powerBeforeArgument(String)
    case unsupportedEnvironment(String)
    case environmentClosedBy(String, closing: String)
    case environmentNeverClosed(String)
    case emptyMatrix
    case raggedMatrix
    case matrixEntryNotAnExpression
    case matricesDoNotMultiply(rows: Int, columns: Int, byRows: Int, byColumns: Int)
    case variableNamesExpected
    case functionValuesNotAColumn
    case expressionExpected
    case functionValuesExpected
    /// `e` is a variable of the sheet, so `e^{…}` is ambiguous.
    case eIsAVariable
    /// `\det` of something other than a Jacobian.
    case determinantOfAJacobian

    /// What the reader was looking for.
    public enum Expected: Sendable, Equatable {
        case token(String)
        case closingAbsoluteValue
        case closingArguments(of: String)
        case closingComposition
        case closingSubscript
        case exponent, expression, subscriptIndex, relation, functionName
        case rowSeparator(environment: String)
    }

    /// What cannot be done with a matrix.
    public enum Construct: Sendable, Equatable {
        case sum, division, power, absoluteValue, fraction, squareRoot
        case function(String)
        case argument(of: String)
    }

    public func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case let .unclosedDelimiter(d): return fr ? "\(d) n'est jamais fermé" : "\(d) is never closed"
        case let .unbalancedOpeningBrace(n):
            return fr ? "accolade non équilibrée : ce '{' n'est jamais fermé (\(n) non fermée\(n > 1 ? "s" : ""))"
                : "unbalanced brace: this '{' is never closed (\(n) unclosed)"
        case .braceClosesNothing: return fr ? "accolade non équilibrée : ce '}' ne ferme rien" : "unbalanced brace: this '}' closes nothing"
        case .loneBackslash: return fr ? "une barre oblique inverse seule" : "a lone backslash"
        case .numberTooLong: return fr ? "nombre trop long" : "number too long"
        case .notUTF8: return fr ? "le texte n'est pas en UTF-8" : "not UTF-8 text"
        case let .unexpectedCharacter(c):
            guard let c else { return fr ? "caractère inattendu dans une formule" : "unexpected character in mathematics" }
            return fr ? "caractère inattendu '\(c)' dans une formule" : "unexpected character '\(c)' in mathematics"
        case let .nestedTooDeeply(limit):
            return fr ? "formule trop imbriquée (plus de \(limit) niveaux)" : "formula nested too deeply (more than \(limit) levels)"
        case let .expected(what, found):
            let w = what.text(in: language)
            guard let found else { return fr ? "on attendait \(w)" : "expected \(w)" }
            return fr ? "on attendait \(w) mais on trouve \(found == "the end of the formula" ? "la fin de la formule" : found)"
                : "expected \(w), found \(found)"
        case let .notSupported(construct): return construct.text(in: language)
        case .logarithmBase:
            return fr ? "la base d'un logarithme doit être un nombre ou un symbole" : "the base of a logarithm must be a number or a symbol"
        case let .pairExpectedAfter(c): return fr ? "on attendait (a, b) après \\\(c)" : "expected (a, b) after \\\(c)"
        case let .expressionExpectedBefore(c): return fr ? "on attendait une expression avant \\\(c)" : "expected an expression before \\\(c)"
        case let .unknownCommand(c): return fr ? "commande inconnue \\\(c)" : "unknown command \\\(c)"
        case let .powerBeforeArgument(name):
            return fr ? "les puissances de \\\(name) écrites avant l'argument ne sont pas lues ; écrire (\\\(name) x)^2"
                : "powers of \\\(name) written before the argument are not supported; write (\\\(name) x)^2"
        case let .unsupportedEnvironment(name):
            return fr ? "environnement \(name) non pris en charge dans une formule" : "unsupported environment \(name) inside a formula"
        case let .environmentClosedBy(name, closing):
            return fr ? "\\begin{\(name)} est fermé par \\end{\(closing)}" : "\\begin{\(name)} is closed by \\end{\(closing)}"
        case let .environmentNeverClosed(name): return fr ? "\\begin{\(name)} n'est jamais fermé" : "\\begin{\(name)} is never closed"
        case .determinantOfAJacobian:
            return fr ? "\\det se lit devant une jacobienne (\\det J_f, \\det \\nabla f)" : "\\det is read before a Jacobian (\\det J_f, \\det \\nabla f)"
        case .eIsAVariable:
            return fr ? "e est ici une variable, et e^{…} ailleurs peut désigner la constante d'Euler : dans les fonctions de e, e est lu comme la variable, "
                + "ailleurs comme la constante d'Euler"
                : "e is a variable here, and e^{…} elsewhere may mean Euler's number: inside functions of e it is read as the variable, elsewhere as Euler's number"
        case .emptyMatrix: return fr ? "cette matrice est vide" : "this matrix is empty"
        case .raggedMatrix: return fr ? "les lignes de cette matrice n'ont pas la même longueur" : "the rows of this matrix have different lengths"
        case .matrixEntryNotAnExpression: return fr ? "une entrée de matrice doit être une expression" : "a matrix entry must be an expression"
        case let .matricesDoNotMultiply(r, c, r2, c2):
            return fr ? "une matrice \(r)×\(c) ne peut pas multiplier une matrice \(r2)×\(c2)" : "a \(r)×\(c) matrix cannot multiply a \(r2)×\(c2) one"
        case .variableNamesExpected: return fr ? "on attendait les noms des variables" : "expected the names of the variables"
        case .functionValuesNotAColumn:
            return fr ? "les valeurs d'une fonction sont une colonne ou une ligne, pas une matrice" : "a function's values are a column or a row, not a matrix"
        case .expressionExpected: return fr ? "on attendait une expression" : "expected an expression"
        case .functionValuesExpected: return fr ? "on attendait les valeurs de la fonction" : "expected the values of the function"
        }
    }
}

extension SheetPhrase.Expected {
    func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case let .token(t): return t
        case .closingAbsoluteValue: return fr ? "'|' pour fermer la valeur absolue" : "'|' to close the absolute value"
        case let .closingArguments(name): return fr ? "')' après les arguments de \(name)" : "')' after the arguments of \(name)"
        case .closingComposition: return fr ? "')' après la composée" : "')' after the composition"
        case .closingSubscript: return fr ? "'}' pour fermer l'indice" : "'}' to close the subscript"
        case .exponent: return fr ? "un exposant" : "an exponent"
        case .expression: return fr ? "une expression" : "an expression"
        case .subscriptIndex: return fr ? "un indice" : "a subscript"
        case .relation: return fr ? "une relation (=, \\rightarrow, :) ou la fin de la formule" : "a relation (=, \\rightarrow, :) or the end of the formula"
        case .functionName: return fr ? "le nom d'une fonction" : "the name of a function"
        case let .rowSeparator(name): return fr ? "'&', '\\\\' ou \\end{\(name)}" : "'&', '\\\\' or \\end{\(name)}"
        }
    }
}

extension SheetPhrase.Construct {
    func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .sum: return fr ? "les sommes de matrices ne sont pas lues" : "sums of matrices are not supported"
        case .division: return fr ? "la division de matrices n'est pas lue" : "division of matrices is not supported"
        case .power: return fr ? "les puissances de matrices ne sont pas lues" : "powers of matrices are not supported"
        case .absoluteValue: return fr ? "la valeur absolue d'une matrice n'est pas lue" : "the absolute value of a matrix is not supported"
        case .fraction: return fr ? "une fraction de matrices n'est pas lue" : "a fraction of matrices is not supported"
        case .squareRoot: return fr ? "la racine carrée d'une matrice n'est pas lue" : "the square root of a matrix is not supported"
        case let .function(name): return fr ? "\\\(name) d'une matrice n'est pas lu" : "\\\(name) of a matrix is not supported"
        case let .argument(name): return fr ? "une matrice ne peut pas être un argument de \(name)" : "a matrix cannot be an argument of \(name)"
        }
    }
}

extension Diagnostic {
    /// A diagnostic about a sheet's mathematics.
    init(_ kind: Kind, _ phrase: SheetPhrase, at location: SourceLocation?, severity: Severity = .error) {
        self.init(kind, .other(phrase), at: location, severity: severity)
    }
}
