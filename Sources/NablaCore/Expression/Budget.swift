import Foundation

/// A time limit on long work. The symbolic passes look at it as they go (every few hundred
/// nodes) and, once it has run out, stop at once; the caller then reports what was being done.
/// It can also be cancelled from another thread (a web request that went away).
///
/// ```swift
/// let store = ExpressionStore()
/// store.budget = Budget(seconds: 5)
/// let doc = try Document(source: source, store: store)   // throws "stopped after 5 s while …" past it
/// ```
public final class Budget: @unchecked Sendable {
    /// The time allowed, in seconds.
    public let seconds: Double
    private let deadline: UInt64
    private let lock = NSLock()
    private var cancelled = false
    /// Whether the work was cancelled rather than out of time.
    public var wasCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }
    private var calls = 0
    private var exhausted = false
    /// What the work is doing, for the message when the budget runs out: "differentiating F".
    public var activity = Activity.computing

    /// What long work can be doing, said in either language.
    public enum Activity: Sendable, Equatable {
        case computing
        case reading(String)
        case differentiating(String)
        case simplifying(String)
        case computingTheHessian(String)
        case checkingLine(Int)
        case compiling(String)
        case printing
        case generatingCode

        public func text(in language: Language) -> String {
            let fr = language == .fr
            // A long composition by its ends: f1∘f2∘…∘f2000 (2000 functions).
            func short(_ t: String) -> String {
                let links = t.split(separator: "∘")
                guard t.count > 60, links.count > 4 else { return t }
                return "\(links[0])∘\(links[1])∘…∘\(links[links.count - 1]) (\(links.count) \(fr ? "fonctions" : "functions"))"
            }
            switch self {
            case .computing: return fr ? "le calcul" : "computing"
            case let .reading(t): return fr ? "la lecture des fonctions de \(short(t))" : "reading the functions of \(short(t))"
            case let .differentiating(t): return fr ? "la dérivation de \(short(t))" : "differentiating \(short(t))"
            case let .simplifying(t): return fr ? "la simplification de la jacobienne de \(short(t))" : "simplifying the Jacobian of \(short(t))"
            case let .computingTheHessian(t): return fr ? "le calcul de la hessienne de \(short(t))" : "computing the Hessian of \(short(t))"
            case let .checkingLine(n): return fr ? "la vérification de la formule de la ligne \(n)" : "checking the formula at line \(n)"
            case let .compiling(t): return fr ? "la compilation de \(short(t)) pour l'évaluer" : "compiling \(short(t)) for evaluation"
            case .printing: return fr ? "l'écriture des résultats" : "printing the results"
            case .generatingCode: return fr ? "la génération du code" : "generating code"
            }
        }
    }

    public init(seconds: Double) {
        self.seconds = seconds
        let nanoseconds = seconds.isFinite && seconds > 0 ? min(Double(UInt64.max / 2), seconds * 1e9) : 0
        deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(nanoseconds)
    }

    /// Stops the work at its next look at the budget.
    public func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    /// Whether the time is up or the work was cancelled (looks at the clock every time).
    public var isExhausted: Bool {
        if exhausted { return true }
        lock.lock(); let c = cancelled; lock.unlock()
        exhausted = c || DispatchTime.now().uptimeNanoseconds >= deadline
        return exhausted
    }

    /// The same, looking at the clock only every 256th call: cheap enough for inner loops.
    func isExhaustedSoon() -> Bool {
        if exhausted { return true }
        calls &+= 1
        return calls & 255 == 0 ? isExhausted : false
    }
}

extension ExpressionStore {
    /// Whether the store's budget has run out; the passes stop building when it has.
    package var isOverBudget: Bool { budget?.isExhaustedSoon() ?? false }
}
