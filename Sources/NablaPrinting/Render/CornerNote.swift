import NablaDocument
import NablaCore

/// Where a result does not hold: the points where a function with a corner or a jump (`abs`,
/// `relu`, `max`, `min`) is not differentiable, said once per target.
///
/// ```
/// f.nabla:3:1: warning: f is not differentiable where x - y = 0 (a corner of abs, relu, max or min): the result holds elsewhere, and sign(…) and heaviside(…) in it are undefined there
/// ```
public enum CornerNote {
    /// One warning per result with corners, at its command.
    public static func notes(_ results: [TargetResult], _ store: ExpressionStore) -> [Diagnostic] {
        let printer = ExpressionPrinter(store: store, notation: .text)
        return results.compactMap { r in
            let corners = store.corners(of: r.components)
            guard !corners.isEmpty else { return nil }
            var seen = Set<String>()
            let places = corners.map { "\(printer.string($0)) = 0" }.filter { seen.insert($0).inserted }
            return Diagnostic(.undefinedValue, .other(CornerPhrase(target: r.target, places: places)), at: r.location, severity: .warning)
        }
    }
}

/// "F is not differentiable where x - y = 0 …", in either language.
struct CornerPhrase: Phrasing {
    let target: String
    let places: [String]

    func text(in language: Language) -> String {
        let fr = language == .fr
        let or = fr ? " ou " : " or "
        let listed = places.count == 1 ? places[0] : places.dropLast().joined(separator: ", ") + or + places.last!
        return fr ? "\(target) n'est pas dérivable là où \(listed) (un point anguleux de abs, relu, max ou min) : "
            + "le résultat vaut ailleurs, et sign(…) et heaviside(…) n'y sont pas définis"
            : "\(target) is not differentiable where \(listed) (a corner of abs, relu, max or min): "
            + "the result holds elsewhere, and sign(…) and heaviside(…) in it are undefined there"
    }
}
