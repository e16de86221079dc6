import NablaCore

/// What a diagnostic about a document's meaning says (names, calls, compositions, variables),
/// as data: ``text(in:)`` writes it in English or French.
public enum DocumentPhrase: Sendable, Equatable {
    case definedInTermsOfItself(String)
    case compositionDefinedInTermsOfItself(String)
    case tupleInExpression(count: Int)
    case isAFunction(String)
    case notAFunction(String)
    case divisionByZero
    case givesSeveralValues(String, count: Int)
    case undefinedExpression
    case undefinedAtArguments(String)
    case needsAnArgument(String)
    /// `expected` is "1", "2", "1 or 2" or a count.
    case argumentCount(String, expected: String, given: Int)
    case unknownFunction(String, meant: String?, builtins: [String])
    case runTogetherName(String, meant: String)
    case builtinNeedsAnInnerFunction(String)
    case twoArgumentsNotALink(String)
    case noSuchTarget(String, defined: [String])
    case quantityHasNoVariable(String)
    case quantityInComposition(String)
    case tooManyLinks(limit: Int)
    case cannotCompose(outer: String, inner: String, takes: Int, gives: Int)
    case nameClash(String, constantIn: String, variableOf: String)
    case needsAScalar(command: String, target: String, components: Int)
    case targetUndefined(String)
    case variableHasAValue(String)
    case variableOfAnInnerFunction(String, function: String, target: String, inputs: [String], constants: [String])
    case notInTarget(String, target: String, inputs: [String], constants: [String])
    case nothingToCompute(defined: [String], example: String)
    case inputTooLarge(bytes: Int, limit: Int)
    case nulByte
    case notAVariableName(String)
    case variableNamedTwice(String)
    case noVariable
    case noExpression
    case hashInExpression
    case expressionOnSeveralLines(Int)
    case timeLimit(seconds: Double, Budget.Activity)
    case cancelled(Budget.Activity)

