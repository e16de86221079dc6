/// Which lines of a sheet start an exercise, in the ways courses write them: `# Exercise 2`,
/// `## Question 3`, `**Problème 4.**`, `\section{…}`, `\subsection*{Partie B}`,
/// `\textbf{Exercice 3.}`, `\noindent\textbf{Problem 1}`, `\paragraph{Exercise 5}`.
///
/// A heading of a solution (`\subsection*{Solution}`, `## Corrigé`) continues the exercise it
/// answers, and a sentence that starts with a longer word ("Problems of this kind…") is prose.
///
/// ```swift
/// ExerciseHeading.title(of: #"\noindent\textbf{Exercice 3.} Soit f(x, y) = x y^2."#)   // "Exercice 3. Soit f(x, y) = x y^2."
/// ExerciseHeading.title(of: "## Solution")                                          // nil
/// ```
enum ExerciseHeading {
    /// The words that start an exercise, in English and French, lowercased.
    static let words = ["exercice", "exercise", "problem", "problème"]
    /// Words that start an exercise only in a heading (`## Question 2`, `\textbf{Question 2}`), not
    /// at the start of a sentence ("Question 2 asks…" stays inside its exercise).
    static let headingWords = ["question", "partie", "part"]
    /// The words of a heading that answers the exercise before it.
    static let answerWords = ["solution", "corrigé", "correction", "démonstration", "proof", "réponse", "answer", "preuve"]
    /// LaTeX commands whose argument is a heading: any title starts an exercise.
    static let sectioning = ["\\section", "\\subsection"]
    /// LaTeX commands whose argument is a heading when it starts with one of `words`.
    static let emphasis = ["\\textbf", "\\paragraph", "\\subsubsection", "\\textsc", "\\emph", "\\underline"]
    /// Spacing commands a heading line may start with.
    static let spacing = ["\\noindent", "\\medskip", "\\bigskip", "\\smallskip", "\\vspace", "\\item"]

    /// The heading's title when `line` starts an exercise, else nil.
    static func title(of line: String) -> String? {
        var text = Substring(line)
        if line.trimmed.hasPrefix("%") || line.trimmed.hasPrefix("<!--") { return nil }   // a comment
        var marked = false   // a Markdown heading or emphasis
        func trimMarks() {
            while let f = text.first, f == " " || f == "#" || f == "*" || f == "_" || f == "\t" {
                if f != " " && f != "\t" { marked = true }
                text.removeFirst()
            }
        }
        trimMarks()
        var stripped = true
        while stripped {
            stripped = false
            for command in spacing where text.hasPrefix(command) && !(text.dropFirst(command.count).first?.isLetter ?? false) {
                text = text.dropFirst(command.count)
                if text.hasPrefix("{"), let close = text.firstIndex(of: "}") { text = text[text.index(after: close)...] }   // \vspace{2mm}
                trimMarks()
                stripped = true
            }
        }
        for command in sectioning + emphasis where text.hasPrefix(command) {
            var rest = text.dropFirst(command.count)
            if rest.hasPrefix("*") { rest = rest.dropFirst() }
            guard rest.hasPrefix("{") else { continue }
            let inside = rest.dropFirst().prefix { $0 != "}" }
            let title = String(inside).trimmed
            if startsWith(answerWords, title) { return nil }
            if sectioning.contains(command) || startsWith(words + headingWords, title) { return title + rest.dropFirst(inside.count + 2) }
            return nil
        }
        let title = String(text)
        if startsWith(answerWords, title) { return nil }
        return startsWith(words, title) || (marked && startsWith(headingWords, title)) ? title : nil
    }

    /// Whether `text` starts with one of `list`, the word whole ("Problem 2", not "Problems").
    private static func startsWith(_ list: [String], _ text: String) -> Bool {
        let lower = text.lowercased()
        return list.contains { lower.hasPrefix($0) && !(lower.dropFirst($0.count).first?.isLetter ?? false) }
    }
}
