// swift-tools-version:6.1
import PackageDescription

// The library is one target per layer, each depending only on the layers below it (the
// compiler enforces it); `Nabla` re-exports them all. Layers, bottom up:
//   NablaCore       expression store, nodes, rationals, canonical constructors, budget, source text
//   NablaCalculus   derivative, Jacobian, substitution, chain rule, simplification
//   NablaDocument   .nabla syntax, diagnostics, scopes, definitions, results
//   NablaPrinting   text, LaTeX, MathML, JSON renderers
//   NablaSheets     LaTeX/Markdown sheets, claims, checking
//   NablaExplain    worked solutions
//   NablaKernels    loops in C compiled for several instruction sets (exp over many lanes)
//   NablaNumeric    the tape, batches, code generation (needs only the core, calculus and kernels)
//   NablaTraining   data sets, the objective on the tape, L-BFGS, Adam and SGD, the trainer
//   Nabla           the umbrella, and a document's results on the numeric engine
// The web page (`nabla-server`) is a product of its own, on Hummingbird: `NablaServer` holds its
// routes and pages, so that `nabla` builds no web stack.
let package = Package(
    name: "Nabla",
    products: [
        .library(name: "Nabla", targets: ["Nabla"]),
        .executable(name: "nabla", targets: ["nabla"]),
        .executable(name: "nabla-bench", targets: ["nabla-bench"]),
        .executable(name: "nabla-server", targets: ["nabla-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        // The server only; no optional traits (configuration files, full Foundation).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .target(name: "NablaCore", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "NablaCalculus", dependencies: ["NablaCore"]),
        .target(name: "NablaDocument", dependencies: ["NablaCore", "NablaCalculus"]),
        .target(name: "NablaPrinting", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument"]),
        .target(name: "NablaKernels"),
        .target(name: "NablaNumeric", dependencies: ["NablaCore", "NablaCalculus", "NablaKernels"]),
        .target(name: "NablaTraining", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaNumeric"]),
        .target(name: "NablaSheets", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting", "NablaNumeric"]),
        .target(name: "NablaExplain", dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting"]),
        .target(
            name: "Nabla",
            dependencies: ["NablaCore", "NablaCalculus", "NablaDocument", "NablaPrinting", "NablaNumeric", "NablaSheets", "NablaExplain", "NablaTraining"]
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
        .target(
            name: "NablaServer",
            dependencies: ["Nabla", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .executableTarget(
            name: "nabla-server",
            dependencies: [
                "NablaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NablaServerTests",
            dependencies: ["NablaServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "NablaTests",
            dependencies: ["Nabla"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
