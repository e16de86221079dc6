import NablaDocument
import NablaCore

/// What a diagnostic of numeric evaluation says (`nabla eval`: points, tables, values), as data:
/// ``text(in:)`` writes it in English or French.
///
/// ```swift
/// EvaluationPhrase.noValue("x1").text(in: .fr)   // "x1 n'a pas de valeur : la donner avec --at x1=…"
/// ```
public enum EvaluationPhrase: Phrasing, Sendable, Equatable {
    /// A variable or constant without a value at a point.
    case noValue(String)
    /// A sub-expression whose value is NaN (`notANumber`) or infinite at `point` ("x = 1, y = 2").
    case invalidValue(expression: String, notANumber: Bool, point: String)
    /// A table of points without a column for `name`, which `--let` does not give either.
    case missingColumn(target: String, name: String)
    /// Several targets skipped for lack of columns (`table` is the file's name).
    case missingColumns(target: String, table: String, names: [String])
    case emptyTable(String)
    case unnamedColumn(Int)
    case cellCount(row: Int, cells: Int, header: Int)
    case notANumber(row: Int, column: String, cell: String)
    /// Values given (`--at` or `--let`) for names that no target has.
    case unknownValues(option: String, names: [String], targets: [String], symbols: [String])
    /// `--at` or `--let` with something other than NAME=VALUE.
    case expectsPairs(option: String, found: String)
    case cannotWrite(String)
    /// `--target` names no target of the file.
    case noSuchTarget(String, targets: [String])

    public func text(in language: Language) -> String {
        let fr = language == .fr
        func list(_ names: [String]) -> String { names.joined(separator: ", ") }
        switch self {
        case let .noValue(name):
            return fr ? "\(name) n'a pas de valeur : la donner avec --at \(name)=…" : "\(name) has no value: give it with --at \(name)=…"
        case let .invalidValue(expression, notANumber, point):
            if fr {
                let what = notANumber ? "n'est pas un nombre (logarithme ou racine d'un nombre négatif ?)" : "déborde ou divise par zéro"
                return "\(expression) \(what) en \(point)"
            }
            let what = notANumber ? "is not a number (a log or a root of a negative number?)" : "overflows or divides by zero"
            return "\(expression) \(what) at \(point)"
        case let .missingColumn(target, name):
            return fr ? "\(target) : les points n'ont pas de colonne \(name), et --let ne la donne pas"
                : "\(target): the points have no column \(name), and --let does not give it"
        case let .missingColumns(target, table, names):
            if fr {
                return "\(target) n'est pas évalué : \(table) n'a pas de colonne \(list(names)), et --let ne "
                    + (names.count == 1 ? "la donne pas" : "les donne pas")
            }
            return "\(target) not evaluated: \(table) has no column \(list(names)), and --let does not give " + (names.count == 1 ? "it" : "them")
        case let .emptyTable(name):
            return fr ? "\(name) est vide : on attendait une ligne d'en-tête nommant les entrées" : "\(name) is empty: expected a header naming the inputs"
        case let .unnamedColumn(k):
            return fr ? "la colonne \(k) de l'en-tête n'a pas de nom" : "column \(k) of the header has no name"
        case let .cellCount(row, cells, header):
            if fr { return "la ligne \(row) a \(cells) cellule\(cells == 1 ? "" : "s"), l'en-tête en a \(header)" }
            return "row \(row) has \(cells) cell\(cells == 1 ? "" : "s"), the header has \(header)"
        case let .notANumber(row, column, cell):
            return fr ? "ligne \(row), colonne \(column) : '\(cell)' n'est pas un nombre" : "row \(row), column \(column): '\(cell)' is not a number"
        case let .unknownValues(option, names, targets, symbols):
            if fr {
                return "\(option) donne \(list(names)), qui n'\(names.count == 1 ? "est" : "sont") ni variable ni constante de "
                    + "\(list(targets)) (leurs symboles : \(list(symbols)))"
            }
            return "\(option) gives \(list(names)), which \(names.count == 1 ? "is" : "are") no variable or constant of "
                + "\(list(targets)) (their symbols: \(list(symbols)))"
        case let .expectsPairs(option, found):
            return fr ? "\(option) attend des paires NOM=VALEUR, pas '\(found)'" : "\(option) expects NAME=VALUE pairs, got '\(found)'"
        case let .noSuchTarget(name, targets):
            return fr ? "le fichier n'a pas de cible \(name) ; ses cibles sont \(list(targets))"
                : "no target \(name) in the file; its targets are \(list(targets))"
        case let .cannotWrite(path):
            return fr ? "impossible d'écrire \(path)" : "cannot write \(path)"
        }
    }
}
