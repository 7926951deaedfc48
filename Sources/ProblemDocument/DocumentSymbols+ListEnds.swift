/// Lists of names that a phrase after their last member introduces.
extension DocumentSymbols {
  /// The fragments (indices into `readings`) that stand in a list closed by an introducing
  /// phrase: in `$A$ and $B$ denote …` or `$A$, $B$ the gradients …` the phrase after the last
  /// member introduces every member. Members are joined by nothing but commas and "and"
  /// (`ProblemSetDocument.joinedAsList`) within one section; the last member's own following
  /// text is a postfix introducer. One backward pass: O(number of fragments).
  func listsClosedByIntroducer(_ readings: [ReadFragment], _ doc: ProblemSetDocument) -> Set<Int> {
    var closed = Set<Int>()
    guard readings.count > 1 else { return closed }
    for k in stride(from: readings.count - 2, through: 0, by: -1) {
      let a = readings[k].fragment
      let b = readings[k + 1].fragment
      guard doc.joinedAsList(a, b) else { continue }
      let after = followingText(b, doc)
      let closes =
        DocumentSymbols.postfixIntroducers.contains { after.hasPrefix($0) }
        || DocumentSymbols.glossOrPluralCopula(after)
      if closed.contains(k + 1) || closes { closed.insert(k) }
    }
    return closed
  }
}
