// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "iflow-server",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iflow", targets: ["iflow"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        // The drivers under fluent-sqlite-driver, named for the hot read path (Store/SQLiteReadConnections.swift).
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // Named because our code imports them (HTTPTypes, ServiceLifecycle); Hummingbird brings the same versions.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // GET /metrics on --metrics-port: swift-metrics' API in our code, swift-prometheus behind it.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The collective sheet's xlsx download: the workbook's parts zipped in memory (Export/).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "IFlowCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IFlowStore",
            dependencies: [
                "IFlowCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Request body decoding, apart from the server so that the fuzz target builds without Hummingbird and the database.
        .target(
            name: "IFlowForms",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio")
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IFlowAPI",
            dependencies: [
                "IFlowCore",
                "IFlowForms",
                "IFlowStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // docs/openapi.yaml (linked into the target) and the web's templates and assets compiled into the binary: served
            // without any file beside it.
            resources: [.embedInCode("OpenAPI/openapi.yaml"), .embedInCode("Web/Templates"), .embedInCode("Web/Assets")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "iflow",
            dependencies: [
                "IFlowAPI",
                "IFlowStore",
                "IFlowCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libFuzzer target for request decoding; scripts/fuzz.sh builds it with -sanitize=fuzzer. A plain build replays
        // the files it is given, e.g. fuzz/corpus/*.
        .executableTarget(
            name: "FormFieldsFuzz",
            dependencies: ["IFlowForms", "IFlowCore", .product(name: "NIOCore", package: "swift-nio")],
            path: "fuzz/Sources/FormFieldsFuzz",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IFlowCoreTests",
            dependencies: ["IFlowCore"],
            swiftSettings: swiftSettings
        ),
        // Test helpers both test targets share; not a product, never linked into the server.
        .target(
            name: "IFlowTestSupport",
            dependencies: [
                "IFlowStore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/IFlowTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IFlowStoreTests",
            dependencies: [
                "IFlowCore",
                "IFlowStore",
                "IFlowTestSupport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IFlowAPITests",
            dependencies: [
                "IFlowAPI",
                "IFlowCore",
                "IFlowForms",
                "IFlowStore",
                "IFlowTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
