/// How two parts of a formula are related: `a = b`, `x \rightarrow y`, `g : x`.
enum FormulaRelation: Equatable {
    case equals, arrow, colon
    /// `<`, `\leq`, `\in`, `\neq`…: a condition, never a definition or a claim.
    case other
}

/// One formula of a display, split at its top-level relations: `g : x \rightarrow M` is
/// parts [g, x, M] with relations [colon, arrow].
struct RelationChain {
    var parts: [MathSyntax]
    var relations: [FormulaRelation]
    let location: SourceLocation
}

/// Parses LaTeX mathematics into ``MathSyntax``: the notation of DESIGN.md ("LaTeX and
/// Markdown sheets"): `\frac`, `e^{…}`, `\exp`, `\sqrt`, implicit products, subscripts
/// (`x_1` is the name `x_1`, `w_{1,2}` is `w_1_2`), matrices (pmatrix, bmatrix, matrix, array),
/// `\nabla`, `\circ`, `\text{…}` names.
struct LaTeXParser {
    static let maximumNesting = 200

    let source: SourceText
    private var tokens: [LaTeXToken]
    private var position = 0
    private var nesting = 0
    /// How many `|…|` are open: inside one, a `|` closes it rather than starting a factor.
    private var openBars = 0
    /// Whether a name followed by `(` is a function call rather than a product.
    let isFunction: (String) -> Bool

    init(source: SourceText, from start: Int, to end: Int, isFunction: @escaping (String) -> Bool) throws(Diagnostic) {
        self.source = source
        self.isFunction = isFunction
        tokens = try LaTeXLexer(source: source).tokens(from: start, to: end)
    }

    /// The formulas of the display: separated by `\quad`, `\text{et}`, `\text{and}` or a top-level comma.
    mutating func formulas() throws(Diagnostic) -> [RelationChain] {
        var result: [RelationChain] = []
        while current.kind != .end {
            if skipSeparator() { continue }
            let start = location(current)
            var parts = [try sum()]
            var relations: [FormulaRelation] = []
            while let r = relation() {
                relations.append(r)
                parts.append(try sum())
            }
            result.append(RelationChain(parts: parts, relations: relations, location: start))
            if current.kind != .end && !isSeparator() {
                throw error("expected a relation (=, \\rightarrow, :) or the end of the formula, found \(current.describe)")
            }
        }
        return result
    }

    // MARK: Relations and separators

    private mutating func relation() -> FormulaRelation? {
        // In align and eqnarray, `&` only aligns, and a row that starts with a relation goes on
        // with the chain of the row before: `A &= B \\ &= C`.
        let saved = position
        while current.kind == .ampersand || current.kind == .rowBreak { advance() }
        let found: FormulaRelation
        switch current.kind {
        case .equals: found = .equals
        case .colon: found = .colon
        case let .command(c) where ["rightarrow", "to", "mapsto", "longrightarrow", "longmapsto"].contains(c): found = .arrow
        case let .command(c) where ["lt", "gt", "leq", "geq", "le", "ge", "neq", "ne", "in", "subset", "approx", "sim", "equiv"].contains(c):
            found = .other
        default:
            position = saved
            return nil
        }
        advance()
        while current.kind == .ampersand { advance() }   // `& = &` in eqnarray
        return found
    }

    private func isSeparator() -> Bool {
        switch current.kind {
        case .comma, .period, .semicolon, .rowBreak, .ampersand: return true
        case let .command(c) where c == "quad" || c == "qquad" || c == "label" || c == "nonumber" || c == "notag": return true
        case .command("text"): return ["et", "and", "où", "where", "with", "avec"].contains(peekText().trimmed)
        default: return false
        }
    }

    private mutating func skipSeparator() -> Bool {
        guard isSeparator() else { return false }
        if case .command("text") = current.kind { advance(); _ = try? textGroup() }
        else if case .command("label") = current.kind { advance(); _ = try? textGroup() }
        else { advance() }
        return true
    }

