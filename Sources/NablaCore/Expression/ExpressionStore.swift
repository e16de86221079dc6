/// The hash-consed graph that owns every expression of one document or request.
///
/// Every expression is a ``Node`` whose children are earlier nodes of the same store. The public
/// constructors (`sum`, `product`, `power`, `apply`, …) keep each node in canonical form, so two
/// expressions that are equal after flattening, sorting and collecting like terms are one id.
///
/// ```swift
/// let store = ExpressionStore()
/// let x = store.symbol("x")
/// let twoX = store.sum([x, x])             // 2·x
/// store.product([twoX, store.power(x, store.number(-1))]) == store.number(2)   // true
/// ```
///
/// A store is not shared between threads; make one per document or request.
public final class ExpressionStore {
    // The store is used from one thread at a time and never hands out references into these
    // arrays, so the runtime's exclusivity checks (11% of a large Jacobian's time) are turned off.
    @usableFromInline @exclusivity(unchecked) private(set) var nodes: [Node] = []
    @exclusivity(unchecked) private var memo: [Node: ExprID] = [:]
    @usableFromInline @exclusivity(unchecked) private(set) var freeSymbolSets: [SymbolSet] = []
    @exclusivity(unchecked) private(set) var treeSizes: [Int] = []
    /// Each node as (numeric coefficient, rest): `3·x·y` → (3, x·y), `x` → (1, x), `5` → (5, 1).
    @usableFromInline @exclusivity(unchecked) private(set) var coefficientSplits: [(coefficient: Rational, rest: ExprID)] = []

    /// Derivatives already computed, keyed by expression and variable.
    @exclusivity(unchecked) package var derivativeMemo: [DerivativeKey: ExprID] = [:]
    /// `c·x` products by (c, x), found without building a node to look up.
    @exclusivity(unchecked) var scaledProducts: [ScaledKey: ExprID] = [:]
    /// The rests of the terms of each large sum met inside another sum (see ``sum(_:)``).
    @exclusivity(unchecked) var largeSumRestSets: [ExprID: Set<ExprID>] = [:]
    /// Small integers, by value + 64.
    @exclusivity(unchecked) private var smallIntegers: [ExprID?] = Array(repeating: nil, count: 129)
    /// The standard functions a document defines in its own words (`sigma(t) = 1/(1 + e^-t)` is
    /// the sigmoid): the printers write the document's name, the worked solution its definition.
    public var namedFunctions: [ElementaryFunction: NamedFunction] = [:]
    /// The time limit of the work done in this store; nil for none.
    public var budget: Budget?
    /// Marks of the graph walks (``postOrder(from:where:)``, ``reachable(from:)``): a node is
    /// visited by the current walk when its mark is `walk`; a new walk needs no clearing.
    @exclusivity(unchecked) private var walkMarks: [UInt32] = []
    @exclusivity(unchecked) private var walk: UInt32 = 0
    /// For large sums, which terms depend on each symbol (built on first use).
    @exclusivity(unchecked) package var sumDependents: [ExprID: [(symbol: ExprID, term: Int32)]] = [:]

    public let zero: ExprID
    public let one: ExprID
    public let minusOne: ExprID
    public let undefined: ExprID

    public init() {
        zero = ExprID(0); one = ExprID(1); minusOne = ExprID(2); undefined = ExprID(3)
        for node in [Node.number(.zero), .number(.one), .number(.minusOne), .undefined] { _ = intern(node) }
    }

    /// The number of distinct nodes in the store.
    public var count: Int { nodes.count }

    // Inlinable, like the few accessors below: the layers above call them in every inner loop.
    @inlinable public subscript(id: ExprID) -> Node { nodes[Int(id.index)] }

    func intern(_ node: Node) -> ExprID {
        if let id = memo[node] { return id }
        // The rest of a product with a coefficient is a node of its own, made first.
        var split: (coefficient: Rational, rest: ExprID)?
        switch node {
        case let .number(r): split = (r, ExprID(1))
        case let .product(factors):
            if case let .number(c) = nodes[Int(factors[0].index)] {
                split = (c, factors.count == 2 ? factors[1] : intern(.product(Array(factors.dropFirst()))))
            }
        default: break
        }
        let id = ExprID(nodes.count)
        let symbols: SymbolSet
        switch node {
        case .number, .constant, .undefined: symbols = .empty
        case .symbol: symbols = SymbolSet(single: id)
        case let .sum(children), let .product(children):
            symbols = SymbolSet.union(children.map { freeSymbolSets[Int($0.index)] })
        case let .power(b, e): symbols = SymbolSet.union([freeSymbolSets[Int(b.index)], freeSymbolSets[Int(e.index)]])
        case let .apply(_, a): symbols = freeSymbolSets[Int(a.index)]
        }
        treeSizes.append(ExpressionStore.treeSize(of: node) { treeSizes[Int($0.index)] })
        nodes.append(node)
        freeSymbolSets.append(symbols)
        coefficientSplits.append(split ?? (.one, id))
        memo[node] = id
        return id
    }

