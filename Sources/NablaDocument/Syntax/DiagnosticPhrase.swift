import NablaCore

/// A message that can be said in each language; the layers above documents (sheets) give
/// theirs through it.
public protocol Phrasing: Sendable {
    func text(in language: Language) -> String
}

extension Diagnostic {
    /// What a diagnostic says, as data: ``text(in:)`` writes it in English or French.
    public indirect enum Phrase: Sendable {
        /// About a document's meaning (names, calls, compositions).
        case document(DocumentPhrase)
        /// From a layer above documents.
        case other(any Phrasing)
        /// A target left out (`--wrt` names none of its variables), and why.
        case skipped(String, because: Phrase)
        /// A target not evaluated at a point, and why.
        case notEvaluated(String, because: Phrase)
        // The lexer
        case unexpectedCharacter(String)
        case unexpectedByte(UInt8)
        case notUTF8(byte: UInt8)
        case digitExpectedAfterPoint
        case exponentTooLarge
        case numberTooLong(digits: Int)
        case malformedNumber
        // The parser
        case expected(Expected, found: Found)
        case alreadyNamed(String, at: SourceLocation)
        case parameterAlreadyNamed(String, at: SourceLocation)
        case unknownCommand(String)
        case valueNeedsLet(name: String, value: String)
        case nestedTooDeeply(limit: Int)
        /// `x/2y`: a division followed right away by a product; `numerator`, `denominator` and
        /// `next` are the pieces as written.
        case divisionThenProduct(denominator: String, next: String)

        /// What the parser was looking for.
        public enum Expected: Sendable, Equatable {
            case endOfStatement, endOfExpression, statement, parameterName, nameToGiveAValue
            case variablesAfterWrt, functionName
            case parametersOrComposition(of: String)
            case expression(after: String?)
            case closing(String)
            case closingParameters
            case closingArguments(of: String)
            case equalsAfterParameters(of: String)
            case equalsAfter(String)
            case wholeNumberInBrackets
        }

        /// What the parser found instead.
        public enum Found: Sendable, Equatable {
            case token(String)
            case endOfLine
            case endOfInput
        }

        public func text(in language: Language) -> String {
            let fr = language == .fr
            switch self {
            case let .skipped(target, why): return "\(target) \(fr ? "ignoré :" : "skipped:") " + why.text(in: language)
            case let .notEvaluated(target, why): return "\(target) \(fr ? "n'est pas évalué :" : "not evaluated:") " + why.text(in: language)
            case let .document(phrase): return phrase.text(in: language)
            case let .other(phrase): return phrase.text(in: language)
            case let .divisionThenProduct(d, next):
                return fr ? "/\(d)\(next) se lit (…/\(d))·\(next) ; écrire /(\(d)\(next)) si \(next) est au dénominateur"
                    : "/\(d)\(next) is read as (…/\(d))·\(next); write /(\(d)\(next)) if \(next) belongs in the denominator"
            case let .unexpectedCharacter(c): return fr ? "caractère inattendu \(c)" : "unexpected character \(c)"
            case let .unexpectedByte(b):
                let hex = String(b, radix: 16, uppercase: true)
                return fr ? "caractère inattendu (octet 0x\(hex))" : "unexpected character byte 0x\(hex)"
            case let .notUTF8(byte):
                let hex = String(byte, radix: 16, uppercase: true)
                return fr ? "le texte n'est pas en UTF-8 (octet 0x\(hex))" : "the input is not UTF-8 text (byte 0x\(hex))"
            case .digitExpectedAfterPoint: return fr ? "un chiffre est attendu après '.'" : "expected a digit after '.'"
            case .exponentTooLarge: return fr ? "l'exposant de ce nombre est trop grand" : "the exponent of this number is too large"
            case let .numberTooLong(digits): return fr ? "nombre de plus de \(digits) chiffres" : "number literal longer than \(digits) digits"
            case .malformedNumber: return fr ? "nombre mal formé" : "malformed number"
            case let .expected(what, found):
                return fr ? "on attendait \(what.text(in: language)) mais on trouve \(found.text(in: language))"
                    : "expected \(what.text(in: language)), found \(found.text(in: language))"
            case let .parameterAlreadyNamed(name, location):
                return fr ? "le paramètre \(name) est déjà nommé en \(location)" : "parameter \(name) is already named at \(location)"
            case let .alreadyNamed(name, location):
                return fr ? "\(name) est déjà nommé en \(location)" : "\(name) is already named at \(location)"
            case let .unknownCommand(word):
                return fr ? "commande inconnue \(word) ; les commandes sont jacobian, gradient, hessian et derivative (par exemple gradient f), "
                    + "chacune éventuellement suivie de wrt et des variables"
                    : "unknown command \(word); the commands are jacobian, gradient, hessian and derivative (e.g. gradient f), "
                    + "each optionally followed by wrt and the variables"
            case let .valueNeedsLet(name, value):
                return fr ? "pour donner une valeur à \(name), écrire : let \(name) = \(value)" : "to give \(name) a value, write: let \(name) = \(value)"
            case let .nestedTooDeeply(limit):
                return fr ? "expression trop imbriquée (plus de \(limit) niveaux)" : "expression nested too deeply (more than \(limit) levels)"
            }
        }
    }
}

extension Diagnostic.Phrase.Expected {
    func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .endOfStatement: return fr ? "la fin de l'instruction" : "the end of the statement"
        case .endOfExpression: return fr ? "la fin de l'expression" : "the end of the expression"
        case .statement:
            return fr ? "une définition (f(x) = …), 'let' ou une commande (jacobian, gradient, hessian)"
                : "a definition (f(x) = …), 'let' or a command (jacobian, gradient, hessian)"
        case .parameterName: return fr ? "un nom de paramètre" : "a parameter name"
        case .nameToGiveAValue: return fr ? "un nom auquel donner une valeur" : "a name to give a value to"
        case .variablesAfterWrt: return fr ? "les noms des variables après 'wrt'" : "the names of the variables after 'wrt'"
        case .functionName: return fr ? "le nom d'une fonction" : "the name of a function"
        case let .parametersOrComposition(name):
            return fr ? "'(' et les paramètres de \(name), ou '=' pour une composée" : "'(' and the parameters of \(name), or '=' for a composition"
        case let .expression(after):
            let place = after.map { fr ? " après \($0)" : " after \($0)" } ?? ""
            return (fr ? "une expression" : "an expression") + place
        case let .closing(symbol): return "'\(symbol)'"
        case .closingParameters: return fr ? "')' après les paramètres" : "')' after the parameters"
        case let .closingArguments(name): return fr ? "')' pour fermer les arguments de \(name)" : "')' to close the arguments of \(name)"
        case let .equalsAfterParameters(name): return fr ? "'=' après \(name)(…)" : "'=' after \(name)(…)"
        case let .equalsAfter(name): return fr ? "'=' après \(name)" : "'=' after \(name)"
        case .wholeNumberInBrackets:
            return fr ? "un nombre entier entre crochets (W[3,4] pour une matrice, x[2] pour une entrée)"
                : "a whole number in brackets (W[3,4] for a matrix, x[2] for an entry)"
        }
    }
}

extension Diagnostic.Phrase.Found {
    func text(in language: Language) -> String {
        switch self {
        case let .token(t): return t
        case .endOfLine: return language == .fr ? "la fin de la ligne" : "the end of the line"
        case .endOfInput: return language == .fr ? "la fin du texte" : "the end of the input"
        }
    }
}

extension Diagnostic.Phrase: Phrasing {}
