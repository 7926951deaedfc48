import Answers
import Foundation
import IndexNotation

/// A problem parameter: its name, what it means, its default and the values it accepts.
public struct ParameterSpec: Sendable {
  /// The values a parameter accepts.
  public enum Domain: Sendable {
    /// A whole number in a closed range.
    case integer(ClosedRange<Int>)
    /// A real constant in a closed range, written as a number or an expression (`1/sqrt(2)`).
    case real(ClosedRange<Double>)
    /// One of a few words.
    case choice([String])
    /// A file path.
    case path
  }

  /// The name used in `--param NAME=VALUE`.
  public let name: String
  /// What the parameter means, in a line, for `psverify list`.
  public let summary: String
  /// The values it accepts.
  public let domain: Domain
  /// The default; nil when the parameter is optional (e.g. an answer to test instead of the
  /// derived one).
  public let defaultValue: ParameterValue?

  /// A parameter from its name, summary, domain and default (nil when optional).
  public init(_ name: String, _ summary: String, domain: Domain, default value: ParameterValue?) {
    self.name = name
    self.summary = summary
    self.domain = domain
    self.defaultValue = value
  }

  /// What the parameter accepts, for error messages and `psverify list`.
  public var accepted: String {
    switch domain {
    case .integer(let r): "a whole number from \(r.lowerBound) to \(r.upperBound)"
    case .real(let r):
      "a number or expression such as 1/sqrt(2) from \(Value.format(r.lowerBound)) to "
        + "\(Value.format(r.upperBound))"
    case .choice(let words): "one of " + words.joined(separator: ", ")
    case .path: "a file path"
    }
  }

  /// Reads a value given on the command line. Values are taken exactly as written: surrounding
  /// spaces and a leading `+` are refused alike for every kind (a path may hold any characters).
  public func parse(_ text: String) throws -> ParameterValue {
    let isPath: Bool
    if case .path = domain { isPath = true } else { isPath = false }
    let padded = text != text.trimmingCharacters(in: .whitespacesAndNewlines)
    if !isPath && (padded || text.hasPrefix("+")) {
      throw ParameterError.invalid(
        name: name, value: text,
        accepted: accepted + ", written without spaces or a + sign")
    }
    switch domain {
    case .integer(let range):
      guard let n = Int(text) else {
        throw ParameterError.invalid(name: name, value: text, accepted: accepted)
      }
      guard range.contains(n) else {
        throw ParameterError.invalid(name: name, value: text, accepted: accepted)
      }
      return .integer(n)
    case .real(let range):
      let value: ScalarValue
      let read = Result { () throws(AnswerSyntaxError) in try ScalarExpression.evaluate(text) }
      switch read {
      case .success(let v): value = v
      case .failure(let error):
        throw ParameterError.unreadable(
          name: name, value: text, reason: error.description,
          accepted: accepted)
      }
      guard value.doubleValue.isFinite, range.contains(value.doubleValue) else {
        throw ParameterError.invalid(name: name, value: text, accepted: accepted)
      }
      return .real(value)
    case .choice(let words):
      guard words.contains(text) else {
        throw ParameterError.invalid(name: name, value: text, accepted: accepted)
      }
      return .choice(text)
    case .path:
      guard !text.isEmpty else {
        throw ParameterError.invalid(name: name, value: text, accepted: accepted)
      }
      return .path(text)
    }
  }
}

/// A parameter's value: an exact whole number, or a real constant (exact when it can be).
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
  /// A whole number.
  case integer(Int)
  case real(ScalarValue)
  case choice(String)
  case path(String)

  /// The value as written back: the integer, the real as `ScalarValue` prints it, the word or
  /// the path.
  public var description: String {
    switch self {
    case .integer(let n): String(n)
    case .real(let v): v.description
    case .choice(let w), .path(let w): w
    }
  }

  /// The value as a reportable `Value` (a real becomes its `Double`).
  public var asValue: Value {
    switch self {
    case .integer(let n): .integer(n)
    case .real(let v): .real(v.doubleValue)
    case .choice(let w), .path(let w): .text(w)
    }
  }
}

