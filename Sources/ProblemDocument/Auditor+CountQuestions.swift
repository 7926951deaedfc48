/// Which questions ask for a multiply count, read from their words.
extension Auditor {
  /// A question that names multiplies as a count: one of its words is the noun or verb
  /// (multiplies, multiplications, multiply), not the adjective (multiplicative).
  static func isCountQuestion(_ prose: String) -> Bool {
    let words = DocumentSymbols.words(prose.unicodeScalars)
    let noun = { (w: String) in
      w.hasPrefix("multipl") && !w.hasPrefix("multiplicativ") && !w.hasPrefix("multiplier")
    }
    if asksCost(prose) { return true }
    guard words.contains(where: noun) else { return false }
    // Asked as a number: "how many", "the number of", "count", or the noun opening the question
    // ("Multiplies for the block?").
    let text = words.joined(separator: " ")
    return text.hasSubstring("how many") || text.hasSubstring("number of")
      || words.contains("count")
      || words.prefix(3).contains(where: noun)
  }

  /// A count question's sections: its own question text (`own`: its part's sections before
  /// the problem's first solution after them), the sections that answer it in its own part, its statements, a solution it
  /// shares with other parts, and its solution sections. Binary search over the problem's
  /// solutions, linear in the item's sections.
  static func itemSections(
    _ item: DocumentItem, _ problemSolutions: [Int], _ parts: Set<String>,
    _ labelsOf: (Int) -> [(offset: Int, part: String)], _ doc: ProblemSetDocument
  ) -> (
    own: [Int], answerSections: [Int], statements: [Int],
    shared: (section: Int, range: Range<Int>)?, solutions: [Int]
  ) {
    // A part's label repeated after a solution section of its problem (a solution marker,
    // then `(a) …`, `(b) …`) opens that part's answer, not more of its question.
    let ownAll = item.statements.filter { doc.sections[$0].part == item.part }
    // The problem's first solution after the part's first section, by bisection.
    let firstSolution = ownAll.first.flatMap { first -> Int? in
      var (low, high) = (0, problemSolutions.count)
      while low < high {
        let mid = (low + high) / 2
        if problemSolutions[mid] > first { high = mid } else { low = mid + 1 }
      }
      return low < problemSolutions.count ? problemSolutions[low] : nil
    }
    let own = ownAll.filter { s in firstSolution.map { s < $0 } ?? true }
    let ownSet = Set(own)
    let answerSections = item.part == nil ? [] : ownAll.filter { !ownSet.contains($0) }
    let answerSet = Set(answerSections)
    let statements = item.statements.filter { !answerSet.contains($0) }
    let shared =
      answerSections.isEmpty
      ? item.part.flatMap {
        sharedSolution(
          part: $0, parts: parts, problemSolutions, labelsOf, doc)
      } : nil
    // A solution section whose part labels name only other parts answers those parts.
    let solutions = item.solutions.filter { section in
      let labels = labelsOf(section).filter { parts.contains($0.part) }
      return labels.isEmpty || labels.contains { $0.part == item.part }
    }
    return (own, answerSections, statements, shared, solutions)
  }
}
