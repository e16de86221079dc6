import NablaCore
import NablaCalculus
import NablaDocument

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
            guard !r.corners.isEmpty else { return nil }
            var seen = Set<String>()
            let places = r.corners.map { "\(printer.string($0)) = 0" }.filter { seen.insert($0).inserted }
            let listed = places.count == 1 ? places[0] : places.dropLast().joined(separator: ", ") + " or " + places.last!
            return Diagnostic(.undefinedValue, "\(r.target) is not differentiable where \(listed) (a corner of abs, relu, max or min): "
                              + "the result holds elsewhere, and sign(…) and heaviside(…) in it are undefined there",
                              at: r.location, severity: .warning)
        }
    }
}
