import NablaCore

/// Prints expressions of one store in a ``Notation``, the way a person writes them: terms in a
/// stable, readable order, negative terms with a minus, negative powers as a denominator,
/// `x^(1/2)` as a square root, parentheses only where needed. The printer decides the form;
/// the notation's ``NotationStyle`` spells each piece.
///
/// ```swift
/// let printer = ExpressionPrinter(store: store, notation: .latex)
/// printer.string(id)   // "\frac{e^{x_{2}}}{e^{x_{1}} + e^{x_{2}}}"
/// ```
/// Each node is printed once and reused, so a shared sub-expression costs one print.
public final class ExpressionPrinter {
    public let store: ExpressionStore
    public let notation: Notation
    private let style: any NotationStyle
    private var memo: [ExprID: Printed] = [:]
    /// How deep `printed` has called itself; past ``directDepth`` it walks the graph in a loop.
    private var depth = 0
    private static let directDepth = 48
    private var orderKeys: [ExprID: String] = [:]
    private var plainForKeys: ExpressionPrinter?

    /// A printed expression and how tightly it binds.
    struct Printed {
        let text: String
        let level: Level
    }
    /// Binding strength, weakest first.
    enum Level: Int, Comparable {
        case sum = 1, negative, product, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public init(store: ExpressionStore, notation: Notation) {
        self.store = store; self.notation = notation; style = notation.style
    }

    public func string(_ id: ExprID) -> String { printed(id).text }

    /// Names for shared sub-expressions: a named node prints as its name (see ``SharedNames``).
    public var names: [ExprID: String] = [:] { didSet { memo = [:] } }

    /// The expression a name stands for, with the names of its own shared parts.
    public func definition(_ id: ExprID) -> String { make(id).text }

    func printed(_ id: ExprID) -> Printed {
        if let name = names[id] { return Printed(text: name, level: .atom) }
        if let p = memo[id] { return p }
        if depth < ExpressionPrinter.directDepth {
            // Shallow: print the children as they come (bounded recursion, the common case).
            depth += 1
            defer { depth -= 1 }
            let p = make(id)
            memo[id] = p
            return p
        }
        // Children first, without recursion: each node is printed from its children's text.
        for n in store.postOrder(from: [id], where: { names[$0] == nil && memo[$0] == nil }) where memo[n] == nil {
            if store.isOverBudget { return Printed(text: "…", level: .atom) }   // out of time: the caller reports it
            memo[n] = make(n)
        }
        return memo[id]!
    }

    private func make(_ id: ExprID) -> Printed {
        switch store[id] {
        case let .number(r): return number(r)
        case let .symbol(name): return Printed(text: style.identifier(name), level: .atom)
        case .constant(.e): return Printed(text: style.euler, level: .atom)
        case .constant(.pi): return Printed(text: style.pi, level: .atom)
        case .undefined: return Printed(text: style.undefined, level: .atom)
        case .sum: return sum(id)
        case .product: return product(id)
        case let .power(b, e):
            if let n = store.rational(e), n.isNegative { return product(id) }
            return power(b, e)
        case let .apply(f, a): return function(f, a)
        }
    }

    // MARK: Numbers

    private func number(_ r: Rational) -> Printed {
        let level: Level = r.isNegative ? .negative : (r.isInteger ? .atom : .product)
        return Printed(text: (r.isNegative ? style.leadingMinus : "") + style.magnitude(r), level: level)
    }

    // MARK: Sums

    private func sum(_ id: ExprID) -> Printed {
        guard case let .sum(terms) = store[id] else { fatalError() }
        let (plus, minus, leadingMinus) = (style.plus, style.minus, style.leadingMinus)
        var text = ""
        for (index, term) in readingOrder(displayOrder(terms)).enumerated() {
            let (coefficient, _) = store.splitCoefficient(term)
            if coefficient.isNegative {
                let body = printed(store.negate(term)).text
                text += (index == 0 ? leadingMinus : minus) + body
            } else {
                let p = printed(term)
                text += index == 0 ? p.text : plus + p.text
            }
        }
        return Printed(text: style.sum(text), level: .sum)
    }

    /// Starts a sum with a positive term where a course would: `1 - σ(x)`, `w21 - w11`.
    private func readingOrder(_ ordered: [ExprID]) -> [ExprID] {
        func negative(_ t: ExprID) -> Bool { store.splitCoefficient(t).0.isNegative }
        guard let first = ordered.first, negative(first) else { return ordered }
        let candidate: Int?
        if let c = ordered.lastIndex(where: { store.rational($0) != nil }), !negative(ordered[c]) { candidate = c }
        else if ordered.count == 2, !negative(ordered[1]) { candidate = 1 }
        else { candidate = nil }
        guard let k = candidate else { return ordered }
        var out = ordered
        out.insert(out.remove(at: k), at: 0)
        return out
    }

    /// Terms in reading order: by their text without coefficients (with numbers compared as
    /// numbers, so x2 comes before x10), constants last.
    func displayOrder(_ terms: [ExprID]) -> [ExprID] {
        terms.sorted { a, b in
            let na = store.rational(a) != nil, nb = store.rational(b) != nil
            if na != nb { return nb }
            let ka = orderKey(a), kb = orderKey(b)
            if ka != kb { return naturalLess(ka, kb) }
            return a < b
        }
    }

