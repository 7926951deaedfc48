/// What a stored run of one problem holds for drawing its figures: each check's and probe's
/// parameters, detail and `series` (named columns of numbers), as results.db keeps them. Built
/// from a stored run, so a figure never recomputes anything.
public struct FigureData: Sendable {
  /// One check or probe as stored.
  public struct Entry: Sendable {
    public var id: String
    public var params: JSONValue
    public var detail: String
    public var series: [String: [Double]]

    public init(id: String, params: JSONValue, detail: String, series: [String: [Double]]) {
      (self.id, self.params, self.detail, self.series) = (id, params, detail, series)
    }
  }

  public var checks: [Entry]
  public var probes: [Entry]

  public init(checks: [Entry], probes: [Entry]) {
    (self.checks, self.probes) = (checks, probes)
  }

  /// The stored check with this id, if the run has it. O(checks).
  public func check(_ id: String) -> Entry? { checks.first { $0.id == id } }

  /// The stored probe with this id, if the run has it. O(probes).
  public func probe(_ id: String) -> Entry? { probes.first { $0.id == id } }
}
