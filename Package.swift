// swift-tools-version: 6.1
import PackageDescription

/// Release builds target the build machine's CPU: SIMD kernels run about 100x faster than with the
/// generic x86-64 target, where `addProduct` lowers to a scalar library call per lane (DESIGN.md).
let native: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))]

let package = Package(
  name: "psverify",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "psverify", targets: ["psverify"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .target(name: "TensorCore", swiftSettings: native),
    .target(name: "IndexNotation", dependencies: ["TensorCore"], swiftSettings: native),
    .target(name: "Verification", dependencies: ["TensorCore", "IndexNotation"], swiftSettings: native),
    .target(
      name: "P1ConvMultiplies",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P1ConvMultiplies",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "P2VideoConv",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P2VideoConv",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "P3aBottleneck",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P3aBottleneck",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "P3bResidualScale",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P3bResidualScale",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "P3cGradientDecay",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P3cGradientDecay",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "P4ScalePyramid",
      dependencies: ["TensorCore", "IndexNotation", "Verification"],
      path: "Problems/P4ScalePyramid",
      exclude: ["README.md"],
      swiftSettings: native),
    .target(
      name: "ResultStore",
      dependencies: ["Verification", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: native),
    .target(name: "Report", dependencies: ["Verification", "IndexNotation"], swiftSettings: native),
    .target(
      name: "PSVerifyCLI",
      dependencies: [
        "TensorCore", "IndexNotation", "Verification", "ResultStore", "Report", "P1ConvMultiplies",
        "P2VideoConv", "P3aBottleneck", "P3bResidualScale", "P3cGradientDecay",
        "P4ScalePyramid", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: native),
    .executableTarget(name: "psverify", dependencies: ["PSVerifyCLI"], swiftSettings: native),

    .target(name: "TestSupport", dependencies: ["Verification"], path: "Tests/TestSupport"),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"]),
    .testTarget(name: "IndexNotationTests", dependencies: ["IndexNotation", "TestSupport"]),
    .testTarget(name: "VerificationTests", dependencies: ["Verification", "TestSupport"]),
    .testTarget(
      name: "ResultStoreTests",
      dependencies: ["ResultStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "P3bResidualScaleTests", dependencies: ["P3bResidualScale", "TestSupport"]),
    .testTarget(
      name: "GradingSuite",
      dependencies: ["P1ConvMultiplies", "P2VideoConv", "P3aBottleneck", "P3bResidualScale",
                     "P3cGradientDecay", "P4ScalePyramid",
                     "Verification",
                     "IndexNotation",
                     "TensorCore", "TestSupport"]),
    .testTarget(
      name: "CLITests", dependencies: ["psverify", "PSVerifyCLI", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
