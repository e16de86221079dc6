import NablaCore

/// What a diagnostic about a `train` statement says, in English or French.
public enum TrainingPhrase: Phrasing, Equatable {
    case needsParameters(target: String)
    case needsAScalarLoss(target: String, components: Int)
    case innermostIsNotDefined(String)
    case severalLabels([String])
    case noTrainingTarget(example: String)
    case parameterHasAValue(String)
    case gradientNotWritten(target: String, parameters: Int, limit: Int)

    public func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case let .needsParameters(target):
            return fr ? "dire ce que l'entraînement apprend : train \(target) wrt W, b" : "say what training learns: train \(target) wrt W, b"
        case let .needsAScalarLoss(target, n):
            return fr ? "\(target) donne \(n) valeurs ; on entraîne une perte scalaire" : "\(target) gives \(n) values; training needs a scalar loss"
        case let .innermostIsNotDefined(name):
            return fr ? "la fonction la plus intérieure, \(name), doit être définie dans le fichier avec ses entrées, par exemple model(x[4]) = …"
                : "the innermost function, \(name), must be defined in the file with its inputs, e.g. model(x[4]) = …"
        case let .severalLabels(names):
            let list = names.joined(separator: ", ")
            return fr ? "la perte a plusieurs constantes sans valeur (\(list)) ; une seule est l'étiquette donnée par les données : donner une valeur aux autres avec let, ou les apprendre (wrt)"
                : "the loss has several constants without a value (\(list)); only one can be the label the data gives: give the others a value with let, or learn them (wrt)"
        case let .noTrainingTarget(example):
            return fr ? "le fichier ne demande aucun entraînement ; ajouter par exemple : \(example)" : "the file asks for no training; add for example: \(example)"
        case let .gradientNotWritten(target, n, limit):
            return fr ? "le gradient de \(target) par rapport à ses \(n) paramètres n'est pas écrit (au-delà de \(limit)) : nabla train l'apprend ; gradient \(target) wrt … l'écrit"
                : "the gradient of \(target) with respect to its \(n) parameters is not written out (past \(limit)): nabla train fits it; gradient \(target) wrt … writes it"
        case let .parameterHasAValue(name):
            return fr ? "\(name) a une valeur (let) : il ne peut pas être appris" : "\(name) has a value (let) and cannot be learnt"
        }
    }
}
