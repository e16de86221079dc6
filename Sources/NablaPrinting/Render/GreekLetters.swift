/// The Greek letters, listed once: their LaTeX command names and the letters themselves. The
/// LaTeX writer and reader, the MathML writer and the sheet lexer all look them up here.
///
/// ```swift
/// GreekLetters.letter(named: "sigma")   // "σ"
/// GreekLetters.name(of: "θ")            // "theta"
/// ```
package enum GreekLetters {
    static let letters: [(name: String, letter: Unicode.Scalar)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"), ("varepsilon", "ε"), ("zeta", "ζ"),
        ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"), ("iota", "ι"), ("kappa", "κ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"),
        ("xi", "ξ"), ("pi", "π"), ("rho", "ρ"), ("sigma", "σ"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"), ("varphi", "φ"),
        ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"),
        ("Pi", "Π"), ("Sigma", "Σ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ("ell", "ℓ"),   // not Greek, but a letter LaTeX names the same way (a loss ℓ)
    ]
    /// The command names: `alpha`, `varphi`, `Omega`.
    package static let names: Set<String> = Set(letters.map(\.name))
    private static let byName: [String: Unicode.Scalar] = Dictionary(letters.map { ($0.name, $0.letter) }, uniquingKeysWith: { a, _ in a })
    /// Letters typed directly (`σ`, and `ε`, `φ` as the usual forms of epsilon and phi).
    private static let byLetter: [Unicode.Scalar: String] = Dictionary(letters.map { ($0.letter, $0.name) }, uniquingKeysWith: { a, _ in a })
        .merging(["ε": "epsilon", "φ": "phi"], uniquingKeysWith: { _, b in b })

    static func letter(named name: String) -> Unicode.Scalar? { byName[name] }
    package static func name(of letter: Unicode.Scalar) -> String? { byLetter[letter] }
}
