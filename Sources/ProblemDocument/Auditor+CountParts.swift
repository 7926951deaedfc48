import Algebra
import IndexNotation

/// A count question that names no tensor of its problem is judged against all the statement's
/// equations; when the problem asks several such questions and their printed counts are the
/// counts of disjoint groups of those equations (one question the first three equations, the
/// next the last two), each question asks about a part, and which part the equations do not
/// say: a note, not a finding.
struct CountPart {
  /// The question's index among the solved counts.
  let index: Int
  /// The problem the question belongs to.
  let problem: String
  /// Whether the question names nothing of its problem (rather than all its equations).
  let namesNothing: Bool
  /// The left sides of the statement's equations, in order.
  let keys: [String]
  /// Every group of equations (a bit mask over `keys`) whose count is the printed one.
  let matches: [Int]
  /// For each other count of the sentence that prints the count and matches a group, the
  /// groups it matches (a cost listed per step).
  let besideMatches: [[Int]]
  /// The printed count, as compared.
  let printed: Polynomial
  /// The count of all the equations.
  let whole: Polynomial

  /// At most this many equations are split into groups: 2⁸ − 2 proper groups per reading.
  static let maxEquations = 8
  /// At most this many questions of one problem are compared with each other.
  static let maxQuestions = 64
  /// At most this many matching groups are kept per question.
  static let maxMatches = 16

  /// The proper, non-empty groups of `perEquation`'s equations whose summed count is `printed`
  /// under one of the readings (each reading a count per equation, in the same order). Nil
  /// when there are fewer than two equations or more than `maxEquations`.
  /// - Complexity: O(2ⁿ) polynomial additions per reading, n ≤ `maxEquations`.
  static func matchingGroups(_ perEquation: [[Polynomial]], printed: Polynomial) -> [Int]? {
    guard let n = perEquation.first?.count, n >= 2, n <= maxEquations else { return nil }
    let full = (1 << n) - 1
    var found: [Int] = []
    for reading in perEquation where reading.count == n {
      // Sums built from the mask without its lowest bit: one addition per group.
      var sums = [Polynomial](repeating: Polynomial(), count: full + 1)
      for mask in 1..<full {
        let low = mask & -mask
        sums[mask] = sums[mask ^ low] + reading[low.trailingZeroBitCount]
        if sums[mask] == printed, !found.contains(mask), found.count < maxMatches {
          found.append(mask)
        }
      }
    }
    return found
  }

  /// The names of the equations of `mask`, in order.
  func names(_ mask: Int) -> [String] {
    keys.indices.filter { mask & (1 << $0) != 0 }.map { keys[$0] }
  }

  /// The printed count's group when it and every other count of its sentence that matches a
  /// group can take pairwise disjoint groups (a cost listed per step, the printed one among
  /// them); nil when they cannot (a total that repeats one of the steps). Backtracking over at
  /// most 9 counts, bounded by 4 096 steps.
  func breakdown() -> Int? {
    let lists = [matches] + besideMatches
    var budget = 4096
    func assign(_ i: Int, _ used: Int) -> Bool {
      if i == lists.count { return true }
      for mask in lists[i] where mask & used == 0 {
        budget -= 1
        if budget < 0 { return false }
        if assign(i + 1, used | mask) { return true }
      }
      return false
    }
    for mine in matches where assign(1, mine) { return mine }
    return nil
  }

  /// The name set of the equations of `mask`.
  func nameSet(_ mask: Int) -> Set<String> { Set(names(mask)) }
}

extension CountPart {
  /// The question's groups read from its equations, as written and with constant factors left
  /// out (`unscaledReading`), each equation counted by `count`, and the groups of the counts
  /// printed `beside` it in its sentence; nil when no group's count is the printed one.
  /// - Complexity: O(2ⁿ) additions per reading and count beside, the counts beside capped at 8.
  init?(
    index: Int, problem: String, namesNothing: Bool, _ equations: [Equation],
    printed: Polynomial,
    whole: Polynomial, beside: [Polynomial], count: (Equation) -> Polynomial
  ) {
    let readings = [equations, equations.map { $0.reading(Auditor.unscaledReading($0.rhs)) }]
      .map { $0.map(count) }
    guard let groups = Self.matchingGroups(readings, printed: printed), !groups.isEmpty
    else { return nil }
    let others = beside.prefix(8).compactMap { Self.matchingGroups(readings, printed: $0) }
      .filter { !$0.isEmpty }
    self.init(
      index: index, problem: problem, namesNothing: namesNothing,
      keys: equations.map { DocumentSymbols.key($0.lhs.name) },
      matches: groups, besideMatches: others, printed: printed, whole: whole)
  }
}

extension Auditor {
  /// The counts of `sentence` (as read, `counts` as compared) other than the printed one, when
  /// the printed one is among them; none when the count printed is a total written elsewhere:
  /// a total is the answer, and the parts listed before it do not make it one of them.
  static func besideCounts(
    _ sentence: [(at: MathFragment, count: Polynomial)], _ counts: [Polynomial],
    _ printed: MathFragment?
  ) -> [Polynomial] {
    guard let at = printed?.location.offset,
      sentence.contains(where: { $0.at.location.offset == at })
    else { return [] }
    return zip(sentence, counts).filter { $0.0.at.location.offset != at }.map(\.1)
  }

  /// The counts of `parts` whose problem asks another count question of the same kind whose
  /// printed count is the count of a disjoint group of the statement's equations: each set to
  /// agree, counted as that group, with a note naming the equations its printed count matches.
  /// Quadratic in the number of such questions of one problem (at most
  /// `CountPart.maxQuestions` of them), each pair comparing at most `CountPart.maxMatches`²
  /// groups.
  static func partCounts(_ counts: inout [SolvedCount], _ parts: [CountPart]) {
    let byProblem = Dictionary(grouping: parts, by: \.problem)
    for all in byProblem.values {
      let group = all.prefix(CountPart.maxQuestions)
      for part in group {
        let partner =
          (part.besideMatches.isEmpty ? nil : part.breakdown())
          ?? group.lazy.filter {
            part.namesNothing && $0.namesNothing && $0.index != part.index
          }.compactMap { other in
            part.matches.first { mine in
              other.matches.contains { part.nameSet(mine).isDisjoint(with: other.nameSet($0)) }
            }
          }.first
        guard let mine = partner else { continue }
        let c = counts[part.index]
        // Every group the count matches (equal costs give several), the one kept first.
        let groups = ([mine] + part.matches.filter { $0 != mine }).prefix(3)
        let names = groups.map { "those for " + part.names($0).joined(separator: ", ") }
          .joined(separator: ", or ")
        let note =
          "problem \(c.item): the printed count \(part.printed) is the count of a group of the "
          + "statement's equations alone, \(names) (notation engine), not of all of them "
          + "(\(part.whole)); another count question of the problem, or another count printed "
          + "beside it, counts a separate group, so this one is read as asking about a part, "
          + "which the question does not name"
        counts[part.index] = SolvedCount(
          item: c.item, perApplication: part.printed, printed: c.printed,
          printedAt: c.printedAt, answer: c.answer, applications: nil, agrees: true,
          borderRule: c.borderRule, scopeNote: note)
      }
    }
  }
}
