import TensorCore

/// How a check obtains its evidence.
public enum CheckKind: String, Sendable, CaseIterable, Codable {
  /// Exact algebra: two symbolic computations agree, or a root satisfies its equation.
  case symbolic
  /// Floating-point computation compared within a stated rounding bound.
  case numeric
  /// Counting what code actually executes (multiplies, exponents of measured factors).
  case instrumented
  /// Sampling, judged by a z-test with a stated false-alarm probability.
  case monteCarlo = "monte-carlo"
}

/// The verdict of one check.
public enum CheckStatus: String, Sendable, CaseIterable, Codable {
  case pass
  case fail
}

/// How close `measured` must be to `expected`, and why.
public struct Tolerance: Sendable, Equatable {
  /// How `value` bounds the difference between `measured` and `expected`.
  public enum Kind: String, Sendable {
    /// Equality, for exact integers and symbolic values.
    case exact
    /// |measured − expected| ≤ value.
    case absolute
    /// |measured − expected| ≤ value·|expected|.
    case relative
    /// |z| ≤ value.
    case zScore = "z"
  }
  /// Which comparison `value` bounds.
  public let kind: Kind
  /// The bound: an absolute difference, a relative one, or |z|; nil for `exact`.
  public let value: Double?
  /// The reason for this tolerance, e.g. "z ≤ 5: two-sided false alarm 5.7e-7 per check".
  public let reason: String

  /// A tolerance from its kind, its bound (nil for `exact`) and the reason for the bound.
  public init(_ kind: Kind, _ value: Double? = nil, reason: String) {
    self.kind = kind
    self.value = value
    self.reason = reason
  }

  /// Exact equality, for integers and symbolic values.
  public static let exact = Tolerance(.exact, reason: "exact arithmetic")
}

/// What a check's body reports back to the runner.
public struct Measurement: Sendable {
  /// The check's verdict, as its body decided it under `tolerance`.
  public var status: CheckStatus
  /// The value the derivation predicts.
  public var expected: Value
  /// The value the check measured (a count, an estimate, a symbolic result).
  public var measured: Value
  /// The standard error of `measured`, for Monte Carlo estimates.
  public var standardError: Double?
  /// The test that decided a Monte Carlo status, with its reference distribution: what the
  /// calibration compares observed false alarms against.
  public var test: ZTest?
  /// How close `measured` must be to `expected`, and why.
  public var tolerance: Tolerance
  /// One or two sentences with the figures that led to the status.
  public var detail: String
  /// Findings about the printed solution that the check's evidence supports.
  public var errata: [Erratum]
  /// Observations worth reporting that are not errata.
  public var notes: [String]
  /// Series kept for plots and later comparison (name → values).
  public var series: [String: [Double]]

  /// A measurement; the standard error, test, errata, notes and series are optional.
  public init(
    status: CheckStatus, expected: Value, measured: Value, standardError: Double? = nil,
    test: ZTest? = nil, tolerance: Tolerance, detail: String, errata: [Erratum] = [],
    notes: [String] = [], series: [String: [Double]] = [:]
  ) {
    self.status = status
    self.expected = expected
    self.measured = measured
    self.standardError = standardError
    self.test = test
    self.tolerance = tolerance
    self.detail = detail
    self.errata = errata
    self.notes = notes
    self.series = series
  }
}

/// What a check receives when it runs.
public struct CheckContext: Sendable {
  /// The check's own random stream, split from the run seed by problem id and check id.
  public var random: RandomStream
  /// The number of Monte Carlo trials requested (the problem's default or `--trials`).
  public let trials: Int
  /// The problem's parameters after defaults and overrides.
  public let parameters: ParameterValues

  /// A context from the check's stream, the trial budget and the parameters.
  public init(random: RandomStream, trials: Int, parameters: ParameterValues) {
    self.random = random
    self.trials = trials
    self.parameters = parameters
  }
}

/// A check: a stable id, a kind, the parameters it runs with, and its body.
public struct Check: Sendable {
  /// Stable kebab-case id; stored in results.db, so never renamed.
  public let id: String
  /// How the check obtains its evidence.
  public let kind: CheckKind
  /// One line saying what is compared with what.
  public let summary: String
  /// The check's parameters as reported and stored, in order (e.g. `("N", 64)`).
  public let params: [(String, Value)]
  /// The check itself: draws from the context's stream and returns the measurement; anything it
  /// throws becomes a failed outcome (`Runner.run(_:stream:trials:parameters:)`).
  public let body: @Sendable (inout CheckContext) throws -> Measurement

  /// A check from its id, kind, one-line summary, reported parameters and body.
  public init(
    id: String, kind: CheckKind, summary: String, params: [(String, Value)] = [],
    body: @escaping @Sendable (inout CheckContext) throws -> Measurement
  ) {
    self.id = id
    self.kind = kind
    self.summary = summary
    self.params = params
    self.body = body
  }
}

/// A check's result as reported and stored.
public struct CheckOutcome: Sendable {
  /// The check's stable id, as in `Check.id`.
  public let id: String
  /// How the check obtained its evidence.
  public let kind: CheckKind
  /// One line saying what is compared with what.
  public let summary: String
  /// The check's parameters, in order.
  public let params: [(String, Value)]
  /// What the body measured; a body that threw gives a failed measurement carrying the error.
  public let measurement: Measurement
  /// The key of the check's random stream (reproduces its draws with the same seed).
  public let streamKey: UInt64
  /// Wall-clock seconds the body took (`ContinuousClock`).
  public let seconds: Double

  /// The measurement's verdict.
  public var status: CheckStatus { measurement.status }

  /// An outcome as `Runner` records it after running the body.
  public init(
    id: String, kind: CheckKind, summary: String, params: [(String, Value)],
    measurement: Measurement, streamKey: UInt64, seconds: Double
  ) {
    self.id = id
    self.kind = kind
    self.summary = summary
    self.params = params
    self.measurement = measurement
    self.streamKey = streamKey
    self.seconds = seconds
  }
}
