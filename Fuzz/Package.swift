// swift-tools-version:6.0
// libFuzzer targets for Glossa. Built only by `make fuzz`, with -sanitize=fuzzer:
// a separate package so that a normal `swift build` of Glossa never tries to link them.
import PackageDescription

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "GlossaFuzz",
    dependencies: [.package(name: "Glossa", path: "..")],
    targets: [
        .executableTarget(name: "FuzzFrontMatter", dependencies: [.product(name: "Glossa", package: "Glossa")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzSlug", dependencies: [.product(name: "Glossa", package: "Glossa")], swiftSettings: fuzzFlags),
        .executableTarget(name: "FuzzArticle", dependencies: [.product(name: "Glossa", package: "Glossa")], swiftSettings: fuzzFlags),
    ]
)
