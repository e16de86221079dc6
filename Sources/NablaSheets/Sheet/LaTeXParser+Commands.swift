import NablaPrinting
import NablaDocument
import NablaCore

/// Commands (`\frac`, `\sqrt`, `\sin`, `\text{…}`, `\nabla`, Greek letters) and environments
/// (pmatrix, bmatrix, matrix, array).
extension LaTeXParser {
    mutating func command(_ c: String, _ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        advance()
        switch c {
        case "frac", "dfrac", "tfrac":
            if peek(0) == .leftBrace, peek(1) == .command("partial") || peek(1) == .letter("d"), let head = try partialDerivative(l) {
                return .gradient(head)
            }
            let n = try group(), d = try group()
            guard let ns = n.scalar, let ds = d.scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.fraction), at: l) }
            return .expression(.divide(ns, ds, l))
        case "partial":
            // `\partial z / \partial s`, the inline form of ∂z/∂s.
            let saved = position
            if let target = try? functionName(), accept(.divide), accept(.command("partial")), let variable = try? functionName() {
                var head = GradientHead(target: [target], column: nil, argument: nil, location: l)
                head.variable = variable.name
                return .gradient(head)
            }
            position = saved
            throw Diagnostic(.syntax, SheetPhrase.unknownCommand(c), at: l)
        case "sqrt":
            let a = try group()
            guard let s = a.scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.squareRoot), at: l) }
            return .expression(.call("sqrt", [s], l))
        case "log" where current.kind == .underscore:
            // \log_2 x, \log_{10}(x): the logarithm in a base.
            advance()
            let base = try group()
            guard let b = base.scalar else { throw Diagnostic(.syntax, SheetPhrase.logarithmBase, at: l) }
            return .expression(.call("log", [try functionArgument(c, l), b], l))
        case "exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arcsin", "arccos", "arctan", "sgn":
            // `\sin^2 t` is (sin t)², as courses write it; `\sin^{-1} x` is arcsin x.
            var power: (ExpressionSyntax, SourceLocation)?
            if current.kind == .caret, c != "exp" {
                let pl = location(current)
                advance()
                guard let e = try group().scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.power), at: pl) }
                power = (e, pl)
            }
            let argument = try functionArgument(c, l)
            var name = ["ln": "log", "arcsin": "asin", "arccos": "acos", "arctan": "atan", "sgn": "sign"][c] ?? c
            if let (e, pl) = power {
                if case .negate(.number(let one, _), _) = e, one == .one, let inverse = ["sin": "asin", "cos": "acos", "tan": "atan"][name] {
                    name = inverse
                } else {
                    return .expression(.power(.call(name, [argument], l), e, pl))
                }
            }
            return .expression(.call(name, [argument], l))
        case "max", "min":
            guard current.kind == .leftParen else { throw Diagnostic(.syntax, SheetPhrase.pairExpectedAfter(c), at: l) }
            return try named(c, l)
        case _ where IdentifierParts.accents.contains(c):
            return try named(try accentedName(c), l)
        case _ where LaTeXVocabulary.nameCommands.contains(c):
            let name = try textGroup().trimmed.replacingSpaces
            if name.isEmpty { return .expression(.number(.one, l)) }
            if name == "e" && c != "text" { return .expression(.name("e", l)) }
            if name == "J" || name == "D", let head = try uprightJacobian(name, l) { return .gradient(head) }
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
        case "det":
            // `\det \nabla \Phi(r, \theta)`, `\det(J_\Phi)`: the determinant of a Jacobian.
            guard case var .gradient(head) = try primary() else { throw Diagnostic(.syntax, SheetPhrase.determinantOfAJacobian, at: l) }
            head.determinant = true
            return .gradient(head)
        case "nabla":
            return .gradient(try gradientHead(l))
        case "mathbb":
            // A set such as ℝ³: only ever part of a signature `f : \mathbb{R}^3 \rightarrow \mathbb{R}`.
            let name = try textGroup()
            return .expression(.name(LaTeXParser.setPrefix + name, l))
        case "pi": return .expression(.name("pi", l))
        case "begin": return try environment(l)
        case "cdot", "times": throw Diagnostic(.syntax, SheetPhrase.expressionExpectedBefore(c), at: l)
        default:
            if GreekLetters.names.contains(c) {
                return try named(c + (try subscriptSuffix()), l)
            }
            throw Diagnostic(.syntax, SheetPhrase.unknownCommand(c), at: l)
        }
    }

    /// The argument of `\exp`, `\sin`…: in parentheses or braces, or the next factor.
    mutating func functionArgument(_ name: String, _ l: SourceLocation) throws(Diagnostic) -> ExpressionSyntax {
        if current.kind == .caret {
            throw Diagnostic(.syntax, SheetPhrase.powerBeforeArgument(name), at: l)
        }
        // `\cos(\theta)^2` is (cos θ)²: a parenthesized argument ends before the power, which
        // then applies to the function. Without parentheses the argument is the monomial that
        // follows, as courses write it: `\sin x^2` is sin(x²), `\cos 3t` is cos(3t), `\cos 2\theta`
        // is cos(2θ); it ends at the next function, operator or parenthesis (`\sin t \cos t`).
        if current.kind == .leftParen {
            guard let s = try primary().scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.function(name)), at: l) }
            return s
        }
        var factors: [ExpressionSyntax] = []
        repeat {
            guard let s = try factor().scalar else { throw Diagnostic(.syntax, SheetPhrase.notSupported(.function(name)), at: l) }
            factors.append(s)
        } while continuesMonomial
        return factors.count == 1 ? factors[0] : .product(factors, l)
    }

    /// Whether the next token goes on with the monomial argument of a function: a letter, a
    /// number or a Greek letter written right after (no `\,` between).
    private var continuesMonomial: Bool {
        if current.spaced { return false }
        switch current.kind {
        case .letter, .number: return true
        case let .command(c): return GreekLetters.names.contains(c)
        default: return false
        }
    }

    /// `J_{g \circ f}(x)`, `J_f`, `D(F \circ G)(x)`: another way to write a Jacobian. Nil (and
    /// nothing read) when the letter is just a letter.

    mutating func textGroup() throws(Diagnostic) -> String {
        try expect(.leftBrace, .token("'{'"))
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
            case .end: throw Diagnostic(.syntax, SheetPhrase.expected(.token("'}'"), found: nil), at: location(current))
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
    mutating func environment(_ l: SourceLocation) throws(Diagnostic) -> MathSyntax {
        let name = try textGroup()
        guard ["pmatrix", "bmatrix", "matrix", "array", "vmatrix", "Bmatrix", "smallmatrix"].contains(name) else {
            throw Diagnostic(.syntax, SheetPhrase.unsupportedEnvironment(name), at: l)
        }
        if name == "array", current.kind == .leftBrace { _ = try textGroup() }
        matrices += 1
        defer { matrices -= 1 }
        var rows: [[MathSyntax]] = [[]]
        while true {
            if case .command("end") = current.kind {
                advance()
                let closing = try textGroup()
                if closing != name { throw Diagnostic(.syntax, SheetPhrase.environmentClosedBy(name, closing: closing), at: l) }
                break
            }
            if current.kind == .end { throw Diagnostic(.syntax, SheetPhrase.environmentNeverClosed(name), at: l) }
            rows[rows.count - 1].append(try sum())
            if accept(.ampersand) { continue }
            if accept(.rowBreak) {
                if case .command("end") = current.kind { continue }
                rows.append([])
                continue
            }
            if case .command("end") = current.kind { continue }
            throw error(.rowSeparator(environment: name))
        }
        let width = rows.map(\.count).max() ?? 0
        if width == 0 { throw Diagnostic(.syntax, SheetPhrase.emptyMatrix, at: l) }
        if rows.contains(where: { $0.count != width }) {
            throw Diagnostic(.syntax, SheetPhrase.raggedMatrix, at: l)
        }
        if name == "vmatrix" {
            // |a b; c d| is a determinant: a scalar, expanded along the first row.
            let scalars = rows.map { $0.compactMap(\.scalar) }
            guard rows.count == width, width <= 4, scalars.allSatisfy({ $0.count == width }) else {
                throw Diagnostic(.syntax, SheetPhrase.determinantOfAJacobian, at: l)
            }
            return .expression(LaTeXParser.determinant(scalars, l))
        }
        return .matrix(rows, l)
    }

    /// The determinant of square rows of expressions, expanded along the first row.
    static func determinant(_ rows: [[ExpressionSyntax]], _ l: SourceLocation) -> ExpressionSyntax {
        if rows.count == 1 { return rows[0][0] }
        let terms = rows[0].indices.map { j -> ExpressionSyntax in
            let minor = rows.dropFirst().map { row in row.enumerated().filter { $0.offset != j }.map(\.element) }
            let term = ExpressionSyntax.product([rows[0][j], determinant(minor, l)], l)
            return j.isMultiple(of: 2) ? term : .negate(term, l)
        }
        return .sum(terms, l)
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

}
