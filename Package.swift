// swift-tools-version:6.0
import PackageDescription

// The library is one target per layer, each depending only on the layers below it (the
// compiler enforces it); `Nabla` re-exports them all. Layers, bottom up:
//   NablaCore       expression store, nodes, rationals, canonical constructors, budget, source text
//   NablaCalculus   derivative, Jacobian, substitution, chain rule, simplification
//   NablaDocument   .nabla syntax, diagnostics, scopes, definitions, results
//   NablaPrinting   text, LaTeX, MathML, JSON renderers
//   NablaSheets     LaTeX/Markdown sheets, claims, checking
//   NablaExplain    worked solutions
//   NablaNumeric    the tape, batches, code generation (needs only the core and calculus)
//   Nabla           the umbrella, and a document's results on the numeric engine
let package = Package(
    name: "Nabla",
    products: [
        .library(name: "Nabla", targets: ["Nabla"]),
        .executable(name: "nabla", targets: ["nabla"]),
        .executable(name: "nabla-bench", targets: ["nabla-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
    ],
    targets: [
        .target(name: "NablaCore", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "NablaCalculus", dependencies: ["NablaCore"]),
        .target(name: "NablaDocument", dependencies: ["NablaCore", "NablaCalculus"]),
        .target(name: "NablaPrinting", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument"]),
        .target(name: "NablaNumeric", dependencies: ["NablaCore", "NablaCalculus"]),
        .target(name: "NablaSheets", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting", "NablaNumeric"]),
        .target(name: "NablaExplain", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting"]),
        .target(
            name: "Nabla",
            dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting", "NablaNumeric", "NablaSheets", "NablaExplain"]
        ),
        .executableTarget(
            name: "nabla",
            dependencies: [
                "Nabla",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "nabla-bench",
            dependencies: [
                "Nabla",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NablaTests",
            dependencies: ["Nabla"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
