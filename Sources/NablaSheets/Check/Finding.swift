import NablaCore

/// The languages Nabla writes in.

/// What the checker found about a claim or one of its entries, independent of language:
/// ``text(in:)`` says it in English or French.
public enum Finding: Sendable, Equatable {
    /// One term of an exponent, as written in the claim and in the answer ("+2x_2", "no x_1 term" is nil).
    public struct ExponentTerm: Sendable, Equatable {
        public let claimed: String?
        public let expected: String?
    }

    // About one entry.
    case signError
    case exponentTerms([ExponentTerm], factorClaimed: String?, factorExpected: String?)
    case constantFactor(String)
    /// claimed · factor = expected: "the factor a_1 is missing".
    case missingFactor(String)
    /// claimed = factor · expected.
    case extraFactor(String)
    case symbols(extra: [String], missing: [String])
    case missingInnerDerivative(outer: String, inner: String, argument: Int)
    /// A term of a chain-rule sum left out: "∂z/∂y·∂y/∂s".
    case missingTerm(String)
    /// A chain-rule sum with a term that has no path behind it.
    case extraTerm(String)

    // About a whole claim.
    case entriesWrong(wrong: Int, of: Int)
    case everySignWrong
    case transposed
    case transposedShape(target: String, rows: Int, columns: Int, claimedRows: Int, claimedColumns: Int)
    case shape(target: String, rows: Int, columns: Int, claimedRows: Int, claimedColumns: Int)
    case columnOutOfRange(target: String, columns: Int, column: Int)
    case columnLength(column: Int, expected: Int, claimed: Int)
    case wrongOrder(outer: String, inner: String)
    case outerAtX(outer: String, inner: String)
    case innerFactorMissing(outer: String, inner: String)
    case notComputable(target: String, reason: String)
    case notAVariable(variable: String, target: String, variables: [String])
    case unreadable(reason: String)
    case undecided(count: Int)
    case evaluatedElsewhere
    case foreignSymbols([String])
    case brokenLink
    case wrongFactor(position: Int, name: String, expected: String)
    case ambiguousE
    /// Equal where the variables are positive only (`√(r²)` against `r`): not judged, since a
    /// stated domain (r > 0) is not read.
    case positiveValuesOnly
    case hessianNotRead

