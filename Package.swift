// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Glossa",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "glossa", targets: ["GlossaCLI"]),
        .library(name: "Glossa", targets: ["Glossa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The reference Mustache implementation: Glossa renders with its own compiled templates
        // (Sources/Glossa/Rendering/Mustache), and MustacheEquivalenceTests check them against it.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through Hummingbird; named here because GlossaPreview uses its
        // graceful-shutdown handlers to end live-reload streams when Ctrl-C stops the server.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Glossa",
            dependencies: [
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "GlossaPreview",
            dependencies: [
                "Glossa",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "GlossaCLI",
            dependencies: [
                "Glossa",
                "GlossaPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GlossaTests",
            dependencies: ["Glossa", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "GlossaPreviewTests",
            dependencies: ["Glossa", "GlossaPreview"]
        ),
    ]
)
