import Algebra

/// Count questions on a problem that builds on an earlier one (`a stack of L layers of
/// Problem 1`) and writes no product of its own.
extension Auditor {
  /// The earlier problems that `prose` names: "problem", "exercise" or "question" followed by
  /// a number (`9`, `9.1`: dots inside a number kept, a sentence's full stop dropped) that
  /// `isEarlier` accepts. Linear in the prose's length.
  static func referencedProblems(_ prose: String, isEarlier: (String) -> Bool) -> [String] {
    let tokens = prose.lowercased().split { !($0.isLetter || $0.isNumber || $0 == ".") }.map {
      var t = $0
      while t.first == "." { t = t.dropFirst() }
      while t.last == "." { t = t.dropLast() }
      return t
    }
    var out: [String] = []
    var seen = Set<String>()
    for (word, next) in zip(tokens, tokens.dropFirst())
    where word == "problem" || word == "exercise" || word == "question" {
      let id = String(next)
      if isEarlier(id), seen.insert(id).inserted { out.append(id) }
    }
    return out
  }

  /// The count of a question whose own problem's equations count no multiply, read from the
  /// earlier problems its statement names: the printed count agrees when it is a whole number
  /// of applications (`applicationsOf`) of one of their counts, the notation engine's or the
  /// one they print. Nil when the statement names no earlier count question, the solution
  /// prints no count, or the printed count shares no size with theirs (not decidable).
  /// `sentence` is the solution's `sentenceCounts`.
  static func referencedCount(
    _ item: DocumentItem, statementProse: String, solution: [ReadFragment],
    earlier: [String: [Polynomial]], _ doc: ProblemSetDocument,
    sentence: [(at: MathFragment, count: Polynomial)]
  ) -> SolvedCount? {
    let names = referencedProblems(statementProse) { $0 != item.problem && earlier[$0] != nil }
    // At most four problems named and eight counts of each: bounded per question.
    let readings = names.prefix(4).flatMap { (earlier[$0] ?? []).prefix(8) }
    guard let first = readings.first, let printed = printedCount(solution, doc, sentence: sentence),
      readings.contains(where: { !$0.symbols.isDisjoint(with: printed.count.symbols) })
    else { return nil }
    let match = readings.lazy.compactMap { r in
      applicationsOf(printed.count, r).map { (r, $0) }
    }.first
    return SolvedCount(
      item: item.id, perApplication: match?.0 ?? first, printed: printed.count,
      printedAt: printed.at, answer: nil, applications: match?.1, agrees: match != nil,
      borderRule: nil)
  }
}

/// Count questions whose solution writes the equations it counts.
extension Auditor {
  /// A question whose solution writes the equations it counts (write the steps, count each),
  /// read per equation: the solution's first counting sentence (`printed`, its
  /// `sentenceCounts`) prints one count for each of
  /// the solution's equations with a product, in their order. A printed count that is none of
  /// those equations' counts disagrees with the count of the equation in its place. Nil when
  /// the numbers of counts and equations differ, or every printed count is one of them.
  /// Linear in the solution's fragments, then |counts|² comparisons.
  static func perEquationCount(
    _ item: DocumentItem, solution: [ReadFragment], _ doc: ProblemSetDocument,
    sentence printed: [(at: MathFragment, count: Polynomial)]
  ) -> SolvedCount? {
    let counted = solution.sorted { $0.fragment.location < $1.fragment.location }.flatMap {
      r -> [Polynomial] in
      guard case .equations(let rows) = r.content else { return [] }
      return rows.map(\.equation.multiplyCount).filter { !$0.isZero }
    }
    guard counted.count >= 2, printed.count == counted.count, counted.count <= 16,
      let wrong = printed.indices.first(where: { !counted.contains(printed[$0].count) })
    else { return nil }
    return SolvedCount(
      item: item.id, perApplication: counted[wrong], printed: printed[wrong].count,
      printedAt: printed[wrong].at, answer: nil, applications: nil, agrees: false,
      borderRule: nil)
  }
}
