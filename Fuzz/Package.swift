// swift-tools-version:6.1
// Coverage-guided fuzzing of what the page exposes (Scripts/fuzz.sh builds and runs it): the
// `.nabla` reader and solver, and the sheet reader and checker, under libFuzzer with the address
// sanitizer. A package of its own, since its executables get `main` from libFuzzer.
import Foundation
import PackageDescription

// The package above, by the name SwiftPM gives it: its folder's.
let nabla = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "NablaFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-document", dependencies: ["FuzzDriver", .product(name: "Nabla", package: nabla)]),
        .executableTarget(name: "fuzz-sheet", dependencies: ["FuzzDriver", .product(name: "Nabla", package: nabla)]),
    ],
    swiftLanguageModes: [.v6]
)
