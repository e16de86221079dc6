import Nabla

/// The words of the page, one table per language.
struct PageText {
    let title: String
    let tagline: String
    let textLabel: String
    let fileLabel: String
    let examples: String
    let solve: String
    let steps: String
    let check: String
    let send: String
    let shortcut: String
    let result: String
    let download: String
    let problem: String
    let tooLarge: (_ limit: Int) -> String
    let busy: String
    let notFound: String
    let otherLanguage: (href: String, name: String)

    static func table(_ language: Language) -> PageText {
        switch language {
        case .en:
            return PageText(
                title: "Nabla: the chain rule, solved and checked",
                tagline: "Paste a .nabla file or a LaTeX/Markdown sheet: get its Jacobians, the worked solution, or the corrected copy of a worked solution.",
                textLabel: "Exercise or worked solution", fileLabel: "or a file (.nabla, .tex, .md)", examples: "Examples:",
                solve: "Solve", steps: "Worked solution", check: "Check", send: "Go",
                shortcut: "Ctrl+Enter sends the form.", result: "Result", download: "Download:",
                problem: "Nabla could not use this input",
                tooLarge: { "The text is larger than \($0 / 1024) KiB: send a shorter one." },
                busy: "The server is busy: try again in a moment.", notFound: "No such page.",
                otherLanguage: ("?lang=fr", "Français"))
        case .fr:
            return PageText(
                title: "Nabla : la règle de dérivation en chaîne, résolue et vérifiée",
                tagline: "Collez un fichier .nabla ou une feuille LaTeX/Markdown : ses jacobiennes, le corrigé rédigé, ou la copie corrigée d'une solution.",
                textLabel: "Exercice ou solution rédigée", fileLabel: "ou un fichier (.nabla, .tex, .md)", examples: "Exemples :",
                solve: "Résoudre", steps: "Corrigé rédigé", check: "Vérifier", send: "Envoyer",
                shortcut: "Ctrl+Entrée envoie le formulaire.", result: "Résultat", download: "Télécharger :",
                problem: "Nabla n'a pas pu utiliser ce texte",
                tooLarge: { "Le texte dépasse \($0 / 1024) Kio : envoyez-en un plus court." },
                busy: "Le serveur est occupé : réessayez dans un instant.", notFound: "Cette page n'existe pas.",
                otherLanguage: ("?lang=en", "English"))
        }
    }

    func label(_ action: Job.Action) -> String {
        switch action {
        case .solve: solve
        case .steps: steps
        case .check: check
        }
    }
}