    /// The raw content of the `\text{…}` at the current position, without consuming it.
    private func peekText() -> String {
        guard position + 1 < tokens.count, tokens[position + 1].kind == .leftBrace else { return "" }
        var depth = 0, i = position + 1
        var text = ""
        while i < tokens.count {
            switch tokens[i].kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth -= 1; if depth == 0 { return text }
            case let .letter(l): text.append(l)
            case let .number(n): text += n.description
            default: text += " "
            }
            i += 1
        }
        return text
    }

    // MARK: Expressions

    private mutating func sum() throws(Diagnostic) -> MathSyntax {
        try enter(); defer { nesting -= 1 }
        let start = location(current)
        var terms: [MathSyntax] = []
        var negate = false
        if current.kind == .minus { advance(); negate = true } else if current.kind == .plus { advance() }
        var first = try term()
        if negate { first = try negated(first, start) }
        terms.append(first)
        while current.kind == .plus || current.kind == .minus {
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
        if terms.count == 1 { return terms[0] }
        var scalars: [ExpressionSyntax] = []
        for t in terms {
            guard let s = t.scalar else { throw Diagnostic(.syntax, "sums of matrices are not supported", at: t.location) }
            scalars.append(s)
        }
        return .expression(.sum(scalars, start))
    }

    private func negated(_ t: MathSyntax, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if let s = t.scalar { return .expression(.negate(s, l)) }
        return .product([.expression(.number(.minusOne, l)), t], l)
    }

    private mutating func term() throws(Diagnostic) -> MathSyntax {
        let depthBefore = nesting
        defer { nesting = depthBefore }
        let start = location(current)
        var factors: [MathSyntax] = [try factor()]
        while true {
            if case let .command(c) = current.kind, c == "cdot" || c == "times" {
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
                    throw Diagnostic(.syntax, "division of matrices is not supported", at: l)
                }
                factors = [.expression(.divide(n, d, l))]
            } else if startsFactor() {
                factors.append(try factor())
            } else {
                break
            }
        }
        return try combine(factors, start)
    }

    private func combine(_ factors: [MathSyntax], _ start: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if factors.count == 1 { return factors[0] }
        var scalars: [ExpressionSyntax] = []
        for f in factors {
            guard let s = f.scalar else { return .product(factors, start) }
            scalars.append(s)
        }
        return .expression(.product(scalars, start))
    }

    private func startsFactor() -> Bool {
        switch current.kind {
        case .letter, .number, .leftParen, .leftBracket, .leftBrace: return true
        case .pipe: return openBars == 0
        case let .command(c):
            return !(["cdot", "times", "rightarrow", "to", "mapsto", "longrightarrow", "longmapsto", "quad", "qquad", "end",
                      "lt", "gt", "leq", "geq", "le", "ge", "neq", "ne", "in", "subset", "approx", "sim", "equiv", "label"].contains(c))
                && !(c == "text" && ["et", "and", "où", "where", "with", "avec"].contains(peekText().trimmed))
        default: return false
        }
    }

    private mutating func factor() throws(Diagnostic) -> MathSyntax {
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
                    throw Diagnostic(.syntax, "powers of matrices are not supported", at: l)
                }
                base = .expression(.power(b, e, l))
            } else if current.kind == .prime, case let .name(n, nl)? = base.scalar {
                // σ'(t): the derivative of a function of one variable, at its argument.
                advance()
                var head = GradientHead(target: [LocatedName(name: n, location: nl)], column: nil, argument: nil, location: nl)
                if current.kind == .leftParen { head.argument = try evaluationPoint() }
                return .gradient(head)
            } else if current.kind == .leftBrace, peek(1) == .rightBrace, peek(2) == .caret {
                advance(); advance()
            } else {
                break
            }
        }
        return base
    }

    /// `{…}` or a single token, as after `^`.
    private mutating func group() throws(Diagnostic) -> MathSyntax {
        try enter(); defer { nesting -= 1 }
        if current.kind == .leftBrace {
            advance()
            let inner = try sum()
            try expect(.rightBrace, "'}'")
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
        default: throw error("expected an exponent, found \(current.describe)")
        }
    }

    private mutating func primary() throws(Diagnostic) -> MathSyntax {
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
            try expect(closing, closing == .rightParen ? "')'" : "']'")
            if items.count == 1 { return items[0] }
            return .matrix([items], l)   // a tuple: one row
        case .pipe:
            // |x|, \lvert x \rvert, \left| x \right|: the absolute value.
            advance()
            openBars += 1
            defer { openBars -= 1 }
            let inner = try sum()
            try expect(.pipe, "'|' to close the absolute value")
            guard let s = inner.scalar else { throw Diagnostic(.syntax, "the absolute value of a matrix is not supported", at: l) }
            return .expression(.call("abs", [s], l))
        case .leftBrace:
            advance()
            if current.kind == .rightBrace { advance(); return .expression(.number(.one, l)) }
            let inner = try sum()
            try expect(.rightBrace, "'}'")
            return inner
        case let .command(c):
            return try command(c, l)
        default:
            throw error("expected an expression, found \(current.describe)")
        }
    }

    /// `_1`, `_{12}`, `_{1,2}` after a name, as part of the name: `x_1`, `w_1_2`.
    private mutating func subscriptSuffix() throws(Diagnostic) -> String {
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
                case .end: throw error("expected '}' to close the subscript")
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
            default: throw error("expected a subscript, found \(current.describe)")
            }
        }
        return "_" + parts.joined(separator: "_")
    }

    /// A name, then either a call `name(…)` or the name itself.
    private mutating func named(_ name: String, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        if current.kind == .leftParen, isFunction(name) {
            advance()
            var arguments: [ExpressionSyntax] = []
            repeat {
                let a = try sum()
                guard let s = a.scalar else { throw Diagnostic(.syntax, "a matrix cannot be an argument of \(name)", at: a.location) }
                arguments.append(s)
            } while accept(.comma)
            try expect(.rightParen, "')' after the arguments of \(name)")
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

    private mutating func command(_ c: String, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        advance()
        switch c {
        case "frac", "dfrac", "tfrac":
            if peek(0) == .leftBrace, peek(1) == .command("partial"), let head = try partialDerivative(l) { return .gradient(head) }
            let n = try group(), d = try group()
            guard let ns = n.scalar, let ds = d.scalar else { throw Diagnostic(.syntax, "a fraction of matrices is not supported", at: l) }
            return .expression(.divide(ns, ds, l))
        case "sqrt":
            let a = try group()
            guard let s = a.scalar else { throw Diagnostic(.syntax, "the square root of a matrix is not supported", at: l) }
            return .expression(.call("sqrt", [s], l))
        case "log" where current.kind == .underscore:
            // \log_2 x, \log_{10}(x): the logarithm in a base.
            advance()
            let base = try group()
            guard let b = base.scalar else { throw Diagnostic(.syntax, "the base of a logarithm must be a number or a symbol", at: l) }
            return .expression(.call("log", [try functionArgument(c, l), b], l))
        case "exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arcsin", "arccos", "arctan", "sgn":
            let argument = try functionArgument(c, l)
            let name = ["ln": "log", "arcsin": "asin", "arccos": "acos", "arctan": "atan", "sgn": "sign"][c] ?? c
            return .expression(.call(name, [argument], l))
        case "max", "min":
            guard current.kind == .leftParen else { throw Diagnostic(.syntax, "expected (a, b) after \\\(c)", at: l) }
            return try named(c, l)
        case "text", "mathrm", "operatorname", "mathit", "textrm", "mathbf":
            let name = try textGroup().trimmed.replacingSpaces
            if name.isEmpty { return .expression(.number(.one, l)) }
            if name == "e" && c != "text" { return .expression(.name("e", l)) }
            if name == "Jac" || name == "J", current.kind == .underscore {
                // `\mathrm{Jac}_x f`, `\mathrm{Jac}_{x} (g \circ f)`: the Jacobian of what follows.
                _ = try subscriptSuffix()
                return .gradient(try gradientHead(l))
            }
            let full = name + (try subscriptSuffix())
            if let column = LaTeXParser.columnNumber(full), case .command("nabla") = current.kind {
                let nablaLocation = location(current)
                advance()
                var head = try gradientHead(nablaLocation)
                head.column = column
                return .gradient(head)
            }
            return try named(full, l)
        case "nabla":
            return .gradient(try gradientHead(l))
        case "mathbb":
            // A set such as ℝ³: only ever part of a signature `f : \mathbb{R}^3 \rightarrow \mathbb{R}`.
            let name = try textGroup()
            return .expression(.name(LaTeXParser.setPrefix + name, l))
        case "pi": return .expression(.name("pi", l))
        case "begin": return try environment(l)
        case "cdot", "times": throw Diagnostic(.syntax, "expected an expression before \\\(c)", at: l)
        default:
            if greekLetterNames.contains(c) {
                return try named(c + (try subscriptSuffix()), l)
            }
            throw Diagnostic(.syntax, "unknown command \\\(c)", at: l)
        }
    }

    /// The argument of `\exp`, `\sin`…: in parentheses or braces, or the next factor.
    private mutating func functionArgument(_ name: String, _ l: SourceLocation) throws(Diagnostic) -> ExpressionSyntax {
        if current.kind == .caret {
            throw Diagnostic(.syntax, "powers of \\\(name) written before the argument are not supported; write (\\\(name) x)^2", at: l)
        }
        // `\cos(\theta)^2` is (cos θ)²: a parenthesized argument ends before the power, which
        // then applies to the function. Without parentheses, `\sin x^2` is sin(x²).
        let a = current.kind == .leftParen ? try primary() : try factor()
        guard let s = a.scalar else { throw Diagnostic(.syntax, "\\\(name) of a matrix is not supported", at: l) }
        return s
    }

    /// `J_{g \circ f}(x)`, `J_f`, `D(F \circ G)(x)`: another way to write a Jacobian. Nil (and
    /// nothing read) when the letter is just a letter.
    private mutating func jacobianNotation(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        advance()
        var target: [LocatedName] = []
        if peek(0) == .underscore && peek(1) == .leftBrace, case .letter("J") = tokens[saved].kind {
            advance(); advance()
            guard let first = try? functionName() else { position = saved; return nil }
            target = [first]
            while accept(.command("circ")) { target.append(try functionName()) }
            guard accept(.rightBrace) else { position = saved; return nil }
        } else if peek(0) == .underscore, case .letter("J") = tokens[saved].kind {
            advance()
            guard let only = try? functionName() else { position = saved; return nil }
            target = [only]
        } else if case .letter("D") = tokens[saved].kind, case let .letter(f) = current.kind, isFunction(String(f)), peek(1) == .leftParen {
            // `DF(y)`: the Jacobian of a function the sheet defines, at a point.
            advance()
            target = [LocatedName(name: String(f), location: location(tokens[position - 1]))]
        } else if peek(0) == .leftParen, case .letter("D") = tokens[saved].kind {
            advance()
            guard let first = try? functionName(), current.kind == .command("circ") else { position = saved; return nil }
            target = [first]
            while accept(.command("circ")) { target.append(try functionName()) }
            guard accept(.rightParen) else { position = saved; return nil }
        } else {
            position = saved
            return nil
        }
        var head = GradientHead(target: target, column: nil, argument: nil, location: l)
        if current.kind == .leftParen { head.argument = try evaluationPoint() }
        return head
    }

    /// `\frac{\partial L}{\partial w_1}`: one column of a Jacobian, by the variable's name.
    private mutating func partialDerivative(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        advance(); advance()   // `{` `\partial`
        // `\partial F` or `\partial (L \circ p)`
        var target: [LocatedName] = []
        let parenthesized = accept(.leftParen)
        repeat {
            guard let name = try? functionName() else { position = saved; return nil }
            target.append(name)
        } while parenthesized && accept(.command("circ"))
        guard !parenthesized || accept(.rightParen), accept(.rightBrace), accept(.leftBrace), accept(.command("partial")),
              let variable = try? functionName().name, accept(.rightBrace) else { position = saved; return nil }
        var head = GradientHead(target: target, column: nil, argument: nil, location: l)
        head.variable = variable
        if current.kind == .leftParen { head.argument = try evaluationPoint() }
        return head
    }

    /// `d_x f`, `d_x(g \circ f)`: the differential, written as a Jacobian. Nil (and nothing read)
    /// when `d_x` is followed by something that is not a function.
    private mutating func differentialNotation(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        advance()
        guard (try? subscriptSuffix()) != nil, let head = try? gradientHead(l),
              head.target.allSatisfy({ isFunction($0.name) }) else { position = saved; return nil }
        return head
    }

    /// `(f(x))`, `(x)`, `(x_1, x_2)` after a Jacobian.
    private mutating func evaluationPoint() throws(Diagnostic) -> [ExpressionSyntax] {
        try expect(.leftParen, "'('")
        var arguments: [ExpressionSyntax] = []
        repeat {
            let a = try sum()
            if let s = a.scalar { arguments.append(s) }
            else if case let .matrix(rows, _) = a, rows.count == 1 { arguments += rows[0].compactMap(\.scalar) }
        } while accept(.comma)
        try expect(.rightParen, "')'")
        return arguments
    }

    /// After `\nabla`: a name, `(g \circ f)`, maybe an evaluation point `(f(x))`.
    private mutating func gradientHead(_ l: SourceLocation) throws(Diagnostic) -> GradientHead {
        var order = 1
        var withRespectTo: [String]?
        for _ in 0..<2 {
            if accept(.caret) {   // `\nabla^{2} F`: a Hessian
                if case let .expression(.number(n, _)) = try group(), let k = n.intValue { order = k } else { order = 0 }
            } else if accept(.underscore) {   // `\nabla_{w} F`: with respect to w
                let lower = try group()
                let items: [MathSyntax]
                if case let .matrix(rows, _) = lower { items = rows.flatMap { $0 } } else { items = [lower] }
                withRespectTo = items.compactMap { if case let .name(n, _)? = $0.scalar { return n }; return nil }
                if withRespectTo?.count != items.count { withRespectTo = [] }
            }
        }
        var target: [LocatedName]
        if accept(.leftParen) {
            target = [try functionName()]
            while accept(.command("circ")) { target.append(try functionName()) }
            try expect(.rightParen, "')' after the composition")
        } else {
            target = [try functionName()]
            while accept(.command("circ")) { target.append(try functionName()) }
        }
        var head = GradientHead(target: target, column: nil, argument: nil, location: l)
        head.order = order
        head.withRespectTo = withRespectTo
        if current.kind == .leftParen { head.argument = try evaluationPoint() }
        return head
    }

    /// A function's name: a letter with its subscript, `\text{…}`, `\sigma`.
    private mutating func functionName() throws(Diagnostic) -> LocatedName {
        try enter(); defer { nesting -= 1 }
        let l = location(current)
        switch current.kind {
        case let .letter(c):
            advance()
            return LocatedName(name: String(c) + (try subscriptSuffix()), location: l)
        case let .command(c) where ["text", "mathrm", "operatorname", "mathit"].contains(c):
            advance()
            return LocatedName(name: try textGroup().trimmed.replacingSpaces + (try subscriptSuffix()), location: l)
        case let .command(c) where greekLetterNames.contains(c):
            advance()
            return LocatedName(name: c, location: l)
        case .leftParen:
            advance()
            let inner = try functionName()
            try expect(.rightParen, "')'")
            return inner
        default:
            throw error("expected the name of a function, found \(current.describe)")
        }
    }

    /// `{…}` read as plain text (for `\text`, `\mathrm`, environment names).
    private mutating func textGroup() throws(Diagnostic) -> String {
        try expect(.leftBrace, "'{'")
        var text = ""
        var depth = 1
        while true {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                depth -= 1
                if depth == 0 { advance(); return text }
            case let .letter(c): text.append(c)
            case let .number(n): text += n.description
            case .end: throw error("expected '}'")
            case .minus: text += "-"
            case .period: text += "."
            case .prime: text += "'"
            case let .command(c) where c == "'" || c == "`": break
            default: text += " "
            }
            advance()
        }
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` (also bmatrix, matrix, array with a column spec).
    private mutating func environment(_ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        let name = try textGroup()
        guard ["pmatrix", "bmatrix", "matrix", "array", "vmatrix", "Bmatrix", "smallmatrix"].contains(name) else {
            throw Diagnostic(.syntax, "unsupported environment \(name) inside a formula", at: l)
        }
        if name == "array", current.kind == .leftBrace { _ = try textGroup() }
        var rows: [[MathSyntax]] = [[]]
        while true {
            if case .command("end") = current.kind {
                advance()
                let closing = try textGroup()
                if closing != name { throw Diagnostic(.syntax, "\\begin{\(name)} is closed by \\end{\(closing)}", at: l) }
                break
            }
            if current.kind == .end { throw Diagnostic(.syntax, "\\begin{\(name)} is never closed", at: l) }
            rows[rows.count - 1].append(try sum())
            if accept(.ampersand) { continue }
            if accept(.rowBreak) {
                if case .command("end") = current.kind { continue }
                rows.append([])
                continue
            }
            if case .command("end") = current.kind { continue }
            throw error("expected '&', '\\\\' or \\end{\(name)}, found \(current.describe)")
        }
        let width = rows.map(\.count).max() ?? 0
        if width == 0 { throw Diagnostic(.syntax, "this matrix is empty", at: l) }
        if rows.contains(where: { $0.count != width }) {
            throw Diagnostic(.syntax, "the rows of this matrix have different lengths", at: l)
        }
        return .matrix(rows, l)
    }

    /// Names of sets (`\mathbb{R}`) start with this, which no input can spell.
    static let setPrefix = "mathbb·"

    /// `colonne_2`, `column_2`, `col_2` → 2.
    static func columnNumber(_ name: String) -> Int? {
        for prefix in ["colonne_", "column_", "col_", "colonne", "column"] where name.hasPrefix(prefix) {
            return Int(name.dropFirst(prefix.count))
        }
        return nil
    }

    // MARK: Helpers

    private var current: LaTeXToken { tokens[position] }
    /// The kind of the token `k` places ahead (the end when there is none).
    private func peek(_ k: Int) -> LaTeXToken.Kind { position + k < tokens.count ? tokens[position + k].kind : .end }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }
    private func location(_ t: LaTeXToken) -> SourceLocation { source.location(ofOffset: t.offset) }
    private mutating func accept(_ kind: LaTeXToken.Kind) -> Bool {
        if current.kind == kind { advance(); return true }
        return false
    }
    private mutating func expect(_ kind: LaTeXToken.Kind, _ what: String) throws(Diagnostic) {
        if !accept(kind) { throw error("expected \(what), found \(current.describe)") }
    }
    private mutating func enter() throws(Diagnostic) {
        nesting += 1
        if nesting > LaTeXParser.maximumNesting {
            throw Diagnostic(.nestingTooDeep, "formula nested too deeply (more than \(LaTeXParser.maximumNesting) levels)", at: location(current))
        }
    }
    private func error(_ message: String) -> Diagnostic { Diagnostic(.syntax, message, at: location(current)) }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
    var replacingSpaces: String { split(separator: " ").joined(separator: "_") }
}