/// An error in a `--param` given by the user.
public enum ParameterError: Error, Equatable, CustomStringConvertible {
  /// A `--param` not of the form NAME=VALUE.
  case malformed(String)
  case unknown(name: String, problem: String, known: [String])
  case invalid(name: String, value: String, accepted: String)
  case unreadable(name: String, value: String, reason: String, accepted: String)
  /// Values that are each valid but together ask for more than the machine can do.
  case tooLarge(String)
  /// Values that are each valid but together are too few for a check's statistics.
  case tooSmall(String)
  /// An input file that cannot be used.
  case input(String)

  /// A value as shown in a one-line message: control characters escaped (`\n`, `\r`, `\t`,
  /// `\u{1B}`), at most 80 characters then "…".
  public static func shown(_ text: String) -> String {
    var out = ""
    var count = 0
    for s in text.unicodeScalars {
      if count >= 80 {
        out += "…"
        break
      }
      switch s {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _
      where s.properties.generalCategory == .control
        || s.properties.generalCategory == .format || s == "\u{2028}" || s == "\u{2029}":
        out += "\\u{\(String(s.value, radix: 16, uppercase: true))}"
      default: out.unicodeScalars.append(s)
      }
      count += 1
    }
    return out
  }

  /// The error as a one-line message quoting the value (escaped by `shown(_:)`) and naming what
  /// is accepted: "invalid value 'x' for parameter N: expected a whole number from …".
  public var description: String {
    switch self {
    case .malformed(let text):
      "invalid --param '\(Self.shown(text))': expected NAME=VALUE, e.g. --param N=64"
    case .unknown(let name, let problem, let known):
      "unknown parameter '\(Self.shown(name))' for problem \(problem); known: "
        + (known.isEmpty ? "none" : known.joined(separator: ", "))
    case .invalid(let name, let value, let accepted):
      "invalid value '\(Self.shown(value))' for parameter \(name): expected \(accepted)"
    case .unreadable(let name, let value, let reason, let accepted):
      "invalid value '\(Self.shown(value))' for parameter \(name) (\(Self.shown(reason))): "
        + "expected \(accepted)"
    case .tooLarge(let message), .tooSmall(let message), .input(let message): message
    }
  }
}

/// The parameters a problem runs with: defaults overridden by `--param`.
public struct ParameterValues: Sendable, Equatable {
  /// Every parameter's value by name; optional parameters without a value are absent.
  public private(set) var values: [String: ParameterValue]
  /// The names given explicitly by the user.
  public private(set) var overridden: Set<String>

  /// Defaults from `specs`, then `overrides` (the names given explicitly are `overridden`).
  public init(specs: [ParameterSpec], overrides: [String: ParameterValue] = [:]) {
    var values: [String: ParameterValue] = [:]
    for spec in specs { values[spec.name] = spec.defaultValue }
    for (name, value) in overrides { values[name] = value }
    self.values = values
    self.overridden = Set(overrides.keys)
  }

  /// An integer parameter; traps if the problem did not declare it as one (a programmer error).
  public func integer(_ name: String) -> Int {
    guard case .integer(let n)? = values[name] else {
      preconditionFailure(
        "parameter \(name) is not an integer: \(String(describing: values[name]))")
    }
    return n
  }

  /// A choice parameter's word.
  public func choice(_ name: String) -> String {
    guard case .choice(let w)? = values[name] else {
      preconditionFailure("parameter \(name) is not a choice: \(String(describing: values[name]))")
    }
    return w
  }

  /// A path parameter, or nil when unset.
  public func path(_ name: String) -> String? {
    guard case .path(let p)? = values[name] else { return nil }
    return p
  }

  /// A real parameter, or nil when it is optional and unset.
  public func real(_ name: String) -> ScalarValue? {
    guard case .real(let v)? = values[name] else { return nil }
    return v
  }
}