    public func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .signError:
            return fr ? "erreur de signe : l'entrée est l'opposée de celle attendue" : "sign error: the claimed entry is the opposite of the expected one"
        case let .exponentTerms(terms, factorClaimed, factorExpected):
            var parts = terms.map { t -> String in
                let c = t.claimed ?? (fr ? "aucun terme" : "no term"), e = t.expected ?? (fr ? "aucun terme" : "no term")
                return fr ? "l'exposant contient \(c), au lieu de \(e)" : "the exponent has \(c), expected \(e)"
            }
            if let c = factorClaimed, let e = factorExpected {
                parts.append(fr ? "et le facteur devant est \(c) au lieu de \(e)" : "and the factor in front is \(c), expected \(e)")
            }
            return parts.joined(separator: "; ")
        case let .constantFactor(k):
            return fr ? "décalé d'un facteur \(k)" : "off by a factor of \(k)"
        case .positiveValuesOnly:
            return fr ? "égal là où les variables sont positives, pas ailleurs : un domaine annoncé (r > 0) n'est pas lu, donc rien n'est jugé"
                : "equal where the variables are positive, not elsewhere: a stated domain (r > 0) is not read, so this is not judged"
        case let .missingFactor(f):
            return fr ? "il manque le facteur \(f)" : "the factor \(f) is missing"
        case let .missingTerm(t):
            return fr ? "il manque le terme \(t) de la somme de la règle de dérivation en chaîne" : "the term \(t) of the chain-rule sum is missing"
        case let .extraTerm(t):
            return fr ? "le terme \(t) ne correspond à aucun chemin de la règle de dérivation en chaîne" : "the term \(t) follows no path of the chain rule"
        case let .extraFactor(f):
            return fr ? "le facteur \(f) est en trop" : "it has an extra factor \(f)"
        case let .symbols(extra, missing):
            var parts: [String] = []
            if !extra.isEmpty {
                parts.append(fr ? "contient \(extra.joined(separator: ", ")), absent de la réponse" : "it has \(extra.joined(separator: ", ")), which the answer does not")
            }
            if !missing.isEmpty { parts.append(fr ? "il manque \(missing.joined(separator: ", "))" : "it lacks \(missing.joined(separator: ", "))") }
            return parts.joined(separator: "; ")
        case let .missingInnerDerivative(outer, inner, argument):
            return fr ? "c'est ∂\(outer)/∂(argument \(argument)) en \(inner)(x) sans la dérivée intérieure ∂\(inner)/∂x"
                : "this is ∂\(outer)/∂(argument \(argument)) at \(inner)(x) without the inner derivative ∂\(inner)/∂x"
        case let .entriesWrong(wrong, of):
            if of == 1 { return fr ? "l'entrée est fausse" : "the entry is wrong" }
            return fr ? "\(wrong) entrée\(wrong > 1 ? "s" : "") sur \(of) fausse\(wrong > 1 ? "s" : "")"
                : "\(wrong) of \(of) entries \(wrong == 1 ? "is" : "are") wrong"
        case .everySignWrong:
            return fr ? "toutes les entrées ont le mauvais signe" : "every entry has the wrong sign"
        case .transposed:
            return fr ? "la matrice est transposée (lignes et colonnes échangées)" : "the matrix is transposed (rows and columns swapped)"
        case let .transposedShape(target, rows, columns, claimedRows, claimedColumns):
            return fr ? "la matrice est transposée : la jacobienne de \(target) est \(rows)×\(columns) (une ligne par sortie), la réponse est \(claimedRows)×\(claimedColumns)"
                : "the matrix is transposed: the Jacobian of \(target) is \(rows)×\(columns) (one row per output), the claim is \(claimedRows)×\(claimedColumns)"
        case let .shape(target, rows, columns, claimedRows, claimedColumns):
            return fr ? "la jacobienne de \(target) est \(rows)×\(columns), la réponse est \(claimedRows)×\(claimedColumns)"
                : "the Jacobian of \(target) is \(rows)×\(columns), the claim is \(claimedRows)×\(claimedColumns)"
        case let .columnOutOfRange(target, columns, column):
            return fr ? "la jacobienne de \(target) a \(columns) colonnes, pas \(column)" : "the Jacobian of \(target) has \(columns) columns, not \(column)"
        case let .columnLength(column, expected, claimed):
            return fr ? "la colonne \(column) a \(expected) entrées, la réponse en a \(claimed)" : "column \(column) has \(expected) entries, the claim has \(claimed)"
        case let .wrongOrder(outer, inner):
            return fr ? "les facteurs de la règle de dérivation en chaîne sont dans le mauvais ordre : ∇\(inner) · ∇\(outer) au lieu de ∇\(outer)(\(inner)(x)) · ∇\(inner)(x)"
                : "the chain-rule factors are multiplied in the wrong order: ∇\(inner) · ∇\(outer) instead of ∇\(outer)(\(inner)(x)) · ∇\(inner)(x)"
        case let .outerAtX(outer, inner):
            return fr ? "∇\(outer) est évalué en x au lieu de \(inner)(x)" : "∇\(outer) is evaluated at x instead of at \(inner)(x)"
        case let .innerFactorMissing(outer, inner):
            return fr ? "c'est ∇\(outer) en \(inner)(x) seul : il manque le facteur ∇\(inner)(x)"
                : "this is ∇\(outer) at \(inner)(x) alone: the inner factor ∇\(inner)(x) is missing"
        case let .notComputable(target, reason):
            return fr ? "la jacobienne de \(target) n'a pas pu être calculée : \(reason)" : "the Jacobian of \(target) could not be computed: \(reason)"
        case let .notAVariable(variable, target, variables):
            return fr ? "\(variable) n'est pas une variable de \(target) (ses variables : \(variables.joined(separator: ", ")))"
                : "\(variable) is not a variable of \(target) (its variables: \(variables.joined(separator: ", ")))"
        case let .unreadable(reason):
            return fr ? "la valeur annoncée n'a pas pu être lue : \(reason)" : "could not read the claimed value: \(reason)"
        case .evaluatedElsewhere:
            return fr ? "la jacobienne est évaluée en un point que le vérificateur ne suit pas encore" : "the Jacobian is evaluated at a point the checker does not follow yet"
        case let .foreignSymbols(names):
            return fr ? "utilise \(names.joined(separator: ", ")), qui n'est ni une variable ni une constante de la fonction (évaluée ailleurs ?)"
                : "uses \(names.joined(separator: ", ")), which is neither a variable nor a constant of the function (evaluated elsewhere?)"
        case let .wrongFactor(position, name, expected):
            let which = fr ? (position == 1 ? "le premier facteur" : "le second facteur") : (position == 1 ? "the first factor" : "the second factor")
            return fr ? "\(which), \(name), est faux : il vaut \(expected)" : "\(which), \(name), is wrong: it is \(expected)"
        case .hessianNotRead:
            return fr ? "les affirmations sur une hessienne ne sont pas encore vérifiées" : "claims about a Hessian are not checked yet"
        case .ambiguousE:
            return fr ? "e est ici une variable : e^{…} peut désigner la variable ou le nombre d'Euler, la réponse n'est pas jugée"
                : "e is a variable here: e^{…} may mean the variable or Euler's number, so the answer is not judged"
        case .brokenLink:
            return fr ? "cette étape n'est pas égale à la précédente, qui était juste" : "this step does not equal the previous one, which was right"
        case let .undecided(count):
            return fr ? "\(count) entrée\(count > 1 ? "s" : "") n'ont pas pu être évaluées en assez de points" : "\(count) entries could not be evaluated at enough points"
        }
    }
}
