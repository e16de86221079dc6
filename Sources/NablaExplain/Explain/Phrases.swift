import NablaCore

/// The sentences of a worked solution, one table per language: adding a language is adding a
/// table. Mathematics is passed in already written (LaTeX).
struct Phrases {
    let title: String
    let functionsIntro: String
    let valuesIntro: (String) -> String
    let jacobianOf: (String) -> String
    let hessianOf: (String) -> String
    /// Before the gradient of a Hessian's target.
    let gradientFirst: String
    /// Before the Hessian, the Jacobian of that gradient.
    let hessianIsJacobian: String
    let factorJacobians: String
    let chainRule: (String) -> String
    let firstFactor: (_ outer: String, _ inner: String) -> String
    /// Instead of the product when it is too wide for the page: its two factors are above.
    let factorsApart: (_ outer: String, _ inner: String, _ second: String) -> String
    let simplifies: String
    let result: String
    let columns: String
    /// After "Hence": the result follows column by column.
    let byColumns: String
    /// "σ is the sigmoid function, whose derivative is", for a function already written.
    let isStandard: (String, ElementaryFunction) -> String

    static func table(_ language: Language) -> Phrases {
        switch language {
        case .en:
            return Phrases(
                title: "Worked solution",
                functionsIntro: "The functions are",
                valuesIntro: { "with the values \($0)." },
                jacobianOf: { "Jacobian of \($0)" },
                hessianOf: { "Hessian of \($0)" },
                gradientFirst: "The Hessian is the Jacobian of the gradient. First the gradient:",
                hessianIsJacobian: "Then the Jacobian of the gradient, the Hessian:",
                factorJacobians: "First the Jacobian of each function of the composition:",
                chainRule: { "By the chain rule, \($0):" },
                firstFactor: { outer, inner in "where the first factor is \(outer) evaluated at \(inner)." },
                factorsApart: { outer, inner, second in "The first factor is \(outer) above, evaluated at \(inner); the second, \(second), is the Jacobian above." },
                simplifies: "After simplification:",
                result: "Hence",
                columns: "The matrix is too wide for the page: it is written column by column.",
                byColumns: "column by column (the matrix is too wide for the page):",
                isStandard: { "\($0) is \(englishName($1)), whose derivative is" })
        case .fr:
            return Phrases(
                title: "Corrigé",
                functionsIntro: "Les fonctions sont",
                valuesIntro: { "avec les valeurs \($0)." },
                jacobianOf: { "Jacobienne de \($0)" },
                hessianOf: { "Hessienne de \($0)" },
                gradientFirst: "La hessienne est la jacobienne du gradient. D'abord le gradient :",
                hessianIsJacobian: "Puis la jacobienne du gradient, c'est-à-dire la hessienne :",
                factorJacobians: "Commençons par la jacobienne de chaque fonction de la composée :",
                chainRule: { "D'après la règle de dérivation en chaîne, \($0) :" },
                firstFactor: { outer, inner in "où le premier facteur est \(outer) évalué en \(inner)." },
                factorsApart: { outer, inner, second in "Le premier facteur est \(outer) ci-dessus, évalué en \(inner) ; le second, \(second), est la jacobienne ci-dessus." },
                simplifies: "Après simplification :",
                result: "D'où",
                columns: "La matrice ne tient pas sur une ligne : on l'écrit par colonne.",
                byColumns: "colonne par colonne (la matrice ne tient pas sur une ligne) :",
                isStandard: { "\($0) est \(frenchName($1)), de dérivée" })
        }
    }
}

/// What a course calls a standard function that a file may define in its own words.
private func englishName(_ f: ElementaryFunction) -> String {
    switch f {
    case .sigmoid: "the sigmoid function"
    case .tanh: "the hyperbolic tangent"
    case .sinh: "the hyperbolic sine"
    case .cosh: "the hyperbolic cosine"
    case .softplus: "the softplus function"
    case .relu: "the ReLU function"
    default: "the function \(f.rawValue)"
    }
}

private func frenchName(_ f: ElementaryFunction) -> String {
    switch f {
    case .sigmoid: "la fonction sigmoïde"
    case .tanh: "la tangente hyperbolique"
    case .sinh: "le sinus hyperbolique"
    case .cosh: "le cosinus hyperbolique"
    case .softplus: "la fonction softplus"
    case .relu: "la fonction ReLU"
    default: "la fonction \(f.rawValue)"
    }
}
