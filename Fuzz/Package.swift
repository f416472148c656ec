// swift-tools-version:6.0
// libFuzzer targets for Glossa. Built only by `make fuzz`, with -sanitize=fuzzer:
// a separate package so that a normal `swift build` of Glossa never tries to link them.
import PackageDescription

let fuzzDependencies: [Target.Dependency] = ["FuzzSupport", .product(name: "Glossa", package: "Glossa")]
let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "GlossaFuzz",
    dependencies: [.package(name: "Glossa", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: fuzzDependencies, swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzSlug", dependencies: fuzzDependencies, swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzArticle", dependencies: fuzzDependencies, swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzCrossLinks", dependencies: fuzzDependencies, swiftSettings: fuzzFlags),
    ]
)
