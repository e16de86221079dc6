import NablaPrinting
import NablaDocument
import NablaCore

/// The ways a sheet writes a Jacobian: `J_{g \circ f}(x)`, `D(F \circ G)(x)`, `\frac{\partial F}{\partial x_1}`,
/// `d_x f`, `\nabla_w (g \circ f)(x)`, and the function names inside them.
extension LaTeXParser {
    mutating func jacobianNotation(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
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
        } else if case .letter("D") = tokens[saved].kind, let f = functionLetter(), isFunction(f), peek(1) == .leftParen {
            // `DF(y)`, `D\Phi(r, \theta)`: the Jacobian of a function the sheet defines, at a point.
            advance()
            target = [LocatedName(name: f, location: location(tokens[position - 1]))]
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

    /// The name of `\hat{y}` (the accent command read already): `y_hat`, with its subscript
    /// (`\hat{y}_1` → `y_hat_1`), printed back as `\hat{y}`.
    mutating func accentedName(_ accent: String) throws(Diagnostic) -> String {
        try textGroup().trimmed.replacingSpaces + "_" + accent + (try subscriptSuffix())
    }

    /// The current token as a one-letter function name: `F`, or a Greek letter `\Phi`.
    func functionLetter() -> String? {
        switch current.kind {
        case let .letter(f): return String(f)
        case let .command(c) where GreekLetters.names.contains(c): return c
        default: return nil
        }
    }

    /// `\mathrm{J}_\Psi(\rho, \phi)`, `\mathrm{J}_{\Psi}`, `\mathrm{D}\Phi(r, \theta)`: a Jacobian written with an
    /// upright J or D. Nil (nothing read) when what follows is not a function.
    mutating func uprightJacobian(_ letter: String, _ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        var target: [LocatedName] = []
        if letter == "J", accept(.underscore) {
            let braced = accept(.leftBrace)
            guard let first = try? functionName() else { position = saved; return nil }
            target = [first]
            while braced && accept(.command("circ")) { target.append(try functionName()) }
            guard !braced || accept(.rightBrace) else { position = saved; return nil }
        } else if letter == "D", let f = functionLetter(), isFunction(f) {
            advance()
            target = [LocatedName(name: f, location: location(tokens[position - 1]))]
        } else {
            return nil
        }
        guard target.allSatisfy({ isFunction($0.name) }) else { position = saved; return nil }
        var head = GradientHead(target: target, column: nil, argument: nil, location: l)
        if current.kind == .leftParen { head.argument = try evaluationPoint() }
        return head
    }

    /// `\frac{\partial L}{\partial w_1}`, `\frac{dF}{dx}`: one column of a Jacobian, by the variable's
    /// name; `\frac{d}{dt} f(\gamma(t))`, `\frac{\partial}{\partial x} F(x, y)`: the same of what follows.
    mutating func partialDerivative(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        advance()   // `{`
        let differential = current.kind   // `\partial` or `d`
        advance()
        if current.kind == .rightBrace {
            advance()
            guard accept(.leftBrace), accept(differential), let variable = try? functionName().name, accept(.rightBrace) else {
                position = saved; return nil
            }
            if let (target, argument) = appliedFunction() {
                var head = GradientHead(target: target, column: nil, argument: nil, location: l)
                head.variable = variable
                head.argument = argument
                return head
            }
            // `\frac{d}{dx}\left[x^2 e^{3x}\right]`, `\frac{d}{dx}(…)`: the derivative of the expression in brackets.
            let closing: LaTeXToken.Kind
            switch current.kind {
            case .leftBracket: closing = .rightBracket
            case .leftParen: closing = .rightParen
            default: position = saved; return nil
            }
            advance()
            guard let inner = try? sum(), let e = inner.scalar, accept(closing) else { position = saved; return nil }
            var head = GradientHead(target: [LocatedName(name: "d/d\(variable)[…]", location: l)], column: nil, argument: nil, location: l)
            head.expression = (e, variable)
            return head
        }
        if let head = severalFunctions(differential, l) { return head }
        // `\partial F` or `\partial (L \circ p)`
        var target: [LocatedName] = []
        let parenthesized = accept(.leftParen)
        repeat {
            guard let name = try? functionName() else { position = saved; return nil }
            target.append(name)
        } while parenthesized && accept(.command("circ"))
        guard !parenthesized || accept(.rightParen), accept(.rightBrace), accept(.leftBrace), accept(differential),
              let variable = try? functionName().name, accept(.rightBrace) else { position = saved; return nil }
        var head = GradientHead(target: target, column: nil, argument: nil, location: l)
        head.variable = variable
        if current.kind == .leftParen { head.argument = try evaluationPoint() }
        return head
    }

    /// `\frac{\partial(x, y)}{\partial(r, \theta)}` after the first `\partial`: the Jacobian of
    /// the functions (or quantities) x, y with respect to r, θ. Nil (nothing read) otherwise.
    private mutating func severalFunctions(_ differential: LaTeXToken.Kind, _ l: SourceLocation) -> GradientHead? {
        let saved = position
        func names() -> [LocatedName]? {
            guard accept(.leftParen) else { return nil }
            var out: [LocatedName] = []
            repeat {
                guard let name = try? functionName() else { return nil }
                out.append(name)
            } while accept(.comma)
            return accept(.rightParen) ? out : nil
        }
        guard let functions = names(), functions.count > 1, accept(.rightBrace), accept(.leftBrace), accept(differential),
              let variables = names(), accept(.rightBrace) else { position = saved; return nil }
        var head = GradientHead(target: [functions[0]], column: nil, argument: nil, location: l)
        head.several = (functions, variables.map(\.name))
        return head
    }

    /// A function applied, as the operand of `\frac{d}{dt}`: `f(\gamma(t))` → ([f, γ], [t]),
    /// `(f \circ \gamma)(t)` → ([f, γ], [t]), `F(x, y)` → ([F], [x, y]). Nil (nothing read) otherwise.
    mutating func appliedFunction() -> (target: [LocatedName], argument: [ExpressionSyntax])? {
        let saved = position
        var target: [LocatedName] = []
        if accept(.leftParen) {
            repeat {
                guard let name = try? functionName() else { position = saved; return nil }
                target.append(name)
            } while accept(.command("circ"))
            guard accept(.rightParen) else { position = saved; return nil }
        } else {
            // f(γ(t)): names opened one inside the other, closed together.
            var opened = 0
            while let name = try? functionName(), isFunction(name.name), accept(.leftParen) {
                target.append(name)
                opened += 1
                let next = position
                if (try? functionName()).map({ isFunction($0.name) && current.kind == .leftParen }) != true { position = next; break }
                position = next
            }
            guard opened > 0 else { position = saved; return nil }
            guard let point = try? evaluationPointInside(closing: opened) else { position = saved; return nil }
            return (target, point)
        }
        guard current.kind == .leftParen, let point = try? evaluationPoint() else { position = saved; return nil }
        return (target, point)
    }

    /// The arguments before `closing` closing parentheses: `t))` → [t].
    private mutating func evaluationPointInside(closing: Int) throws(Diagnostic) -> [ExpressionSyntax] {
        var items: [ExpressionSyntax] = []
        repeat {
            guard let s = try sum().scalar else { throw error(.expression) }
            items.append(s)
        } while accept(.comma)
        for _ in 0..<closing { try expect(.rightParen, .token("')'")) }
        return items
    }

    /// `d_x f`, `d_x(g \circ f)`: the differential, written as a Jacobian. Nil (and nothing read)
    /// when `d_x` is followed by something that is not a function.
    mutating func differentialNotation(_ l: SourceLocation) throws(Diagnostic) -> GradientHead? {
        let saved = position
        advance()
        guard (try? subscriptSuffix()) != nil, let head = try? gradientHead(l),
              head.target.allSatisfy({ isFunction($0.name) }) else { position = saved; return nil }
        return head
    }

    /// `(f(x))`, `(x)`, `(x_1, x_2)` after a Jacobian.
    mutating func evaluationPoint() throws(Diagnostic) -> [ExpressionSyntax] {
        try expect(.leftParen, .token("'('"))
        var arguments: [ExpressionSyntax] = []
        repeat {
            let a = try sum()
            if let s = a.scalar { arguments.append(s) }
            else if case let .matrix(rows, _) = a, rows.count == 1 { arguments += rows[0].compactMap(\.scalar) }
        } while accept(.comma)
        try expect(.rightParen, .token("')'"))
        return arguments
    }

    /// After `\nabla`: a name, `(g \circ f)`, maybe an evaluation point `(f(x))`.
    mutating func gradientHead(_ l: SourceLocation) throws(Diagnostic) -> GradientHead {
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
            try expect(.rightParen, .closingComposition)
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
    mutating func functionName() throws(Diagnostic) -> LocatedName {
        try enter(); defer { nesting -= 1 }
        let l = location(current)
        switch current.kind {
        case let .letter(c):
            advance()
            return LocatedName(name: String(c) + (try subscriptSuffix()), location: l)
        case let .command(c) where LaTeXVocabulary.nameCommands.contains(c):
            advance()
            return LocatedName(name: try textGroup().trimmed.replacingSpaces + (try subscriptSuffix()), location: l)
        case let .command(c) where GreekLetters.names.contains(c):
            advance()
            return LocatedName(name: c + (try subscriptSuffix()), location: l)
        case let .command(c) where IdentifierParts.accents.contains(c):
            advance()
            return LocatedName(name: try accentedName(c), location: l)
        case .leftParen:
            advance()
            let inner = try functionName()
            try expect(.rightParen, .token("')'"))
            return inner
        default:
            throw error(.functionName)
        }
    }

    /// `{…}` read as plain text (for `\text`, `\mathrm`, environment names).
}
