// swift-tools-version: 6.1
import PackageDescription

/// Release builds target the build machine's CPU: SIMD kernels run about 100x faster than with the
/// generic x86-64 target, where `addProduct` lowers to a scalar library call per lane (DESIGN.md).
let native: [SwiftSetting] = [
  .unsafeFlags(["-target-cpu", "native"], .when(configuration: .release))
]

/// The kernels are optimised in debug builds too: `swift test` runs them millions of times, and
/// unoptimised SIMD code is about 50× slower. (Still without `-target-cpu native`.)
let optimisedKernels: [SwiftSetting] = native + [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// The test-only kernel faults (`KernelFaults`) are read only where `PSVERIFY_FAULTS` is defined:
/// debug builds (what `swift test` builds) of the modules that hold them. Release builds contain
/// no hook.
let faultHooks: SwiftSetting = .define("PSVERIFY_FAULTS", .when(configuration: .debug))

let problemModules = [
  "P1ConvMultiplies", "P2VideoConv", "P3aBottleneck", "P3bResidualScale",
  "P3cGradientDecay", "P4ScalePyramid",
]

/// A problem module: the derivation, the implementation's use, the checks, the grader.
func problem(_ name: String, _ extra: [Target.Dependency] = []) -> Target {
  .target(
    name: name,
    dependencies: [
      "TensorCore", "Algebra", "IndexNotation", "Answers", "ProblemDocument", "Verification",
      "Charts",
    ] + extra,
    path: "Problems/\(name)", exclude: ["README.md"], swiftSettings: native)
}

let package = Package(
  name: "psverify",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "psverify", targets: ["psverify"]),
    /// The student and class web page, in its own executable so that `psverify` never builds
    /// Hummingbird and SwiftNIO (README: Serving the problem set).
    .executable(name: "psverify-serve", targets: ["psverify-serve"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .target(name: "TensorCore", swiftSettings: optimisedKernels + [faultHooks]),
    .target(name: "Models", dependencies: ["TensorCore"], swiftSettings: optimisedKernels),
    .target(name: "ImageIO", dependencies: ["TensorCore"], swiftSettings: native),
    /// Exact algebra: rationals, polynomials, surds, and the solvers (inequalities as regions).
    .target(
      name: "Algebra",
      dependencies: ["TensorCore", .product(name: "BigInt", package: "BigInt")],
      swiftSettings: native + [faultHooks]),
    .target(
      name: "IndexNotation",
      dependencies: ["TensorCore", "Algebra"],
      swiftSettings: native),
    /// Typed answers read from text (plain, Unicode, LaTeX), compared, and their sheets.
    .target(
      name: "Answers",
      dependencies: [
        "TensorCore", "Algebra", "IndexNotation", .product(name: "BigInt", package: "BigInt"),
      ],
      swiftSettings: native),
    .target(
      name: "ProblemDocument", dependencies: ["Algebra", "IndexNotation", "Answers"],
      swiftSettings: native),
    /// The problem set exactly as printed, shipped with the binary as a resource.
    .target(
      name: "ShippedProblemSet", path: "Problems",
      exclude: problemModules, sources: ["ShippedProblemSet.swift"],
      resources: [.copy("ttic31230-cnn-2019.md")]),
    /// Charts (SVG) and pictures (PNG) for figures: problems draw theirs, reports place them.
    .target(name: "Charts", swiftSettings: native),
    .target(
      name: "Verification",
      dependencies: [
        "TensorCore", "Algebra", "IndexNotation", "Answers", "ProblemDocument", "Charts",
      ],
      swiftSettings: native),
    problem("P1ConvMultiplies"),
    problem("P2VideoConv"),
    problem("P3aBottleneck", ["Models"]),
    problem("P3bResidualScale", ["Models"]),
    problem("P3cGradientDecay", ["Models"]),
    problem("P4ScalePyramid", ["ImageIO"]),
    /// The text readers as fuzz targets, shared by the libFuzzer harness (Fuzz/) and the tests.
    /// The problems in order, looked up by id: the one list the CLI and the server read.
    .target(
      name: "ProblemRegistry",
      dependencies: ["Verification"] + problemModules.map { .target(name: $0) },
      swiftSettings: native),
    .target(
      name: "FuzzTargets",
      dependencies: [
        "TensorCore", "Algebra", "IndexNotation", "Answers", "ProblemDocument", "Verification",
        "ImageIO",
      ]),
    .target(
      name: "ResultStore",
      dependencies: [
        "Verification", "ProblemDocument", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: native),
    /// A class graded at once: readers (roster, class CSV, rubric), answer groups, gradebooks,
    /// feedback pages, regrading. The only importer of TOMLKit.
    .target(
      name: "Classroom",
      dependencies: [
        "TensorCore", "IndexNotation", "Answers", "Verification", "ResultStore", "Charts",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: native),
    .target(
      name: "Report",
      dependencies: [
        "Verification", "Algebra", "IndexNotation", "ProblemDocument", "ResultStore", "Charts",
      ],
      swiftSettings: native),
    .target(
      name: "PSVerifyCLI",
      dependencies: [
        "TensorCore", "Models", "Algebra", "IndexNotation", "Answers", "ProblemDocument",
        "ShippedProblemSet", "Verification", "ResultStore", "Report", "Classroom",
        "ProblemRegistry",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: native),
    .executableTarget(name: "psverify", dependencies: ["PSVerifyCLI"], swiftSettings: native),
    /// `psverify-serve`: routes, pages, private links and attempts over Hummingbird. It and its
    /// executable are the only importers of Hummingbird; nothing in `psverify` depends on them.
    .target(
      name: "Server",
      dependencies: [
        "TensorCore", "IndexNotation", "ProblemDocument", "ShippedProblemSet", "Verification",
        "ResultStore", "Report", "Classroom", "ProblemRegistry", "Charts",
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      swiftSettings: native),
    .executableTarget(
      name: "psverify-serve",
      dependencies: [
        "Server", "ResultStore", "ProblemRegistry",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: native),

    .target(
      name: "TestSupport",
      dependencies: ["TensorCore", "Verification", "ProblemDocument", "ShippedProblemSet"],
      path: "Tests/TestSupport"),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "Models", "TestSupport"]),
    .testTarget(
      name: "IndexNotationTests",
      dependencies: ["Algebra", "IndexNotation", "Answers", "TestSupport"]),
    .testTarget(
      name: "ProblemDocumentTests",
      dependencies: ["Answers", "ProblemDocument", "ShippedProblemSet", "TestSupport"],
      exclude: [
        "Fixtures", "Corpus", "HeldOut", "HeldOut2", "HeldOut3", "HeldOut4", "HeldOut5", "HeldOut6",
        "HeldOut7", "HeldOut8", "HeldOut9", "HeldOut10", "HeldOut11",
        "HeldOut12", "HeldOut13", "HeldOut14", "HeldOut15", "HeldOut16", "HeldOut17", "HeldOut18",
        "HeldOut19", "HeldOut20", "HeldOut21", "HeldOut22",
        "HeldOut23", "HeldOut24", "HeldOut25", "HeldOut26",
      ]),
    .testTarget(
      name: "VerificationTests",
      dependencies: ["Algebra", "Answers", "Verification", "TestSupport"]),
    .testTarget(
      name: "ResultStoreTests",
      dependencies: ["ResultStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "P3bResidualScaleTests",
      dependencies: ["Algebra", "P3bResidualScale", "TestSupport"]),
    .testTarget(
      name: "GradingSuite",
      dependencies: [
        "Verification", "Algebra", "IndexNotation", "Answers", "ProblemDocument",
        "ShippedProblemSet", "TensorCore", "Models", "ImageIO", "TestSupport",
      ]
        + problemModules.map { .target(name: $0) }),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "psverify", "PSVerifyCLI", "ResultStore", "TestSupport", "ProblemRegistry",
        "Verification", "Charts", "Algebra", "IndexNotation", "Answers", "ProblemDocument",
        "TensorCore",
      ]),
    .testTarget(
      name: "ClassroomTests",
      dependencies: ["Classroom", "ResultStore", "Verification", "IndexNotation", "TestSupport"]
        + problemModules.map { .target(name: $0) }),
    .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "Server", "ResultStore", "Classroom", "ProblemRegistry", "Verification",
        "TestSupport", "Charts",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(
      name: "ReportTests",
      dependencies: [
        "Report", "ResultStore", "Verification", "TestSupport", "Charts",
        "ProblemRegistry",
      ]
        + problemModules.map { .target(name: $0) }),
  ],
  swiftLanguageModes: [.v6]
)
