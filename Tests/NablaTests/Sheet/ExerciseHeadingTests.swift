import Testing
@testable import Nabla
@testable import NablaSheets

/// The lines that start an exercise, as courses write them, and those that do not.
@Suite struct ExerciseHeadingTests {
    @Test func headingsCoursesWrite() {
        let starts: [(String, String)] = [
            ("# Exercise 2", "Exercise 2"),
            ("## Question 3", "Question 3"),
            ("**Problème 4.** Calculer", "Problème 4.** Calculer"),
            (#"\section{Gradients}"#, "Gradients"),
            (#"\subsection*{Partie B}"#, "Partie B"),
            (#"\textbf{Exercice 3.} Soit $f(x, y) = x y^2$."#, "Exercice 3. Soit $f(x, y) = x y^2$."),
            (#"\noindent\textbf{Problem 1}"#, "Problem 1"),
            (#"\paragraph{Exercise 5}"#, "Exercise 5"),
            (#"\medskip\noindent\textbf{Question 2.}"#, "Question 2."),
            (#"\vspace{2mm}\textbf{Exercice 6}"#, "Exercice 6"),
            ("Exercice 7 : dérivées partielles", "Exercice 7 : dérivées partielles"),
        ]
        for (line, title) in starts { #expect(ExerciseHeading.title(of: line) == title, "\(line)") }
    }

    @Test func linesThatDoNot() {
        let lines = [
            "Problems of this kind are common.", "Exercises help.", "Question 2 asks for the gradient.",
            #"\subsection*{Solution}"#, "## Corrigé", #"\textbf{Solution.} On a"#, #"\paragraph{Démonstration}"#,
            #"\textbf{Remarque.}"#, #"\noindentation"#, "Let $f(x) = x^2$.", "**Answer.**",
        ]
        for line in lines { #expect(ExerciseHeading.title(of: line) == nil, "\(line)") }
    }

    /// A `\textbf{Exercice 3.}` starts a fresh exercise: its f is a new definition, not a claim
    /// about the f of exercise 2 (that was a false alarm), and a "Solution" part keeps the
    /// statement's definitions.
    @Test func aBoldHeadingStartsAFreshExercise() {
        let sheet = #"""
            \textbf{Exercice 2.} Soit $f(x, y) = x^2 y$.
            \[ \nabla f(x, y) = \begin{pmatrix} 2xy & x^2 \end{pmatrix} \]

            \noindent\textbf{Exercice 3.} Soit $f(x, y) = x y^2$.

            \subsection*{Solution}
            \[ \nabla f(x, y) = \begin{pmatrix} y^2 & 2xy \end{pmatrix} \]
            """#
        let report = SheetChecker(source: SourceText(name: "s.tex", text: sheet)).check()
        #expect(report.claims.count == 2)
        #expect(report.claims.allSatisfy { $0.verdict == .correct }, "\(report.claims.map { "\($0.location) \($0.verdict)" })")
    }
}
