import Foundation
import Verification

/// Points per problem, and for answers with parts the weight of each part:
///
/// ```toml
/// assignment = "CNN problems"   # the gradebook column's name (optional)
/// canvas_id = 12345             # Canvas's assignment id, shown as "CNN problems (12345)"
///
/// [problems.1]
/// points = 2
///
/// [problems.3a]
/// points = 3
/// parts = { bottleneck = 1, plain = 1, condition = 1 }
/// ```
/// A problem the rubric leaves out is worth 1 point; parts left out weigh 1.
///
/// Credit for a problem worth P:
/// ```
/// correct → P;   incorrect with parts → P · Σ_{right parts} w / Σ_{parts} w;   otherwise 0
/// ```
public struct Rubric: Sendable, Equatable {
  /// The most points (or part weight) a problem may carry: totals of a few hundred problems stay
  /// exact in a Double and print as whole numbers.
  public static let maximumPoints = 1_000_000.0

  /// The gradebook column's name (`assignment` in the TOML).
  public var assignment: String
  /// Canvas's assignment id (`canvas_id`), shown in the column title; nil when not given.
  public var canvasID: String?
  /// The points each problem is worth, by problem id; a problem left out is worth 1.
  public var points: [String: Double]
  /// The weight of each named part, by problem id then part label; a part left out weighs 1.
  public var parts: [String: [String: Double]]

  /// A rubric; problems and parts left out weigh 1.
  public init(
    assignment: String = "CNN problems", canvasID: String? = nil,
    points: [String: Double] = [:], parts: [String: [String: Double]] = [:]
  ) {
    (self.assignment, self.canvasID) = (assignment, canvasID)
    (self.points, self.parts) = (points, parts)
  }

  /// The points a problem is worth.
  public func maximum(_ problem: String) -> Double { points[problem] ?? 1 }

  /// The points a grade earns (see the type's formula).
  public func credit(_ problem: String, _ grade: Grade) -> Double {
    let p = maximum(problem)
    switch grade.verdict {
    case .correct: return p
    case .unreadable: return 0
    case .incorrect:
      guard !grade.parts.isEmpty else { return 0 }
      let weights = parts[problem] ?? [:]
      let total = grade.parts.reduce(0.0) { $0 + (weights[$1.label] ?? 1) }
      let right = grade.parts.filter(\.correct).reduce(0.0) { $0 + (weights[$1.label] ?? 1) }
      return total > 0 ? p * right / total : 0
    }
  }

  /// The gradebook column's header: `CNN problems (12345)` with a Canvas id.
  public var columnTitle: String { assignment + (canvasID.map { " (\($0))" } ?? "") }

  /// The rubric as stored with a class run.
  public var json: JSONValue {
    .object([
      ("assignment", .string(assignment)), ("canvas_id", canvasID.map { .string($0) } ?? .null),
      ("points", .object(points.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
      (
        "parts",
        .object(
          parts.sorted { $0.key < $1.key }.map { p in
            (p.key, .object(p.value.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }))
          })
      ),
    ])
  }

  /// A rubric read back from `json`.
  public init(json: JSONValue) {
    func numbers(_ v: JSONValue?) -> [String: Double] {
      guard case .object(let members)? = v else { return [:] }
      return Dictionary(
        members.compactMap { m in m.1.number.map { (m.0, $0) } },
        uniquingKeysWith: { a, _ in a })
    }
    var parts: [String: [String: Double]] = [:]
    if case .object(let members)? = json.member("parts") {
      for (k, v) in members { parts[k] = numbers(v) }
    }
    var assignment = "CNN problems"
    if case .string(let a)? = json.member("assignment") { assignment = a }
    var canvas: String?
    if case .string(let c)? = json.member("canvas_id") { canvas = c }
    self.init(
      assignment: assignment, canvasID: canvas, points: numbers(json.member("points")),
      parts: parts)
  }
}
