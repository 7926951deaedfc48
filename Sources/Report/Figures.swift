import Charts
import ResultStore
import Verification

/// The figures of a stored problem, drawn by the problem itself (`Problem.figures`) from the
/// `series` its checks and probes stored: the report knows no problem. Each figure appears only
/// when its data is there; a run stored before psverify kept plot data has none, and the report
/// says so.
enum Figures {
  /// The figures of `problem` as the problem of the same id in `problems` draws them; nil when
  /// none there draws figures.
  static func figures(for problem: RunDocument.Problem, in problems: [any Problem]) -> [Figure]? {
    guard let owner = problems.first(where: { $0.id == problem.id }) else { return nil }
    return owner.figures(FigureData(stored: problem))
  }
}

extension FigureData {
  /// The checks' and probes' series of a stored problem, as its figures read them.
  init(stored p: RunDocument.Problem) {
    self.init(
      checks: p.checks.map {
        .init(id: $0.id, params: $0.params, detail: $0.detail, series: $0.series)
      },
      probes: p.probes.map {
        .init(id: $0.id, params: .null, detail: $0.detail, series: $0.series)
      })
  }
}
