import Foundation
import NablaCore

extension ExpressionStore {
    /// A sum as its content and primitive part: `2x − 2m` → (2, x − m), `−e^u − 1` → (−1, e^u + 1).
    /// The content is the gcd of the coefficients when they are all integers (else 1), with the
    /// sign that makes the term of the smallest rest positive, so that a sum and its negative (or
    /// an integer multiple) have the same primitive part. Nil when the content is 1. (A fractional
    /// content is left in: `x/2 + 1` kept whole reads better than `(x + 2)/2` next to its copies.)
    ///
    /// With `fractions`, a fractional content is taken out too: `x/2 − 1/2` → (1/2, x − 1).
    func content(ofSum id: ExprID, fractions: Bool = false) -> (content: Rational, primitive: ExprID)? {
        guard case let .sum(terms) = self[id] else { return nil }
        var content = Rational.zero
        var leading: (rest: ExprID, negative: Bool)?
        for t in terms {
            let (c, rest) = splitCoefficient(t)
            content = c.isInteger || fractions ? Rational.gcd(content, c) : .one
            if leading.map({ rest < $0.rest }) ?? true { leading = (rest, c.isNegative) }
        }
        if content.isZero { return nil }   // (a sum has no zero terms; for safety)
        if leading?.negative == true { content = -content }
        if content.isOne { return nil }
        let scale = number((Rational.one / content)!)
        return (content, sum(terms.map { product([scale, $0]) }))
    }

    /// The rule `take-out-content`: in a product, each sum (or integer power of a sum) is
    /// written as its content times its primitive part, so that the numbers join the coefficient
    /// and powers of one sum meet: `x·(−e^u − 1)/(e^u + 1)²` → `−x/(e^u + 1)`, `(2x − 2m)/(2s²)` →
    /// `(x − m)/s²`. Nil unless two factors meet or numbers cancel: a content that only moves to
    /// the coefficient stays where it is (`1/(2x + 2)` is not `1/(2·(x + 1))`).
    func takeOutContent(_ id: ExprID) -> ExprID? {
        guard case let .product(factors) = self[id] else { return nil }
        var out: [ExprID] = []
        out.reserveCapacity(factors.count + 1)
        var moved = splitCoefficient(id).0.height   // the coefficient's height if nothing cancelled
        for f in factors {
            let (base, exponent) = splitPower(f)
            guard let n = rational(exponent)?.intValue, let (c, primitive) = content(ofSum: base) else {
                out.append(f); continue
            }
            moved *= Foundation.pow(c.height, Double(n.magnitude))
            out.append(power(number(c), exponent))
            out.append(power(primitive, exponent))
        }
        guard out.count > factors.count else { return nil }
        let result = product(out)
        func factorCount(_ e: ExprID) -> Int {   // not counting the coefficient
            guard case let .product(f) = self[e] else { return 1 }
            return f.count - (rational(f[0]) == nil ? 0 : 1)
        }
        return factorCount(result) < factorCount(id) || splitCoefficient(result).0.height < moved ? result : nil
    }
}
