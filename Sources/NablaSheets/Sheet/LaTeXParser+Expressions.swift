import NablaDocument
import NablaCore

/// The grammar of a formula's expressions: sums, products (`\cdot`, `\times`, side by side),
/// fractions, powers, primes, groups, subscripted names and calls.
extension LaTeXParser {
    // MARK: Expressions

    mutating func sum() throws(Diagnostic) -> MathSyntax {
        try enter(); defer { nesting -= 1 }
        let start = location(current)
        var terms: [MathSyntax] = []
        var negate = false
        if current.kind == .minus { advance(); negate = true } else if current.kind == .plus { advance() }
        var first = try term()
        if negate { first = try negated(first, start) }
        terms.append(first)
        while current.kind == .plus || current.kind == .minus || (nesting == 1 && continuesOnNextRow { $0 == .plus || $0 == .minus }) {
            let isMinus = current.kind == .minus
            let l = location(current)
            advance()
            // `+ -2x_2` is a plus followed by a negative term.
            var extraMinus = false
            while current.kind == .minus || current.kind == .plus { if current.kind == .minus { extraMinus.toggle() }; advance() }
            var t = try term()
            if isMinus != extraMinus { t = try negated(t, l) }
            terms.append(t)
        }
        if let leibniz = LaTeXParser.leibnizTerms(terms) { return .leibnizSum(leibniz, start) }
        if terms.count == 1 { return terms[0] }
        terms = terms.map(\.asOperand)
        var scalars: [ExpressionSyntax] = []
        for t in terms {
            guard let s = t.scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.sum), at: t.location) }
            scalars.append(s)
        }
        return .expression(.sum(scalars, start))
    }

    /// The terms of a chain rule written with partial derivatives, each a product of them
    /// (`∂z/∂x·∂x/∂s + ∂z/∂y·∂y/∂s`); nil for anything else, a lone partial derivative included.
    static func leibnizTerms(_ terms: [MathSyntax]) -> [[GradientHead]]? {
        var out: [[GradientHead]] = []
        for t in terms {
            let factors: [MathSyntax]
            if case let .product(items, _) = t { factors = items } else { factors = [t] }
            var heads: [GradientHead] = []
            for f in factors {
                guard case let .gradient(h) = f, h.variable != nil, h.target.count == 1, h.argument == nil, h.order == 1 else { return nil }
                heads.append(h)
            }
            out.append(heads)
        }
        return out.contains(where: { $0.count > 1 }) || out.count > 1 ? out : nil
    }

    func negated(_ t: MathSyntax, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if let s = t.scalar { return .expression(.negate(s, l)) }
        return .product([.expression(.number(.minusOne, l)), t], l)
    }

    mutating func term() throws(Diagnostic) -> MathSyntax {
        let depthBefore = nesting
        defer { nesting = depthBefore }
        let start = location(current)
        var factors: [MathSyntax] = [try factor()]
        while true {
            if case let .command(c) = current.kind, LaTeXVocabulary.products.contains(c) {
                advance(); factors.append(try factor())
            } else if current.kind == .times {
                advance(); factors.append(try factor())
            } else if current.kind == .divide {
                let l = location(current)
                try enter()   // each division nests the expression one level deeper
                advance()
                let denominator = try factor()
                let numerator = try combine(factors, start)
                guard let n = numerator.scalar, let d = denominator.scalar else {
                    throw Diagnostic(.syntax, SheetPhrase.notSupported(.division), at: l)
                }
                factors = [.expression(.divide(n, d, l))]
            } else if startsFactor() {
                factors.append(try factor())
            } else if continuesOnNextRow(where: { kind in
                if case let .command(c) = kind { return LaTeXVocabulary.products.contains(c) || c == "begin" }
                return kind == .times
            }) {
                continue   // `… \\ &\qquad \begin{pmatrix}…`: the product goes on on the next row
            } else {
                break
            }
        }
        return try combine(factors, start)
    }

    func combine(_ written: [MathSyntax], _ start: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if written.count == 1 { return written[0] }
        let factors = written.contains(where: { if case .gradient(let h) = $0 { !h.primed } else { false } }) ? written : written.map(\.asOperand)
        var scalars: [ExpressionSyntax] = []
        for f in factors {
            guard let s = f.scalar else { return .product(factors, start) }
            scalars.append(s)
        }
        return .expression(.product(scalars, start))
    }

    func startsFactor() -> Bool {
        switch current.kind {
        case .letter, .number, .leftParen, .leftBracket, .leftBrace: return true
        case .pipe: return openBars == 0
        case let .command(c):
            return !LaTeXVocabulary.notFactors.contains(c) && !(c == "text" && LaTeXVocabulary.separatorWords.contains(peekText().trimmed))
        default: return false
        }
    }

    mutating func factor() throws(Diagnostic) -> MathSyntax {
        try enter(); defer { nesting -= 1 }
        if current.kind == .minus {
            let l = location(current)
            advance()
            return try negated(try factor(), l)
        }
        var base = try primary()
        let depthBefore = nesting
        defer { nesting = depthBefore }
        // Postfix: powers (also `{}^2`), primes.
        while true {
            if current.kind == .caret {
                let l = location(current)
                try enter()   // each power nests one level deeper
                advance()
                let exponent = try group()
                guard let b = base.scalar, let e = exponent.scalar else {
                    throw Diagnostic(.syntax, SheetPhrase.notSupported(.power), at: l)
                }
                base = .expression(.power(b, e, l))
            } else if current.kind == .prime, case let .name(n, nl)? = base.scalar {
                // σ'(t): the derivative of a function of one variable, at its argument.
                advance()
                var head = GradientHead(target: [LocatedName(name: n, location: nl)], column: nil, argument: nil, location: nl)
                head.primed = true
                if current.kind == .leftParen { head.argument = try evaluationPoint() }
                return .gradient(head)
            } else if current.kind == .prime, case let .composition(names, cl) = base {
                // (f∘γ)'(t): the derivative of a composition.
                advance()
                var head = GradientHead(target: names, column: nil, argument: nil, location: cl)
                if current.kind == .leftParen { head.argument = try evaluationPoint() }
                return .gradient(head)
            } else if current.kind == .pipe, peek(1) == .underscore, openBars == 0, case var .gradient(head) = base, head.point == nil {
                // `\left.\frac{∂w}{∂u}\right|_{(2,1)}`: the value at a point.
                advance(); advance()
                head.point = try pointOfEvaluation()
                base = .gradient(head)
            } else if current.kind == .leftBrace, peek(1) == .rightBrace, peek(2) == .caret {
                advance(); advance()
            } else {
                break
            }
        }
        return base
    }

    /// The subscript of `\right|`: `{(2,1)}`, `{(u,v)=(2,1)}`, `{u=2, v=1}`, `{t=0}` or `{t_0}`-free numbers.
    mutating func pointOfEvaluation() throws(Diagnostic) -> (names: [String]?, values: [ExpressionSyntax]) {
        let braced = accept(.leftBrace)
        var sides: [[ExpressionSyntax]] = []
        var pairs: [(String, ExpressionSyntax)] = []
        repeat {
            let side = try sum()
            let items: [ExpressionSyntax]
            switch side {
            case let .matrix(rows, _) where rows.count == 1: items = rows[0].compactMap(\.scalar)
            default: items = side.scalar.map { [$0] } ?? []
            }
            if accept(.equals) {
                let value = try sum()
                let values: [ExpressionSyntax]
                if case let .matrix(rows, _) = value, rows.count == 1 { values = rows[0].compactMap(\.scalar) } else { values = value.scalar.map { [$0] } ?? [] }
                let names = items.compactMap { if case let .name(n, _) = $0 { n } else { nil } }
                guard names.count == items.count, names.count == values.count else { throw error(.expression) }
                pairs += zip(names, values).map { ($0, $1) }
            } else {
                sides.append(items)
            }
        } while accept(.comma)
        if braced { try expect(.rightBrace, .token("'}'")) }
        if !pairs.isEmpty { return (pairs.map(\.0), pairs.map(\.1)) }
        return (nil, sides.flatMap { $0 })
    }

    /// `{…}` or a single token, as after `^`.
    mutating func group() throws(Diagnostic) -> MathSyntax {
        try enter(); defer { nesting -= 1 }
        if current.kind == .leftBrace {
            advance()
            let inner = try sum()
            try expect(.rightBrace, .token("'}'"))
            return inner
        }
        let l = location(current)
        switch current.kind {
        case let .number(n):
            // `x^23` is x^2·3 in TeX: one digit.
            advance()
            return .expression(.number(n, l))
        case let .letter(c): advance(); return .expression(.name(String(c), l))
        case .command: return try primary()
        case .minus:
            advance()
            return try negated(try group(), l)
        default: throw error(.exponent)
        }
    }

    mutating func primary() throws(Diagnostic) -> MathSyntax {
        let l = location(current)
        switch current.kind {
        case let .number(n):
            advance()
            return .expression(.number(n, l))
        case let .letter(c):
            if c == "J" || c == "D", let head = try jacobianNotation(l) { return .gradient(head) }
            if c == "d", peek(1) == .underscore, let head = try differentialNotation(l) { return .gradient(head) }
            advance()
            return try named(String(c) + (try subscriptSuffix()), l)
        case .leftParen, .leftBracket:
            let closing: LaTeXToken.Kind = current.kind == .leftParen ? .rightParen : .rightBracket
            advance()
            var items = [try sum()]
            while current.kind == .comma { advance(); items.append(try sum()) }
            try expect(closing, .token(closing == .rightParen ? "')'" : "']'"))
            if items.count == 1 { return items[0] }
            return .matrix([items], l)   // a tuple: one row
        case .pipe:
            // |x|, \lvert x \rvert, \left| x \right|: the absolute value.
            advance()
            openBars += 1
            defer { openBars -= 1 }
            let inner = try sum()
            try expect(.pipe, .closingAbsoluteValue)
            guard let s = inner.scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.absoluteValue), at: l) }
            return .expression(.call("abs", [s], l))
        case .leftBrace:
            advance()
            if current.kind == .rightBrace { advance(); return .expression(.number(.one, l)) }
            let inner = try sum()
            try expect(.rightBrace, .token("'}'"))
            return inner
        case let .command(c):
            return try command(c, l)
        default:
            throw error(.expression)
        }
    }

    /// `_1`, `_{12}`, `_{1,2}` after a name, as part of the name: `x_1`, `w_1_2`.
    mutating func subscriptSuffix() throws(Diagnostic) -> String {
        guard current.kind == .underscore else { return "" }
        advance()
        var parts: [String] = []
        if current.kind == .leftBrace {
            advance()
            var piece = ""
            while current.kind != .rightBrace {
                switch current.kind {
                case let .letter(c): piece.append(c)
                case let .number(n): piece += n.description
                case .comma: parts.append(piece); piece = ""
                case .end: throw Diagnostic(.syntax, SheetPhrase.expected(.closingSubscript, found: nil), at: location(current))
                default: piece += ""
                }
                advance()
            }
            advance()
            parts.append(piece)
        } else {
            switch current.kind {
            case let .letter(c): parts.append(String(c)); advance()
            case let .number(n): parts.append(String(n.description.prefix(1))); advance()
            default: throw error(.subscriptIndex)
            }
        }
        return "_" + parts.joined(separator: "_")
    }

    /// A name, then either a call `name(…)` or the name itself.
    mutating func named(_ name: String, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if current.kind == .leftParen, isFunction(name) {
            advance()
            var arguments: [ExpressionSyntax] = []
            repeat {
                let a = try sum()
                guard let s = a.scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.argument(of: name)), at: a.location) }
                arguments.append(s)
            } while accept(.comma)
            try expect(.rightParen, .closingArguments(of: name))
            return .expression(.call(name, arguments, l))
        }
        if current.kind == .command("circ") {
            var names = [LocatedName(name: name, location: l)]
            while accept(.command("circ")) { names.append(try functionName()) }
            if current.kind == .leftParen { return .applied(names, try evaluationPoint(), l) }
            return .composition(names, l)
        }
        return .expression(.name(name, l))
    }

}