    private func orderKey(_ id: ExprID) -> String {
        if let k = orderKeys[id] { return k }
        // The text printer is its own: keeping it in a property would be a cycle that never frees.
        if notation != .text && plainForKeys == nil { plainForKeys = ExpressionPrinter(store: store, notation: .text) }
        let (_, rest) = store.splitCoefficient(id)
        let k = (plainForKeys ?? self).string(rest)
        orderKeys[id] = k
        return k
    }

    // MARK: Products and fractions

    private func product(_ id: ExprID) -> Printed {
        let (coefficient, rest) = store.splitCoefficient(id)
        var numerator: [ExprID] = []
        var denominator: [ExprID] = []
        let factors: [ExprID]
        if case let .product(f) = store[rest] { factors = f } else { factors = rest == store.one ? [] : [rest] }
        for f in factors {
            if case let .power(b, e) = store[f], let n = store.rational(e), n.isNegative {
                denominator.append(store.power(b, store.number(-n)))
            } else {
                numerator.append(f)
            }
        }
        let sign = coefficient.isNegative ? style.leadingMinus : ""
        let c = coefficient.magnitude
        let inFraction = style.stacksFractions
        let top = join(Rational(big: c.numerator), displayFactors(numerator), parenthesizeAlone: !inFraction || denominator.isEmpty && c.isInteger)
        if denominator.isEmpty && c.isInteger {
            return Printed(text: sign + top.text, level: sign.isEmpty ? top.level : .negative)
        }
        let bottom = join(Rational(big: c.denominator), displayFactors(denominator), parenthesizeAlone: !inFraction)
        let text = style.fraction(top, bottom)
        return Printed(text: sign + text, level: sign.isEmpty ? .product : .negative)
    }

    private func displayFactors(_ factors: [ExprID]) -> [ExprID] {
        // Symbols and powers of symbols first, then the rest, each group in reading order.
        func simple(_ f: ExprID) -> Bool {
            let (b, _) = store.splitPower(f)
            if case .symbol = store[b] { return true }
            return false
        }
        func isSum(_ f: ExprID) -> Bool { if case .sum = store[f] { return true }; return false }
        let others = factors.filter { !simple($0) }
        return displayOrder(factors.filter(simple)) + displayOrder(others.filter { !isSum($0) }) + displayOrder(others.filter(isSum))
    }

    /// `coefficient · factors`, written with the notation's multiplication.
    private func join(_ coefficient: Rational, _ factors: [ExprID], parenthesizeAlone: Bool = true) -> Printed {
        var parts: [(text: String, isSymbol: Bool)] = []
        if !coefficient.isOne || factors.isEmpty { parts.append((number(coefficient).text, false)) }
        for f in factors {
            let p = printed(f)
            let alone = factors.count == 1 && coefficient.isOne
            let text = p.level < .product && (parenthesizeAlone || !alone) ? parenthesized(p.text) : p.text
            let (base, exponent) = store.splitPower(f)
            var isSymbol = false
            if case .symbol = store[base], store.rational(exponent) != Rational(1, 2) { isSymbol = true }
            parts.append((text, isSymbol))
        }
        if parts.count == 1 {
            if factors.isEmpty { return number(coefficient) }
            let p = printed(factors[0])
            return Printed(text: parts[0].text, level: p.level < .product ? .atom : p.level)
        }
        var text = parts[0].text
        for (index, next) in parts.enumerated().dropFirst() {
            let leftIsNumber = index == 1 && (!coefficient.isOne || factors.count < parts.count)
            text += style.separator(leftIsNumber: leftIsNumber, rightIsSymbol: next.isSymbol, right: next.text) + next.text
        }
        return Printed(text: text, level: .product)
    }

    // MARK: Powers and functions

    private func power(_ base: ExprID, _ exponent: ExprID) -> Printed {
        let b = printed(base)
        if store.rational(exponent) == Rational(1, 2) { return Printed(text: style.squareRoot(b.text), level: .atom) }
        return style.power(b, printed(exponent))
    }

    private func function(_ f: ElementaryFunction, _ argument: ExprID) -> Printed {
        style.function(f, named: store.namedFunctions[f]?.name, printed(argument).text)
    }

    private func parenthesized(_ text: String) -> String { style.parenthesized(text) }
}

extension ElementaryFunction {
    /// The name as mathematics writes it: `arctan`, `ReLU`, `σ`, `H` (Heaviside's step).
    var mathName: String {
        switch self {
        case .asin: "arcsin"
        case .acos: "arccos"
        case .atan: "arctan"
        case .relu: "ReLU"
        case .sigmoid: "σ"
        case .heaviside: "H"
        default: rawValue
        }
    }

    /// The LaTeX command: `\arctan`, `\sigma`, `\operatorname{ReLU}` for the names LaTeX lacks.
    var latexName: String {
        switch self {
        case .sigmoid: "\\sigma"
        case .exp, .log, .sin, .cos, .tan, .tanh, .sinh, .cosh, .asin, .acos, .atan: "\\\(mathName)"
        default: "\\operatorname{\(mathName)}"
        }
    }
}
