import Foundation

/// Which wrong products answer a count: the part's question decides, not only the sentence.
extension AuditRules.ArithmeticChains {
  /// The key of one question: its problem and its part (empty for none).
  static func questionKey(_ problem: String, _ part: String?) -> String {
    problem + "\u{1F}" + (part ?? "")
  }

  /// The questions (by `questionKey`) that ask for a count of multiplies: the count reading's
  /// count question (`Auditor.isCountQuestion`, or a label part under a lead that asks one),
  /// a question that names an earlier count question of the set (`evaluate Exercise 2 for
  /// …`), or a question whose text names a count (`count`, `counts`) in a problem an earlier
  /// part of which asks one (`(c) Work the counts out at …`). Linear in the items' prose.
  static func countQuestions(_ doc: ProblemSetDocument) -> Set<String> {
    var out: Set<String> = []
    var countProblems: Set<String> = []
    for item in doc.items {
      let own = item.statements.filter {
        doc.sections[$0].part == item.part && doc.sections[$0].kind != .solution
      }
      let prose = own.flatMap { doc.sections[$0].prose }.map(\.text).joined(separator: " ")
      let words = Set(DocumentSymbols.words(prose.unicodeScalars).map { $0.lowercased() })
      let asks =
        Auditor.isCountQuestion(prose)
        || (Auditor.isLabelPart(prose) && Auditor.isCountQuestion(Auditor.leadProse(item, doc)))
        || !Auditor.referencedProblems(
          prose,
          isEarlier: {
            $0 != item.problem && countProblems.contains($0)
          }
        ).isEmpty
        || namesNumberedQuestion(prose, in: countProblems.subtracting([item.problem]))
        || (item.part != nil && countProblems.contains(item.problem)
          && !words.isDisjoint(with: ["count", "counts"]))
      if asks {
        out.insert(questionKey(item.problem, item.part))
        countProblems.insert(item.problem)
      }
    }
    return out
  }

  /// Whether the prose names one of `problems` by a dotted number alone (`Evaluate 4.2 for
  /// …`): a number with a point is a section's numbering, not a size. Linear in the prose.
  static func namesNumberedQuestion(_ prose: String, in problems: Set<String>) -> Bool {
    guard !problems.isEmpty else { return false }
    return prose.split { !($0.isNumber || $0 == ".") }.contains { token in
      var t = token
      while t.last == "." { t = t.dropLast() }
      return t.contains(".") && problems.contains(String(t))
    }
  }

  /// The question a fragment answers: its section's problem and part, or in a section of no
  /// part the part whose label (`(b)` opening a line) last comes before it (`labels`, the
  /// section's `Auditor.partLabels`, read once per section by the caller).
  static func answeredQuestion(
    _ f: MathFragment, _ doc: ProblemSetDocument, labels: () -> [(offset: Int, part: String)]
  ) -> String? {
    let section = doc.sections[f.section]
    guard let problem = section.problem else { return nil }
    if let part = section.part { return questionKey(problem, part) }
    let labels = labels()
    let part = labels.last(where: { $0.offset <= f.location.offset })?.part
    return questionKey(problem, part)
  }
}
