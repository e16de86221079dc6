/// The words of LaTeX mathematics the sheet reader gives a meaning to, listed once: the parser
/// looks them up here.
enum LaTeXVocabulary {
    /// Commands written between a function and what it maps to: `g : x \rightarrow …`.
    static let arrows: Set<String> = ["rightarrow", "to", "mapsto", "longrightarrow", "longmapsto"]
    /// Relations that state a condition, never a definition or a claim.
    static let conditions: Set<String> = ["lt", "gt", "leq", "geq", "le", "ge", "neq", "ne", "in", "subset", "approx", "sim", "equiv",
                                          "leftarrow", "gets", "propto"]
    /// Commands that separate two formulas of one display.
    /// Commands whose argument is a name: `\mathrm{loss}`, `\mathcal{L}`, `\text{softmax}`.
    static let nameCommands: Set<String> = ["text", "mathrm", "operatorname", "mathit", "textrm", "mathbf", "mathcal", "mathscr",
                                            "mathsf", "boldsymbol", "bm"]
    static let separatorCommands: Set<String> = ["quad", "qquad", "label", "nonumber", "notag"]
    /// Words in `\text{…}` that separate two formulas: `f = … \text{ et } g = …`.
    static let separatorWords: Set<String> = ["et", "and", "où", "where", "with", "avec"]
    /// Commands that are products between factors, not factors.
    static let products: Set<String> = ["cdot", "times"]

    /// Commands that cannot start a factor of an implicit product.
    static let notFactors: Set<String> = products.union(arrows).union(conditions).union(["quad", "qquad", "end", "label"])
}
