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
    /// Before the gradient cut into blocks shaped like its vector and matrix variables.
    let byBlocks: String
    /// "where δ, the derivative with respect to W·x, is", before δ's column (both pieces written
    /// as inline mathematics).
    let deltaIs: (_ delta: String, _ layer: String) -> String
    /// "where δ = p − y, with p = model(x)"; with the sum of the label, "…: p − y for a one-hot y".
    let deltaInOutputs: (_ equation: String, _ output: String, _ oneHot: String?) -> String
    let columns: String
    /// After "Hence": the result follows column by column.
    let byColumns: String
    /// "σ is the sigmoid function, whose derivative is", for a function already written.
    let isStandard: (String, ElementaryFunction) -> String
    /// "Partial derivatives of z with respect to s and t" (for one variable, "Derivative").
    let derivativesOf: (String, [String]) -> String
    let quantitiesIntro: String
    let variablesAre: ([String]) -> String
    let partialsIntro: String
    let leibnizIntro: String

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
                byBlocks: "Arranged like the variables, block by block:",
                deltaIs: { "where \($0), the derivative with respect to \($1), is" },
                deltaInOutputs: { equation, output, oneHot in "where \(equation), with \(output)" + (oneHot.map { ": \($0) for a one-hot label." } ?? ".") },
                columns: "The matrix is too wide for the page: it is written column by column.",
                byColumns: "column by column (the matrix is too wide for the page):",
                isStandard: { "\($0) is \(englishName($1)), whose derivative is" },
                derivativesOf: { q, v in "\(v.count == 1 ? "Derivative" : "Partial derivatives") of \(q) with respect to \(listed(v, and: "and"))" },
                quantitiesIntro: "The quantities are",
                variablesAre: { v in v.count == 1 ? "and the variable is \(v[0])." : "and the independent variables are \(listed(v, and: "and"))." },
                partialsIntro: "First the partial derivative of each quantity with respect to what it is written in:",
                leibnizIntro: "By the chain rule, summing over the paths to each variable, then writing the result in the variables:")
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
                byBlocks: "Rangé comme les variables, bloc par bloc :",
                deltaIs: { "où \($0), la dérivée par rapport à \($1), vaut" },
                deltaInOutputs: { equation, output, oneHot in "où \(equation), avec \(output)" + (oneHot.map { " : \($0) pour une étiquette one-hot." } ?? ".") },
                columns: "La matrice ne tient pas sur une ligne : on l'écrit par colonne.",
                byColumns: "colonne par colonne (la matrice ne tient pas sur une ligne) :",
                isStandard: { "\($0) est \(frenchName($1)), de dérivée" },
                derivativesOf: { q, v in "\(v.count == 1 ? "Dérivée" : "Dérivées partielles") de \(q) par rapport à \(listed(v, and: "et"))" },
                quantitiesIntro: "Les grandeurs sont",
                variablesAre: { v in v.count == 1 ? "et la variable est \(v[0])." : "et les variables indépendantes sont \(listed(v, and: "et"))." },
                partialsIntro: "D'abord la dérivée partielle de chaque grandeur par rapport à ce en quoi elle s'écrit :",
                leibnizIntro: "D'après la règle de dérivation en chaîne, en sommant sur les chemins vers chaque variable, puis en écrivant le résultat en fonction des variables :")
        }
    }
}

/// `s`, `s and t`, `r, s and t`.
private func listed(_ items: [String], and word: String) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
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