    // MARK: Leaves

    public func number(_ value: Rational) -> ExprID {
        if let v = value.intValue, v >= -64, v <= 64 {
            if let id = smallIntegers[v + 64] { return id }
            let id = intern(.number(value))
            smallIntegers[v + 64] = id
            return id
        }
        return intern(.number(value))
    }
    public func number(_ value: Int) -> ExprID { intern(.number(Rational(value))) }
    public func symbol(_ name: String) -> ExprID { intern(.symbol(name)) }
    public func constant(_ c: MathConstant) -> ExprID { intern(.constant(c)) }

    // MARK: Queries

    /// The number, when `id` is one.
    public func rational(_ id: ExprID) -> Rational? {
        if case let .number(r) = self[id] { return r }
        return nil
    }

    /// The name, when `id` is a symbol.
    public func symbolName(_ id: ExprID) -> String? {
        if case let .symbol(name) = self[id] { return name }
        return nil
    }

    /// The free symbols of a node, computed when it was made.
    @inlinable public func freeSymbols(_ id: ExprID) -> SymbolSet { freeSymbolSets[Int(id.index)] }

    /// Whether `id` contains the symbol `variable`.
    @inlinable public func depends(_ id: ExprID, on variable: ExprID) -> Bool { freeSymbols(id).contains(variable) }

    /// The names of the free symbols of `id`, sorted by id.
    public func freeSymbolNames(_ id: ExprID) -> [String] { freeSymbols(id).ids.compactMap(symbolName) }

    /// Whether the undefined value occurs in `id`.
    public func isUndefined(_ id: ExprID) -> Bool { id == undefined }

    /// The children of a node, in order.
    public func children(_ id: ExprID) -> [ExprID] {
        switch self[id] {
        case .number, .symbol, .constant, .undefined: []
        case let .sum(c), let .product(c): c
        case let .power(b, e): [b, e]
        case let .apply(_, a): [a]
        }
    }

    /// The nodes below `roots` (the roots included) that `needsWork` selects, children before
    /// parents; the walk does not go below a node that `needsWork` rejects. The symbolic passes
    /// work through this order with a loop instead of recursion, so an expression nested
    /// thousands deep needs no deep call stack.
    ///
    /// ```swift
    /// for n in store.postOrder(from: [id], where: { memo[$0] == nil }) { memo[n] = f(n) }   // children first
    /// ```
    public func postOrder(from roots: [ExprID], where needsWork: (ExprID) -> Bool) -> [ExprID] {
        startWalk()
        var stack = roots.filter(needsWork)
        var out: [ExprID] = []
        while let top = stack.popLast() {
            guard visit(top) else { continue }
            out.append(top)
            for c in children(top) where !isVisited(c) && needsWork(c) { stack.append(c) }
        }
        return out.sorted()   // children have smaller ids than their parents
    }

    /// The distinct nodes reachable from `roots`, children before parents.
    public func reachable(from roots: [ExprID]) -> [ExprID] { postOrder(from: roots) { _ in true } }

    private func startWalk() {
        if walkMarks.count < nodes.count { walkMarks.append(contentsOf: repeatElement(0, count: nodes.count - walkMarks.count)) }
        if walk == UInt32.max { walk = 0; for i in walkMarks.indices { walkMarks[i] = 0 } }
        walk += 1
    }

    /// Marks `id` visited by this walk; false when it already was.
    private func visit(_ id: ExprID) -> Bool {
        let i = Int(id.index)
        if i >= walkMarks.count { walkMarks.append(contentsOf: repeatElement(0, count: nodes.count - walkMarks.count)) }
        if walkMarks[i] == walk { return false }
        walkMarks[i] = walk
        return true
    }

    private func isVisited(_ id: ExprID) -> Bool { Int(id.index) < walkMarks.count && walkMarks[Int(id.index)] == walk }
}

struct ScaledKey: Hashable {
    let coefficient: ExprID
    let factor: ExprID
}

package struct DerivativeKey: Hashable {
    package let expression: ExprID
    package let variable: ExprID

    package init(expression: ExprID, variable: ExprID) { self.expression = expression; self.variable = variable }
}