    public func text(in language: Language) -> String {
        let fr = language == .fr
        func list(_ names: [String]) -> String { names.joined(separator: ", ") }
        func plural(_ n: Int, _ en: String, _ frWord: String) -> String { "\(n) \(fr ? frWord : en)\(n == 1 ? "" : "s")" }
        switch self {
        case let .definedInTermsOfItself(f): return fr ? "\(f) est défini à partir de lui-même" : "\(f) is defined in terms of itself"
        case let .compositionDefinedInTermsOfItself(f):
            return fr ? "la composée \(f) est définie à partir d'elle-même" : "the composition \(f) is defined in terms of itself"
        case let .tupleInExpression(n):
            return fr ? "un n-uplet de \(n) valeurs ne peut pas servir dans une expression" : "a tuple of \(n) values cannot be used inside an expression"
        case let .isAFunction(f):
            return fr ? "\(f) est une fonction : écrire \(f)(…), la parenthèse juste après le nom"
                : "\(f) is a function: write \(f)(…) with parentheses right after the name"
        case let .notAFunction(n):
            return fr ? "\(n) n'est pas une fonction ; pour un produit, écrire \(n)*(…)" : "\(n) is not a function; for a product write \(n)*(…)"
        case .divisionByZero: return fr ? "division par zéro" : "division by zero"
        case let .givesSeveralValues(f, n):
            return fr ? "\(f) donne \(n) valeurs ; une expression n'en accepte qu'une" : "\(f) gives \(n) values; only a single value can be used inside an expression"
        case .undefinedExpression:
            return fr ? "cette expression n'est pas définie (une division par zéro ou le log d'un nombre ≤ 0)"
                : "this expression is undefined (a division by zero or the log of a number ≤ 0)"
        case let .undefinedAtArguments(f):
            return fr ? "\(f) n'est pas définie en ces arguments (une division par zéro ou le log d'un nombre ≤ 0)"
                : "\(f) is undefined at these arguments (a division by zero or the log of a number ≤ 0)"
        case let .needsAnArgument(f): return fr ? "\(f) demande au moins un argument" : "\(f) needs at least one argument"
        case let .argumentCount(f, expected, given):
            let one = expected == "1"
            return fr ? "\(f) prend \(expected == "1 or 2" ? "1 ou 2" : expected) argument\(one ? "" : "s"), pas \(given)"
                : "\(f) takes \(expected) argument\(one ? "" : "s"), not \(given)"
        case let .unknownFunction(f, meant, builtins):
            if let meant { return fr ? "fonction inconnue \(f) ; vouliez-vous dire \(meant) ?" : "unknown function \(f); did you mean \(meant)?" }
            return fr ? "fonction inconnue \(f) ; la définir (\(f)(x) = …) ou utiliser : \(list(builtins))"
                : "unknown function \(f); define it (\(f)(x) = …) or use one of: \(list(builtins))"
        case let .runTogetherName(symbol, meant):
            return fr ? "\(symbol) est lu comme un seul symbole constant ; vouliez-vous dire \(meant) ?"
                : "\(symbol) is read as one constant symbol; did you mean \(meant)?"
        case let .builtinNeedsAnInnerFunction(f):
            return fr ? "\(f) prend un nombre quelconque d'arguments ; la composer avec une fonction définie pour fixer ses variables"
                : "\(f) is a builtin of any number of arguments; compose it with a defined function to fix its variables"
        case let .twoArgumentsNotALink(f):
            return fr ? "\(f) prend deux arguments : elle ne peut pas être un maillon d'une composée ; définir une fonction qui l'appelle"
                : "\(f) takes two arguments: it cannot be a link of a composition; define a function that calls it"
        case let .noSuchTarget(name, defined):
            let known = defined.isEmpty ? "" : (fr ? " (définies : \(list(defined)))" : " (defined: \(list(defined)))")
            return (fr ? "aucune fonction ni composée ne s'appelle \(name)" : "no function or composition named \(name)") + known
        case let .tooManyLinks(limit):
            return fr ? "la composée a plus de \(limit) fonctions" : "the composition has more than \(limit) functions"
        case let .cannotCompose(outer, inner, takes, gives):
            return fr ? "impossible de composer \(outer) avec \(inner) : \(outer) prend \(plural(takes, "argument", "argument")) mais \(inner) donne \(plural(gives, "value", "valeur"))"
                : "cannot compose \(outer) with \(inner): \(outer) takes \(plural(takes, "argument", "argument")) but \(inner) gives \(plural(gives, "value", "valeur"))"
        case let .nameClash(name, outer, inner):
            return fr ? "\(name) est une constante de \(outer) mais une variable de \(inner) ; renommer l'une des deux"
                : "\(name) is a constant in \(outer) but a variable of \(inner); rename one of them"
        case let .needsAScalar(command, target, n):
            return fr ? "\(command) demande une fonction scalaire, mais \(target) a \(n) composantes ; utiliser jacobian"
                : "\(command) needs a scalar function, but \(target) has \(n) components; use jacobian"
        case let .targetUndefined(target):
            return fr ? "\(target) n'est pas définie (une division par zéro ou le log d'un nombre ≤ 0 dans la composée)"
                : "\(target) is undefined (a division by zero or the log of a number ≤ 0 in the composition)"
        case let .variableHasAValue(name):
            return fr ? "\(name) a une valeur (donnée par let) ; ce ne peut pas être aussi une variable" : "\(name) has a value (given with let); it cannot also be a variable"
        case let .variableOfAnInnerFunction(name, function, target, inputs, constants):
            return fr ? "\(name) est un paramètre de \(function) dans \(target), pas un symbole de \(target) ; \(Self.known(inputs, constants, fr: true))"
                : "\(name) is a parameter of \(function) inside \(target), not a symbol of \(target); \(Self.known(inputs, constants, fr: false))"
        case let .notInTarget(name, target, inputs, constants):
            return fr ? "\(name) n'apparaît pas dans \(target) ; \(Self.known(inputs, constants, fr: true))"
                : "\(name) does not appear in \(target); \(Self.known(inputs, constants, fr: false))"
        case let .nothingToCompute(defined, example):
            let what = defined.isEmpty ? (fr ? "il ne définit aucune fonction" : "it defines no function")
                : (fr ? "il définit \(list(defined))" : "it defines \(list(defined))")
            return fr ? "rien à calculer : \(what) ; ajouter une commande comme \(example) (ou gradient, hessian)"
                : "nothing to compute: \(what); add a command such as \(example) (or gradient, hessian)"
        case let .inputTooLarge(bytes, limit):
            return fr ? "le texte fait \(bytes) octets ; la limite est \(limit)" : "the input is \(bytes) bytes; the limit is \(limit)"
        case .nulByte: return fr ? "ce n'est pas du texte (un octet NUL)" : "the input is not text (a NUL byte)"
        case let .notAVariableName(v): return fr ? "'\(v)' n'est pas un nom de variable" : "'\(v)' is not a variable name"
        case let .variableNamedTwice(v): return fr ? "la variable \(v) est nommée deux fois" : "the variable \(v) is named twice"
        case let .quantityHasNoVariable(q):
            return fr ? "\(q) ne dépend d'aucune variable : toutes ses valeurs sont données"
                : "\(q) depends on no variable: every value it uses is given"
        case let .quantityInComposition(q):
            return fr ? "\(q) est une grandeur (\(q) = …), pas une fonction : demander derivative \(q) wrt …, sans ∘"
                : "\(q) is a quantity (\(q) = …), not a function: ask for derivative \(q) wrt …, without ∘"
        case .noVariable: return fr ? "aucune variable donnée" : "no variable given"
        case .noExpression: return fr ? "aucune expression donnée" : "no expression given"
        case .hashInExpression:
            return fr ? "'#' ne fait pas partie de la syntaxe (dans un fichier, il commence un commentaire)"
                : "'#' is not part of the syntax (in a file it starts a comment)"
        case let .timeLimit(seconds, activity):
            let s = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return fr ? "arrêté après \(s) s pendant \(activity.text(in: language)) (la limite de temps ; voir --timeout)"
                : "stopped after \(s) s while \(activity.text(in: language)) (the time limit; see --timeout)"
        case let .cancelled(activity):
            return fr ? "annulé pendant \(activity.text(in: language))" : "cancelled while \(activity.text(in: language))"
        case let .expressionOnSeveralLines(n):
            return fr ? "l'expression \(n) tient sur plusieurs lignes ; donner chaque composante comme un argument"
                : "expression \(n) spans several lines; give each component as an argument of its own"
        }
    }

    /// "its inputs are x1, x2 and its constants w11, w12".
    private static func known(_ inputs: [String], _ constants: [String], fr: Bool) -> String {
        let i = inputs.joined(separator: ", "), c = constants.joined(separator: ", ")
        if fr { return "ses entrées sont \(i)" + (constants.isEmpty ? "" : " et ses constantes \(c)") }
        return "its inputs are \(i)" + (constants.isEmpty ? "" : " and its constants \(c)")
    }
}

extension Diagnostic {
    /// A diagnostic about a document's meaning.
    public init(_ kind: Kind, _ phrase: DocumentPhrase, at location: SourceLocation?, severity: Severity = .error) {
        self.init(kind, .document(phrase), at: location, severity: severity)
    }
}
